/*
 * exectest.c: checks execve: a successful exec in a child (run through the helper echoargs,
 * which exits with its argc), and failures that leave the caller running with its memory as it
 * was. Programs are found as exec_prog() does: "echoargs" on this kernel, "build/user/echoargs"
 * on Linux (so run it from the repository root there).
 *   exec_echoargs        a child execs echoargs with argv {echoargs, one, two} and envp {K=V};
 *                        it exits with 3
 *   exec_null_envp       envp NULL counts as empty: echoargs prints "env=none", exits with 4
 *   exec_grandchild      a child's child execs echoargs; the exit code comes back up two levels
 *   exec_missing         no such program: -ENOENT, and the caller carries on
 *   exec_path_null, exec_path_kaddr, exec_argv_kaddr, exec_argv_bad_string, exec_envp_kaddr
 *                        a path, argv or envp pointer (or a string pointer in argv) that user
 *                        mode may not read: -EFAULT, and the caller carries on
 *   exec_e2big_huge      one 200 KiB argument (Linux's limit for one string is 128 KiB): -E2BIG
 *   exec_e2big_strlen    one argument of exactly 128 KiB with its NUL is allowed, one byte more is -E2BIG
 *   exec_long, exec_many one 5000-byte argument; 600 arguments: both fine (Linux's limits)
 *   exec_arg_max_exact, exec_e2big_arg_max
 *                        the file name, strings and pointers filling ARG_MAX to the byte run (Linux's
 *                        accounting); one byte more: -E2BIG
 *   exec_e2big_total     20 arguments of 120 KiB: strings and pointers past ARG_MAX (a quarter of
 *                        the 8 MiB stack limit, 2 MiB): -E2BIG
 *   exec_arg_page_end    strings of 1 to 100 bytes (NUL included, at every alignment the kernel's
 *                        word and 32-byte steps meet) that end on the last byte of a page followed
 *                        by an unmapped one: the exec works, echoargs gets them
 *   exec_arg_off_page    a string whose bytes run into the unmapped page: -EFAULT
 *   exec_small_stack_limit, exec_tiny_stack_limit
 *                        with RLIMIT_STACK at 64 KiB (a quarter is 16 KiB) one 100 KiB argument still
 *                        runs: the limit is never below ARG_MAX (32 pages), as on Linux; with it at
 *                        16 bytes, two 100 KiB arguments are -E2BIG (the same 128 KiB floor)
 * The -E2BIG cases run in a child, so an exec that wrongly succeeds replaces only the child.
 * Every failing exec must leave the caller's memory as it was (a global and a stack canary).
 * Expected output: echoargs' lines for the three successful execs and one "<name>: ok" per check;
 * exit status 0.
 */
#include "ulib.h"
#include "uapi/resource.h"

#define HUGE_ARG_BYTES (200UL << 10)
#define MAX_ARG_STRLEN (128UL << 10)	/* one string, NUL included */
#define LONG_ARG_BYTES 5000UL
#define MANY_ARGS 600
#define TOTAL_ARGS 20			/* of TOTAL_ARG_BYTES each: 2.4 MiB, past ARG_MAX */
#define TOTAL_ARG_BYTES (120UL << 10)
#define ARG_MAX_BYTES (2UL << 20)	/* file name + strings + pointers (RLIMIT_STACK / 4) */
#define FULL_ARGS 15			/* strings of MAX_ARG_STRLEN, then one that fills ARG_MAX */
#define SMALL_STACK_LIMIT (64UL << 10)
#define TINY_STACK_LIMIT 16UL
#define FLOOR_ARG_BYTES (100UL << 10)	/* under the 128 KiB floor once, over it twice */
#define CANARY 0x5eed1e55c0ffee00UL
#define CANARY_BROKEN 99		/* exit code: a failed exec changed the caller's memory */
#define CHAIN_BROKEN 98			/* exit code: the middle process's fork or wait failed */

static volatile unsigned long canary = CANARY;
static char big_arg[HUGE_ARG_BYTES + 1];
static char *many_argv[MANY_ARGS + 2];
static char last_arg[MAX_ARG_STRLEN];

static char *echo_argv[] = { "echoargs", "one", "two", NULL };
static char *echo_envp[] = { "K=V", NULL };
static char *four_argv[] = { "echoargs", "a", "b", "c", NULL };

struct exec_job {
	char *const *argv;
	char *const *envp;
};

/* A child's body: execs echoargs; if that returns, exits with the error number, or with
 * CANARY_BROKEN if the failed exec changed this process's memory. */
static int exec_echoargs(void *arg)
{
	const struct exec_job *job = arg;
	volatile unsigned long stack_canary = CANARY;
	long err = exec_prog("echoargs", job->argv, job->envp);

	return canary == CANARY && stack_canary == CANARY ? (int)-err : CANARY_BROKEN;
}

static unsigned long stack_limit;	/* RLIMIT_STACK for exec_limited_echoargs */

/* A child's body: exec_echoargs with RLIMIT_STACK (soft and hard) set to stack_limit first. */
static int exec_limited_echoargs(void *arg)
{
	struct rlimit lim = { stack_limit, stack_limit };

	if (syscall6(__NR_prlimit64, 0, RLIMIT_STACK, (long)&lim, 0, 0, 0))
		return CHAIN_BROKEN;
	return exec_echoargs(arg);
}

/* Another child's body: forks a grandchild that runs exec_echoargs; exits with its exit code. */
static int fork_exec_echoargs(void *arg)
{
	long status = fork_run(exec_echoargs, arg);

	return status >= 0 && WIFEXITED(status) ? WEXITSTATUS(status) : CHAIN_BROKEN;
}

/* Runs body(argv, envp) in a child and checks that it exits with want. */
static void expect_child_exit(const char *name, int (*body)(void *), char *const *argv,
			      char *const *envp, int want)
{
	struct exec_job job = { argv, envp };
	long status = fork_run(body, &job);

	check(name, status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == want,
	      "wait status 0x%lx, expected exit code %d (exit code %d: a failed exec changed "
	      "memory; other small codes are the errno execve returned)", status, want,
	      CANARY_BROKEN);
}

/* Checks an exec that failed in this process: the error, and the memory it must not touch. */
static void expect_failure(const char *name, long got, long want, unsigned long stack_canary)
{
	check(name, got == want && canary == CANARY && stack_canary == CANARY,
	      "execve returned %ld (expected %ld); canaries 0x%lx 0x%lx (expected 0x%lx)", got,
	      want, canary, stack_canary, CANARY);
}

static void test_in_place_failures(void)
{
	volatile unsigned long stack_canary = CANARY;
	char *bad_string_argv[] = { "echoargs", (char *)KERNEL_ADDR, NULL };
	char *const *kernel_vector = (char *const *)KERNEL_ADDR;

	expect_failure("exec_missing", exec_prog("no_such_program", echo_argv, echo_envp), -ENOENT,
		       stack_canary);
	expect_failure("exec_path_null", sys_execve(NULL, echo_argv, echo_envp), -EFAULT,
		       stack_canary);
	expect_failure("exec_path_kaddr", sys_execve((const char *)KERNEL_ADDR, echo_argv, echo_envp),
		       -EFAULT, stack_canary);
	expect_failure("exec_argv_kaddr", exec_prog("echoargs", kernel_vector, echo_envp), -EFAULT,
		       stack_canary);
	expect_failure("exec_argv_bad_string", exec_prog("echoargs", bad_string_argv, echo_envp),
		       -EFAULT, stack_canary);
	expect_failure("exec_envp_kaddr", exec_prog("echoargs", echo_argv, kernel_vector), -EFAULT,
		       stack_canary);
}

/* argv {echoargs, arg} with arg a string of len 'x's, in big_arg. */
static char *const *one_big_arg(unsigned long len)
{
	static char *argv[3] = { "echoargs", big_arg, NULL };

	memset(big_arg, 'x', len);
	big_arg[len] = '\0';
	return argv;
}

/* argv {echoargs, s, s, .. (count times)} in many_argv. */
static char *const *repeated_args(int count, char *s)
{
	many_argv[0] = "echoargs";
	for (int i = 1; i <= count; i++)
		many_argv[i] = s;
	many_argv[count + 1] = NULL;
	return many_argv;
}

/*
 * argv {echoargs, FULL_ARGS strings of MAX_ARG_STRLEN, one more} with echo_envp: the last string makes
 * the file name, every string and every pointer fill ARG_MAX exactly, plus extra bytes.
 */
static char *const *arg_max_args(unsigned long extra)
{
	unsigned long used = 2 * sizeof("echoargs") + sizeof("K=V") + (FULL_ARGS + 3) * sizeof(char *);
	unsigned long len;

	memset(big_arg, 'z', MAX_ARG_STRLEN - 1);
	big_arg[MAX_ARG_STRLEN - 1] = '\0';
	many_argv[0] = "echoargs";
	for (int i = 1; i <= FULL_ARGS; i++) {
		many_argv[i] = big_arg;
		used += MAX_ARG_STRLEN;
	}
	len = ARG_MAX_BYTES - used - 1 + extra;
	memset(last_arg, 'w', len);
	last_arg[len] = '\0';
	many_argv[FULL_ARGS + 1] = last_arg;
	many_argv[FULL_ARGS + 2] = NULL;
	return many_argv;
}

/* Sizes (NUL included) of the strings exec_arg_page_end puts at the end of a page. */
static const unsigned long edge_sizes[] = { 1, 2, 7, 8, 9, 31, 32, 33, 63, 100 };
#define EDGE_STRINGS (sizeof(edge_sizes) / sizeof(edge_sizes[0]))
#define EDGE_FILL 'e'
#define OFF_PAGE_BYTES 40

static void test_page_end(void)
{
	char *m = (char *)sys_mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = m + PAGE_SIZE, *edge_argv[EDGE_STRINGS + 2] = { "echoargs" }, *off_argv[3] = { "echoargs" };

	if (MMAP_FAILED(m) || sys_munmap(end, PAGE_SIZE)) {
		check("exec_arg_page_end", 0, "mmap %ld", (long)m);
		return;
	}
	memset(end - edge_sizes[EDGE_STRINGS - 1], EDGE_FILL, edge_sizes[EDGE_STRINGS - 1]);
	end[-1] = '\0';                     /* each string is a tail of the longest */
	for (unsigned long i = 0; i < EDGE_STRINGS; i++)
		edge_argv[i + 1] = end - edge_sizes[i];
	expect_child_exit("exec_arg_page_end", exec_echoargs, edge_argv, echo_envp, EDGE_STRINGS + 1);
	memset(end - OFF_PAGE_BYTES, EDGE_FILL, OFF_PAGE_BYTES);
	off_argv[1] = end - OFF_PAGE_BYTES;
	expect_child_exit("exec_arg_off_page", exec_echoargs, off_argv, echo_envp, EFAULT);
	sys_munmap(m, PAGE_SIZE);
}

static void test_limits(void)
{
	expect_child_exit("exec_arg_max_exact", exec_echoargs, arg_max_args(0), echo_envp, FULL_ARGS + 2);
	expect_child_exit("exec_e2big_arg_max", exec_echoargs, arg_max_args(1), echo_envp, E2BIG);
	expect_child_exit("exec_e2big_huge", exec_echoargs, one_big_arg(HUGE_ARG_BYTES), echo_envp,
			  E2BIG);
	expect_child_exit("exec_e2big_strlen", exec_echoargs, one_big_arg(MAX_ARG_STRLEN), echo_envp,
			  E2BIG);
	expect_child_exit("exec_max_strlen", exec_echoargs, one_big_arg(MAX_ARG_STRLEN - 1), echo_envp, 2);
	expect_child_exit("exec_long", exec_echoargs, one_big_arg(LONG_ARG_BYTES), echo_envp, 2);
	expect_child_exit("exec_many", exec_echoargs, repeated_args(MANY_ARGS, "x"), echo_envp,
			  (MANY_ARGS + 1) & 0xff);
	memset(big_arg, 'y', TOTAL_ARG_BYTES);
	big_arg[TOTAL_ARG_BYTES] = '\0';
	expect_child_exit("exec_e2big_total", exec_echoargs, repeated_args(TOTAL_ARGS, big_arg), echo_envp,
			  E2BIG);
	stack_limit = SMALL_STACK_LIMIT;
	expect_child_exit("exec_small_stack_limit", exec_limited_echoargs, one_big_arg(FLOOR_ARG_BYTES),
			  echo_envp, 2);
	stack_limit = TINY_STACK_LIMIT;
	expect_child_exit("exec_tiny_stack_limit", exec_limited_echoargs, repeated_args(2, big_arg), echo_envp,
			  E2BIG);
}

int main(int argc, char **argv, char **envp)
{
	expect_child_exit("exec_echoargs", exec_echoargs, echo_argv, echo_envp, 3);
	expect_child_exit("exec_null_envp", exec_echoargs, four_argv, NULL, 4);
	expect_child_exit("exec_grandchild", fork_exec_echoargs, echo_argv, echo_envp, 3);
	test_in_place_failures();
	test_page_end();
	test_limits();
	test_exit();
}
