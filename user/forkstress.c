/*
 * forkstress.c: stresses fork, exit and wait4:
 *   forkstress_sequential  500 rounds of fork / exit / wait; child i exits with i & 0x7f
 *   forkstress_alive       60 children alive at once (each yields a while, then exits with its
 *                          index); all 60 reaped, each pid with its own exit code, then -ECHILD
 *   forkstress_chain       a chain 12 deep: each child forks the next and exits with its
 *                          child's exit code + 1; the deepest exits with 1, so the top sees 12
 *   forkstress_limit       fork until it fails (children yield a while, then exit): the error
 *                          is -EAGAIN or -ENOMEM, at least 100 forks succeeded, and all are
 *                          reaped; first a line "forkstress: <n> forks succeeded, then fork
 *                          returned <err>"
 *   forkstress_after_limit a fork after the reaping works again
 *   forkstress_big         8 rounds: grow the heap by 40 MiB and write every page, fork, the
 *                          child checks and rewrites every page, the parent (after the wait)
 *                          still reads its own pattern; the heap shrinks back each round
 * Expected output: the count line and one "<name>: ok" per check; exit status 0.
 *
 * "forkstress --oom" runs only forkstress_oom, "forkstress --vmas" only the forkstress_vmas_* checks;
 * both are described above their code below.
 *
 * "forkstress --no-limit" also passes forkstress_limit when FORK_CAP forks all succeed: Linux
 * (qemu-riscv64) allows far more processes than this kernel's 128, so fork does not fail there.
 */
#include "ulib.h"

#define SEQUENTIAL_ROUNDS 500
#define EXIT_CODE_MASK 0x7f
#define ALIVE_CHILDREN 60
#define ALIVE_YIELDS 50
#define CHAIN_DEPTH 12
#define CHAIN_BROKEN 200	/* exit code of a link whose fork or wait failed */
#define FORK_CAP 256		/* twice this kernel's process limit: never reached here */
#define MIN_FORKS 100
#define LIMIT_YIELDS 100
#define BIG_ROUNDS 8
#define BIG_BYTES (40UL << 20)
#define BIG_PAGES (BIG_BYTES / PAGE_SIZE)
#define NO_LIMIT_FLAG "--no-limit"
#define OOM_FLAG "--oom"

static void test_sequential(void)
{
	long status = 0;
	int i;

	for (i = 0; i < SEQUENTIAL_ROUNDS; i++) {
		status = fork_exit(i & EXIT_CODE_MASK);
		if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != (i & EXIT_CODE_MASK))
			break;
	}
	check("forkstress_sequential", i == SEQUENTIAL_ROUNDS,
	      "round %d: status %ld, expected exit code %d", i, status, i & EXIT_CODE_MASK);
}

/* Forks a child that yields `yields` times, then exits with code. Returns fork's result. */
static long fork_idle(int yields, int code)
{
	long pid = sys_fork();

	if (pid == 0) {
		yield_times(yields);
		sys_exit(code);
	}
	return pid;
}

static int index_of(const long *pids, int n, long pid)
{
	for (int i = 0; i < n; i++)
		if (pids[i] == pid)
			return i;
	return -1;
}

static void test_alive(void)
{
	long pids[ALIVE_CHILDREN], got, err = 0;
	struct sysinfo info;
	int forked, reaped, status, procs;

	for (forked = 0; forked < ALIVE_CHILDREN; forked++) {
		pids[forked] = fork_idle(ALIVE_YIELDS, forked);
		if (pids[forked] < 0) {
			err = pids[forked];
			break;
		}
	}
	procs = sys_sysinfo(&info) == 0 ? info.procs : -1;
	for (reaped = 0; reaped < forked; reaped++) {
		got = sys_wait4(-1, &status, 0, NULL);
		int i = index_of(pids, forked, got);

		if (i < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != i)
			break;
		pids[i] = 0;	/* each pid once */
	}
	got = sys_wait4(-1, &status, 0, NULL);
	check("forkstress_alive",
	      forked == ALIVE_CHILDREN && reaped == forked && procs > ALIVE_CHILDREN && got == -ECHILD,
	      "forked %d (error %ld), sysinfo procs %d, reaped %d correctly, then wait4 gave %ld",
	      forked, err, procs, reaped, got);
}

static int chain_link(void *level)
{
	long depth = (long)level, status;

	if (depth == CHAIN_DEPTH)
		return 1;
	status = fork_run(chain_link, (void *)(depth + 1));
	if (status < 0 || !WIFEXITED(status))
		return CHAIN_BROKEN;
	return WEXITSTATUS(status) + 1;
}

static void test_chain(void)
{
	long status = fork_run(chain_link, (void *)1L);

	check("forkstress_chain", status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == CHAIN_DEPTH,
	      "status %ld, expected exit code %d", status, CHAIN_DEPTH);
}

static void test_limit(int no_limit)
{
	long pid, err = 0, status;	/* err: the failed fork's result; 0 if none failed */
	int forked = 0, reaped;

	while (forked < FORK_CAP) {
		pid = fork_idle(LIMIT_YIELDS, 0);
		if (pid < 0) {
			err = pid;
			break;
		}
		forked++;
	}
	if (err)
		printf("forkstress: %d forks succeeded, then fork returned %ld\n", forked, err);
	else
		printf("forkstress: %d forks succeeded, the cap; none failed\n", forked);
	reaped = reap_children();
	check("forkstress_limit",
	      (err == -EAGAIN || err == -ENOMEM || (no_limit && forked == FORK_CAP)) &&
		      forked >= MIN_FORKS && reaped == forked,
	      "%d forks succeeded (at least %d expected), then fork returned %ld (expected %d or "
	      "%d; 0: none failed), %d reaped", forked, MIN_FORKS, err, -EAGAIN, -ENOMEM, reaped);
	status = fork_exit(0);
	check("forkstress_after_limit", status == 0, "fork_exit(0) gave %ld", status);
}

/* One round of forkstress_big; returns 1 if it passed, else describes the failure in why. */
static int big_round(int round, char *why, unsigned long why_size)
{
	unsigned long old_brk = sys_brk(0), base = heap_grow(BIG_BYTES), bad;
	unsigned parent_seed = 2 * round + 1, child_seed = 2 * round + 2;
	long pid, status, shrunk;

	if (!base) {
		snprintf(why, why_size, "round %d: brk could not grow by %lu bytes", round, BIG_BYTES);
		return 0;
	}
	pages_fill((void *)base, BIG_PAGES, parent_seed);
	pid = sys_fork();
	if (pid == 0) {
		int ok = pages_first_bad((void *)base, BIG_PAGES, parent_seed) == BIG_PAGES;

		pages_fill((void *)base, BIG_PAGES, child_seed);
		ok = ok && pages_first_bad((void *)base, BIG_PAGES, child_seed) == BIG_PAGES;
		sys_exit(!ok);
	}
	status = wait_child(pid);
	bad = pages_first_bad((void *)base, BIG_PAGES, parent_seed);
	shrunk = sys_brk(old_brk);
	snprintf(why, why_size, "round %d: child status %ld, parent's first changed page %lu of "
		 "%lu, brk back to 0x%lx gave 0x%lx", round, status, bad, BIG_PAGES, old_brk, shrunk);
	return status == 0 && bad == BIG_PAGES && (unsigned long)shrunk == old_brk;
}

static void test_big(void)
{
	char why[PRINTF_MAX];
	int round = 0;

	while (round < BIG_ROUNDS && big_round(round, why, sizeof(why)))
		round++;
	check("forkstress_big", round == BIG_ROUNDS, "%s", why);
}

/*
 * forkstress --oom: with OOM_VMAS one-page maps, fork children that wait on a pipe until fork fails.
 * A child costs about 650 pages of VMAs, so memory runs out (mostly while fork copies the VMAs) long
 * before the process limit: fork returns -ENOMEM (-EAGAIN is taken too), after at least OOM_MIN_FORKS.
 * Every child exits 0 once the pipe closes, and after munmap a fork works. Prints the fork count.
 */
#define OOM_VMAS 20000
#define OOM_MIN_FORKS 2

/* A child of forkstress --oom: waits for the end of the pipe, then exits 0 (1 if read fails). */
static void wait_for_close(const int *fds)
{
	char c;

	sys_close(fds[1]);
	sys_exit(sys_read(fds[0], &c, 1) != 0);
}

static void fork_oom_main(void)
{
	int fds[2], forked = 0, reaped = 0, status;
	unsigned long low = 0, top = 0;
	long pid, err = 0;

	for (int i = 0; i < OOM_VMAS; i++) {
		long addr = (long)sys_mmap(NULL, PAGE_SIZE, (i & 1) ? PROT_READ | PROT_WRITE : PROT_READ,
					   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (MMAP_FAILED(addr)) {
			check("forkstress_oom", 0, "map %d of %d: mmap gave %ld", i, OOM_VMAS, addr);
			return;
		}
		low = (unsigned long)addr;
		top = top ? top : low + PAGE_SIZE;
	}
	if (syscall6(__NR_pipe2, (long)fds, 0, 0, 0, 0, 0)) {
		check("forkstress_oom", 0, "pipe2 failed");
		return;
	}
	while (forked < FORK_CAP) {
		pid = sys_fork();
		if (pid == 0)
			wait_for_close(fds);
		if (pid < 0) {
			err = pid;
			break;
		}
		forked++;
	}
	printf("forkstress: %d forks with %d VMAs, then fork returned %ld\n", forked, OOM_VMAS, err);
	sys_close(fds[0]);
	sys_close(fds[1]);
	while (sys_wait4(-1, &status, 0, NULL) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		reaped++;
	sys_munmap((void *)low, top - low);
	pid = fork_exit(0);
	check("forkstress_oom",
	      (err == -ENOMEM || err == -EAGAIN) && forked >= OOM_MIN_FORKS &&
		      reaped == forked && pid == 0,
	      "%d forks with %d VMAs, then fork returned %ld (expected %d or %d), %d exited 0, then "
	      "fork_exit(0) gave %ld", forked, OOM_VMAS, err, -ENOMEM, -EAGAIN, reaped, pid);
}

/*
 * forkstress --vmas: an address space of VMAS_MAPS one-page maps (read-only and read-write in turn,
 * every SHARED_EVERY-th a shared map of a file, some read-write ones written) is forked, and fork
 * puts the child's copies of the VMAs in slab pages of the child's own; a VMA freed alone gives its
 * page back to the others. Each child changes its copy in its own way, then exits, and sysinfo's free
 * RAM must be back where it was before the fork: forkstress_vmas_<name> for
 *   nothing       exit at once: the pages fork filled go whole
 *   unmap_up      munmap each map in address order (every owned page is emptied one VMA at a time)
 *   unmap_down    the same from the top
 *   unmap_one     one map in the middle
 *   unmap_page    the first SLAB_VMAS maps, about one slab page of VMAs
 *   merge         mprotect of everything to read-write: the anonymous maps merge into a few VMAs
 *   split         every third page made PROT_NONE, then SPLIT_PAGES pages unmapped
 *   grandchildren unmap some, then fork three children that run unmap_up, nothing and split
 * Booted with vmacheck=1, the kernel checks the VMA tree after each call and fork.
 */
#define VMAS_FLAG "--vmas"
#define VMAS_MAPS 400
#define SHARED_EVERY 7
#define TOUCH_EVERY 5
#define SLAB_VMAS 31
#define SPLIT_EVERY 3
#define SPLIT_FIRST 50
#define SPLIT_PAGES 100
#define VMAS_FILE "forkvmas.dat"
#define VMAS_SEED 0x5a

static unsigned long vmas_base;

static unsigned long vmas_page(int i)
{
	return vmas_base + (unsigned long)i * PAGE_SIZE;
}

/* The VMAS_MAPS maps, placed one by one over a reserved range (MAP_FIXED), so no two can merge. */
static int build_vmas(int fd)
{
	vmas_base = (unsigned long)sys_mmap(NULL, VMAS_MAPS * PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (MMAP_FAILED(vmas_base))
		return 0;
	for (int i = 0; i < VMAS_MAPS; i++) {
		int rw = i & 1, shared = i % SHARED_EVERY == SHARED_EVERY / 2;
		long got = (long)sys_mmap((void *)vmas_page(i), PAGE_SIZE, PROT_READ | (rw || shared ? PROT_WRITE : 0),
					  MAP_FIXED | (shared ? MAP_SHARED : MAP_PRIVATE | MAP_ANONYMOUS),
					  shared ? fd : -1, 0);
		if (MMAP_FAILED(got))
			return 0;
		if (rw && i % TOUCH_EVERY == 1)
			*(volatile char *)vmas_page(i) = 1;
	}
	return 1;
}

static int vmas_nothing(void *unused)
{
	return 0;
}

static int vmas_unmap_up(void *unused)
{
	for (int i = 0; i < VMAS_MAPS; i++)
		sys_munmap((void *)vmas_page(i), PAGE_SIZE);
	return 0;
}

static int vmas_unmap_down(void *unused)
{
	for (int i = VMAS_MAPS - 1; i >= 0; i--)
		sys_munmap((void *)vmas_page(i), PAGE_SIZE);
	return 0;
}

static int vmas_unmap_one(void *unused)
{
	return sys_munmap((void *)vmas_page(VMAS_MAPS / 2), PAGE_SIZE) != 0;
}

static int vmas_unmap_page(void *unused)
{
	return sys_munmap((void *)vmas_base, SLAB_VMAS * PAGE_SIZE) != 0;
}

static int vmas_merge(void *unused)
{
	return sys_mprotect((void *)vmas_base, VMAS_MAPS * PAGE_SIZE, PROT_READ | PROT_WRITE) != 0;
}

static int vmas_split(void *unused)
{
	for (int i = 0; i < VMAS_MAPS; i += SPLIT_EVERY)
		sys_mprotect((void *)vmas_page(i), PAGE_SIZE, PROT_NONE);
	return sys_munmap((void *)vmas_page(SPLIT_FIRST), SPLIT_PAGES * PAGE_SIZE) != 0;
}

/* Exit status: 0, or the 1-based number of the grandchild that failed. */
static int vmas_grandchildren(void *unused)
{
	int (*const grandchild[])(void *) = { vmas_unmap_up, vmas_nothing, vmas_split };

	sys_munmap((void *)vmas_page(SLAB_VMAS), SLAB_VMAS * PAGE_SIZE);
	for (unsigned i = 0; i < sizeof(grandchild) / sizeof(grandchild[0]); i++)
		if (fork_run(grandchild[i], NULL) != 0)
			return (int)i + 1;
	return 0;
}

static unsigned long free_ram(void)
{
	struct sysinfo info;

	return sys_sysinfo(&info) == 0 ? info.freeram : 0;
}

static void vmas_case(const char *name, int (*child)(void *))
{
	unsigned long before = free_ram(), after;
	long status = fork_run(child, NULL);

	after = free_ram();
	check(name, status == 0 && before == after, "child status %ld, free RAM %lu -> %lu", status, before, after);
}

static void fork_vmas_main(void)
{
	long fd = file_create(VMAS_FILE, PAGE_SIZE, VMAS_SEED);

	if (fd < 0 || !build_vmas((int)fd)) {
		check("forkstress_vmas_build", 0, "file %ld, or a map failed", fd);
		return;
	}
	fork_exit(0);           /* the kernel's own objects for a fork exist from here on */
	vmas_case("forkstress_vmas_nothing", vmas_nothing);
	vmas_case("forkstress_vmas_unmap_up", vmas_unmap_up);
	vmas_case("forkstress_vmas_unmap_down", vmas_unmap_down);
	vmas_case("forkstress_vmas_unmap_one", vmas_unmap_one);
	vmas_case("forkstress_vmas_unmap_page", vmas_unmap_page);
	vmas_case("forkstress_vmas_merge", vmas_merge);
	vmas_case("forkstress_vmas_split", vmas_split);
	vmas_case("forkstress_vmas_grandchildren", vmas_grandchildren);
	sys_munmap((void *)vmas_base, VMAS_MAPS * PAGE_SIZE);
	sys_close((int)fd);
	sys_unlinkat(AT_FDCWD, VMAS_FILE, 0);
}

int main(int argc, char **argv, char **envp)
{
	int no_limit = argc > 1 && strcmp(argv[1], NO_LIMIT_FLAG) == 0;

	if (argc > 1 && strcmp(argv[1], OOM_FLAG) == 0) {
		fork_oom_main();
		test_exit();
	}
	if (argc > 1 && strcmp(argv[1], VMAS_FLAG) == 0) {
		fork_vmas_main();
		test_exit();
	}

	if (no_limit)
		printf("forkstress: reaching %d forks passes (%s)\n", FORK_CAP, NO_LIMIT_FLAG);
	test_sequential();
	test_alive();
	test_chain();
	test_limit(no_limit);
	test_big();
	test_exit();
}
