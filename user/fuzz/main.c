/*
 * main.c: the fuzzer's driver. "fuzz <seed> <calls>" runs random operations until all its processes
 * together have made <calls> system calls (or a result disagrees with the model), then prints
 *     fuzz: seed <s>: <n> calls, <n> checks, <n> forks, <n> children killed, <n> mismatches
 * and exits 0 (1 after a mismatch). Each operation is one of: a model-checked file operation, a
 * model-checked memory operation, a bad-argument call with a known result, a fork whose child checks
 * the model, a child making one access that must (or must not) kill it, or a chaos child.
 * test/fuzz.py boots it once per seed (make fuzz) and judges panics, hangs and leaked pages.
 */
#include "fuzz.h"

#define DEFAULT_SEED 1
#define DEFAULT_CALLS 10000
#define SIGCHLD_FLAGS SIGCHLD

struct fuzz_stats *stats;
unsigned long call_limit;
static unsigned long seed;

long fz_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	stats->calls++;
	return syscall6(nr, a0, a1, a2, a3, a4, a5);
}

int expect_eq(const char *what, long got, long want)
{
	stats->checks++;
	if (got == want)
		return 1;
	stats->mismatches++;
	printf("fuzz: MISMATCH seed %lu call %lu pid %ld: %s: got %ld (0x%lx), expected %ld (0x%lx)\n", seed,
	       stats->calls, sys_getpid(), what, got, got, want, want);
	return 0;
}

int expect_child(const char *what, long status, unsigned long signal_mask)
{
	if (!signal_mask)
		return expect_eq(what, status, 0);
	if (status >= 0 && WIFSIGNALED(status) && (signal_mask & SIG_BIT(WTERMSIG(status)))) {
		stats->checks++;
		stats->killed++;
		return 1;
	}
	return expect_eq(what, status, (long)signal_mask | 0x7f000000);   /* "want" shows the signal mask */
}

long fz_wait(long pid, long *reaped)
{
	int status = -1;
	long got = fz_call(__NR_wait4, pid, (long)&status, 0, 0, 0, 0);

	if (reaped)
		*reaped = got;
	return got < 0 ? got : status;
}

long fz_fork_child(void)
{
	long pid = fz_call(__NR_clone, SIGCHLD_FLAGS, 0, 0, 0, 0, 0);

	if (pid > 0)
		stats->forks++;
	return pid;
}

/* One operation, chosen by weight. */
static void one_op(void)
{
	unsigned long r = rnd_below(100);

	if (r < 30)
		files_op();
	else if (r < 60)
		mem_op();
	else if (r < 75)
		bad_args_op();
	else if (r < 80)
		mem_fork_check();
	else if (r < 88)
		mem_access_child();
	else
		chaos_child_round();
}

static unsigned long arg_number(int argc, char **argv, int i, unsigned long fallback)
{
	return argc > i ? (unsigned long)atoi(argv[i]) : fallback;
}

int main(int argc, char **argv, char **envp)
{
	long page = sys_mmap((void *)STATS_ADDR, PAGE_SIZE, PROT_READ | PROT_WRITE,
			     MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);

	if (MMAP_FAILED(page)) {
		printf("fuzz: FAIL no page for the counters (%ld)\n", page);
		return 1;
	}
	stats = (struct fuzz_stats *)page;
	seed = arg_number(argc, argv, 1, DEFAULT_SEED);
	call_limit = arg_number(argc, argv, 2, DEFAULT_CALLS);
	rnd_seed(seed);
	files_init();
	mem_init();
	while (stats->calls < call_limit && !stats->mismatches)
		one_op();
	if (!stats->mismatches)
		mem_probe_all();
	files_cleanup();
	printf("fuzz: seed %lu: %lu calls, %lu checks, %lu forks, %lu children killed, %lu mismatches\n", seed,
	       stats->calls, stats->checks, stats->forks, stats->killed, stats->mismatches);
	return stats->mismatches ? 1 : 0;
}
