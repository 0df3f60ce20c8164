/*
 * cowtest.c: checks that fork's copy-on-write sharing keeps parent and child memory apart, that
 * wait4 reports exit codes and errors like Linux, and that clone rejects what it cannot do.
 *   cow_child_writes   the child overwrites a global, a heap (brk) and a stack buffer the parent
 *                      wrote before fork; the parent still reads its own values
 *   cow_parent_writes  the same with the roles swapped; the child reports through its exit code
 *   cow_fresh_pages    pages written before the fork and pages first touched after it, in both
 *                      processes: untouched pages read zero, each process reads back its own
 *   cow_generations    parent, child and grandchild write the same global page in turn (the
 *                      last write of the three is the only one that needs no copy)
 *   cow_kernel_store_child / cow_kernel_store_parent
 *                      sysinfo() stores into a COW-shared page (a kernel store, not a fault
 *                      from user mode); the other process's copy must not change
 *   cow_kernel_read_child
 *                      the child read()s a file into a page it shares with its parent: the
 *                      kernel's store copies the page, the parent's bytes stay as they were
 *   wait_exit_<n>      a child exiting with n (0, 1, 42, 255) gives WIFEXITED and WEXITSTATUS n
 *   wait_no_child, wait_self, wait_not_child
 *                      wait4 with no children, on our own pid, and on a pid that is not our
 *                      child (while a real child exists) returns -ECHILD
 *   clone_sighand, clone_thread, clone_newns_fs
 *                      clone flag sets that Linux rejects too return -EINVAL. Not checked,
 *                      because Linux accepts them (this kernel returns -EINVAL): flags 0 (fork
 *                      with no exit signal), CLONE_VM | SIGCHLD, and SIGCHLD with a new stack.
 * Expected output: one "<name>: ok" line per check above; exit status 0.
 */
#include "ulib.h"

#define BUF_BYTES (2 * PAGE_SIZE)
#define FRESH_PAGES 8				/* written before the fork; as many fresh after it */
#define BSS_FRESH_PAGES 4
#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(unsigned long))
/* The child gives the parent this many chances to write first (the order is not guaranteed). */
#define CHILD_DELAY_YIELDS 20
#define NOT_OUR_CHILD_PID 99999

/* Seeds of the byte and word patterns: one per writer, all different. */
#define SEED_PARENT 0x11
#define SEED_CHILD 0x22
#define SEED_PARENT_LATER 0x33
#define SEED_GRANDCHILD 0x44
#define SEED_PARENT_LAST 0x55

/* Linux clone flags; each set below is invalid on Linux as well. */
#define CLONE_FS 0x200UL
#define CLONE_SIGHAND 0x800UL
#define CLONE_THREAD 0x10000UL
#define CLONE_NEWNS 0x20000UL

/* Exit-code bits of a child that checks its buffers. */
#define BAD_GLOBAL 1
#define BAD_HEAP 2
#define BAD_STACK 4
#define BAD_FRESH 8
#define BAD_BSS 16
#define BAD_CHILD 32		/* a grandchild reported a problem */
#define BAD_CALL 64		/* a system call failed */

static unsigned char global_buf[BUF_BYTES] __attribute__((aligned(PAGE_SIZE)));
static unsigned long bss_fresh[BSS_FRESH_PAGES * WORDS_PER_PAGE] __attribute__((aligned(PAGE_SIZE)));
static unsigned long generation_page[WORDS_PER_PAGE] __attribute__((aligned(PAGE_SIZE)));
/* A page of its own, so the only store into it after the fork is the kernel's. */
static union {
	struct sysinfo info;
	unsigned char bytes[PAGE_SIZE];
} kernel_store_page __attribute__((aligned(PAGE_SIZE)));

static unsigned char byte_pattern(unsigned long i, unsigned seed)
{
	return (unsigned char)(i * 31 + seed);
}

static void fill_bytes(volatile unsigned char *buf, unsigned long len, unsigned seed)
{
	for (unsigned long i = 0; i < len; i++)
		buf[i] = byte_pattern(i, seed);
}

static int bytes_hold(const volatile unsigned char *buf, unsigned long len, unsigned seed)
{
	for (unsigned long i = 0; i < len; i++)
		if (buf[i] != byte_pattern(i, seed))
			return 0;
	return 1;
}

/* True when all pages from base hold seed's pattern (pages.c). */
static int pages_hold(const void *base, unsigned long pages, unsigned seed)
{
	return pages_first_bad(base, pages, seed) == pages;
}

/* Checks a child that reports problems as exit-code bits, plus the parent's own verdict. */
static void check_pair(const char *name, long status, int parent_ok)
{
	check(name, status == 0 && parent_ok,
	      "child status %ld (exit-code bits: 1 global, 2 heap, 4 stack, 8 fresh, 16 bss, "
	      "32 grandchild, 64 syscall), parent's own memory %s",
	      status, parent_ok ? "intact" : "changed");
}

struct three_bufs {
	volatile unsigned char *global, *heap, *stack;
};

static void fill_three(const struct three_bufs *b, unsigned seed)
{
	fill_bytes(b->global, BUF_BYTES, seed);
	fill_bytes(b->heap, BUF_BYTES, seed);
	fill_bytes(b->stack, BUF_BYTES, seed);
}

/* Exit-code bits for the buffers that do not hold seed's pattern. */
static int three_bad(const struct three_bufs *b, unsigned seed)
{
	return (bytes_hold(b->global, BUF_BYTES, seed) ? 0 : BAD_GLOBAL) |
	       (bytes_hold(b->heap, BUF_BYTES, seed) ? 0 : BAD_HEAP) |
	       (bytes_hold(b->stack, BUF_BYTES, seed) ? 0 : BAD_STACK);
}

/* (a) A global, a heap and a stack buffer; first the child writes, then the parent. */
static void test_private_copies(void)
{
	volatile unsigned char stack_buf[BUF_BYTES];
	struct three_bufs b = { global_buf, (volatile unsigned char *)heap_grow(BUF_BYTES), stack_buf };
	long pid, status;

	if (!b.heap) {
		check("cow_child_writes", 0, "brk could not grow by %lu bytes", BUF_BYTES);
		return;
	}
	fill_three(&b, SEED_PARENT);
	pid = sys_fork();
	if (pid == 0) {
		fill_three(&b, SEED_CHILD);
		sys_exit(three_bad(&b, SEED_CHILD));
	}
	status = wait_child(pid);
	check_pair("cow_child_writes", status, three_bad(&b, SEED_PARENT) == 0);

	pid = sys_fork();
	if (pid == 0) {
		yield_times(CHILD_DELAY_YIELDS);
		sys_exit(three_bad(&b, SEED_PARENT));
	}
	fill_three(&b, SEED_PARENT_LATER);
	status = wait_child(pid);
	check_pair("cow_parent_writes", status, three_bad(&b, SEED_PARENT_LATER) == 0);
}

/* (b) Heap pages written before the fork, heap and bss pages first touched after it. */
static void test_fresh_pages(void)
{
	char *old = (char *)heap_grow(2 * FRESH_PAGES * PAGE_SIZE);
	char *fresh = old + FRESH_PAGES * PAGE_SIZE;
	unsigned long *bss = bss_fresh;
	int parent_ok;
	long pid, status;

	if (!old) {
		check("cow_fresh_pages", 0, "brk could not grow by %d pages", 2 * FRESH_PAGES);
		return;
	}
	pages_fill(old, FRESH_PAGES, SEED_PARENT);
	pid = sys_fork();
	if (pid == 0) {
		int bad;

		yield_times(CHILD_DELAY_YIELDS);
		bad = (pages_hold(old, FRESH_PAGES, SEED_PARENT) ? 0 : BAD_HEAP) |
		      (pages_hold(fresh, FRESH_PAGES, 0) ? 0 : BAD_FRESH) |
		      (pages_hold(bss, BSS_FRESH_PAGES, 0) ? 0 : BAD_BSS);
		pages_fill(old, FRESH_PAGES, SEED_CHILD);
		pages_fill(fresh, FRESH_PAGES, SEED_CHILD);
		pages_fill(bss, BSS_FRESH_PAGES, SEED_CHILD);
		bad |= (pages_hold(old, FRESH_PAGES, SEED_CHILD) ? 0 : BAD_HEAP) |
		       (pages_hold(fresh, FRESH_PAGES, SEED_CHILD) ? 0 : BAD_FRESH) |
		       (pages_hold(bss, BSS_FRESH_PAGES, SEED_CHILD) ? 0 : BAD_BSS);
		sys_exit(bad);
	}
	parent_ok = pages_hold(fresh, FRESH_PAGES, 0) && pages_hold(bss, BSS_FRESH_PAGES, 0);
	pages_fill(fresh, FRESH_PAGES, SEED_PARENT_LATER);
	pages_fill(bss, BSS_FRESH_PAGES, SEED_PARENT_LATER);
	status = wait_child(pid);
	check_pair("cow_fresh_pages", status,
		   parent_ok && pages_hold(old, FRESH_PAGES, SEED_PARENT) &&
			   pages_hold(fresh, FRESH_PAGES, SEED_PARENT_LATER) &&
			   pages_hold(bss, BSS_FRESH_PAGES, SEED_PARENT_LATER));
}

/* Reads the inherited pattern, writes its own, reads that back: exit-code bits of what failed. */
static int generation_turn(unsigned seed)
{
	int bad = pages_hold(generation_page, 1, SEED_PARENT) ? 0 : BAD_GLOBAL;

	pages_fill(generation_page, 1, seed);
	return bad | (pages_hold(generation_page, 1, seed) ? 0 : BAD_GLOBAL);
}

/* (c) One page shared by three processes; the grandchild writes first, then the child, then us. */
static void test_generations(void)
{
	long pid;
	int parent_ok;

	pages_fill(generation_page, 1, SEED_PARENT);
	pid = sys_fork();
	if (pid == 0) {
		long grandchild = sys_fork();
		int bad = 0;

		if (grandchild == 0)
			sys_exit(generation_turn(SEED_GRANDCHILD));
		if (wait_child(grandchild) != 0)
			bad |= BAD_CHILD;
		sys_exit(bad | generation_turn(SEED_CHILD));
	}
	/* Only after the child is done: the parent's write is the last of the three. */
	parent_ok = wait_child(pid) == 0 && generation_turn(SEED_PARENT_LAST) == 0;
	check("cow_generations", parent_ok, "fork returned %ld; child reported a problem or the "
	      "parent's page changed", pid);
}

static void fill_kernel_store_page(void)
{
	fill_bytes(kernel_store_page.bytes, PAGE_SIZE, SEED_PARENT);
}

/* sysinfo into the shared page: exit-code bits for a failed call or a result that is not there. */
static int kernel_store(void)
{
	long err = sys_sysinfo(&kernel_store_page.info);
	int bad = err ? BAD_CALL : 0;

	if (kernel_store_page.info.totalram == 0 || kernel_store_page.info.mem_unit == 0)
		bad |= BAD_GLOBAL;
	if (!bytes_hold(kernel_store_page.bytes + sizeof(struct sysinfo),
			PAGE_SIZE - sizeof(struct sysinfo), SEED_PARENT + sizeof(struct sysinfo) * 31))
		bad |= BAD_GLOBAL;
	return bad;
}

/* (d) A kernel store into a COW page, by the child and then by the parent. */
static void test_kernel_store(void)
{
	long pid, status;
	int parent_ok;

	fill_kernel_store_page();
	pid = sys_fork();
	if (pid == 0)
		sys_exit(kernel_store());
	status = wait_child(pid);
	check_pair("cow_kernel_store_child", status,
		   bytes_hold(kernel_store_page.bytes, PAGE_SIZE, SEED_PARENT));

	fill_kernel_store_page();
	pid = sys_fork();
	if (pid == 0) {
		yield_times(CHILD_DELAY_YIELDS);
		sys_exit(bytes_hold(kernel_store_page.bytes, PAGE_SIZE, SEED_PARENT) ? 0 : BAD_GLOBAL);
	}
	parent_ok = kernel_store() == 0;
	check_pair("cow_kernel_store_parent", wait_child(pid), parent_ok);
}

/* (d') read() into a COW-shared page: a kernel store into user memory from a file. */
#define READ_FILE "cowtest.dat"
#define SEED_FILE 77

static void test_kernel_read(void)
{
	long fd = file_create(READ_FILE, PAGE_SIZE, SEED_FILE), pid;

	if (fd < 0) {
		check("cow_kernel_read_child", 0, "cannot create %s: %ld", READ_FILE, fd);
		return;
	}
	fill_kernel_store_page();
	pid = sys_fork();
	if (pid == 0) {
		long n = read_at((int)fd, 0, kernel_store_page.bytes, PAGE_SIZE);
		sys_exit(n == PAGE_SIZE && pattern_first_bad(kernel_store_page.bytes, 0, PAGE_SIZE, SEED_FILE) ==
						   PAGE_SIZE ? 0 : BAD_GLOBAL);
	}
	check_pair("cow_kernel_read_child", wait_child(pid),
		   bytes_hold(kernel_store_page.bytes, PAGE_SIZE, SEED_PARENT));
	sys_close((int)fd);
	sys_unlinkat(AT_FDCWD, READ_FILE, 0);
}

/* (e) Exit codes through wait4. */
static void test_exit_codes(void)
{
	static const int codes[] = { 0, 1, 42, 255 };
	char name[32];

	for (unsigned i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		long status = fork_exit(codes[i]);

		snprintf(name, sizeof(name), "wait_exit_%d", codes[i]);
		check(name, status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == codes[i],
		      "status 0x%lx, expected 0x%x", status, codes[i] << 8);
	}
}

static void expect_echild(const char *name, long got)
{
	check(name, got == -ECHILD, "wait4 returned %ld, expected %d", got, -ECHILD);
}

/* (f) wait4 errors. */
static void test_wait_errors(void)
{
	int status;
	long pid;

	expect_echild("wait_no_child", sys_wait4(-1, &status, 0, NULL));
	expect_echild("wait_self", sys_wait4(sys_getpid(), &status, 0, NULL));
	pid = sys_fork();
	if (pid == 0) {
		yield_times(CHILD_DELAY_YIELDS);
		sys_exit(0);
	}
	expect_echild("wait_not_child", sys_wait4(NOT_OUR_CHILD_PID, &status, 0, NULL));
	wait_child(pid);
}

static void expect_clone_einval(const char *name, unsigned long flags)
{
	long got = syscall6(__NR_clone, flags, 0, 0, 0, 0, 0);

	if (got == 0)		/* accepted after all: this is a child, which must go */
		sys_exit(0);
	wait_child(got);	/* reaps the child if one was made; an error comes back as is */
	check(name, got == -EINVAL, "clone(0x%lx) returned %ld, expected %d", flags, got, -EINVAL);
}

/* (g) clone flag sets that no kernel accepts as a fork. */
static void test_clone_flags(void)
{
	expect_clone_einval("clone_sighand", CLONE_SIGHAND | SIGCHLD);
	expect_clone_einval("clone_thread", CLONE_THREAD | SIGCHLD);
	expect_clone_einval("clone_newns_fs", CLONE_NEWNS | CLONE_FS | SIGCHLD);
}

int main(int argc, char **argv, char **envp)
{
	test_private_copies();
	test_fresh_pages();
	test_generations();
	test_kernel_store();
	test_kernel_read();
	test_exit_codes();
	test_wait_errors();
	test_clone_flags();
	test_exit();
}
