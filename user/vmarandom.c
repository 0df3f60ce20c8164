/*
 * vmarandom.c: ROUNDS random mmap (fixed and address-chosen), munmap, mprotect and brk calls against
 * a model of the address space kept here, over a window of WINDOW_PAGES pages at the top of the mmap
 * area and a heap of up to HEAP_PAGES pages. After every call its result is checked against the model
 * (mmap(NULL) must return the highest free run the model knows of; mprotect over a hole -ENOMEM), and
 * PROBES random pages are probed: readable when write() from them succeeds, writable when read() into
 * them does (-EFAULT otherwise); every FULL_PROBE_EVERY calls, every page. Booted with vmacheck=1 the
 * kernel checks its VMA tree after each call. Prints "vma_random: ok" when nothing diverged.
 * Usage: vmarandom [rounds]
 */
#include "ulib.h"

#define ROUNDS 100000
#define WINDOW_PAGES 64
#define HEAP_PAGES 32
#define MAX_RUN 8                    /* pages an operation covers at most */
#define PROBES 2
#define FULL_PROBE_EVERY 1000
#define UNMAPPED (-1)
#define PROBE_FILE "vmarandom.dat"
#define RW (PROT_READ | PROT_WRITE)

static const int prots[] = { PROT_NONE, PROT_READ, RW };
static int model[WINDOW_PAGES];      /* per page: UNMAPPED or its prot */
static unsigned long win;            /* the window's first address */
static unsigned long start_brk, cur_brk;
static unsigned long rng = 0x9e3779b97f4a7c15UL;
static int probe_fd;
static long failures;

static unsigned long next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static unsigned long below(unsigned long n)
{
	return next_random() % n;
}

static void diverged(long round, const char *what, long got, long want)
{
	if (failures++ < 10)
		printf("vma_random: FAIL round %ld: %s: got %ld, want %ld\n", round, what, got, want);
}

/* 1 readable and 2 writable, from what the kernel lets a system call do with the page at addr. */
static int probe(unsigned long addr)
{
	int access = 0;

	if (syscall6(__NR_pwrite64, probe_fd, (long)addr, 1, 0, 0, 0) == 1)
		access |= 1;
	if (syscall6(__NR_pread64, probe_fd, (long)addr, 1, 0, 0, 0) == 1)
		access |= 2;
	return access;
}

static int expected_access(int prot)
{
	return prot == UNMAPPED || prot == PROT_NONE ? 0 : prot == PROT_READ ? 1 : 3;
}

static void check_page(long round, unsigned long page)
{
	int got = probe(win + page * PAGE_SIZE), want = expected_access(model[page]);

	if (got != want)
		diverged(round, "window page access", got, want);
}

static void check_heap(long round, unsigned long page)
{
	unsigned long addr = start_brk + page * PAGE_SIZE;
	int want = addr < PAGE_ROUND_UP(cur_brk) ? 3 : 0, got = probe(addr);

	if (got != want)
		diverged(round, "heap page access", got, want);
}

static void set_model(unsigned long first, unsigned long n, int prot)
{
	for (unsigned long i = first; i < first + n; i++)
		model[i] = prot;
}

/*
 * The model's answer to mmap(NULL, n pages): the first page of the highest free run, counting the
 * free pages below the window (negative indices; nothing else is mapped there).
 */
static long highest_fit(unsigned long n)
{
	for (long first = WINDOW_PAGES - (long)n;; first--) {
		long i = 0;
		while (i < (long)n && (first + i < 0 || model[first + i] == UNMAPPED))
			i++;
		if (i == (long)n)
			return first;
	}
}

static void op_mmap_fixed(long round, unsigned long first, unsigned long n, int prot)
{
	long got = sys_mmap((void *)(win + first * PAGE_SIZE), n * PAGE_SIZE, prot,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (got != (long)(win + first * PAGE_SIZE))
		diverged(round, "mmap fixed", got, (long)(win + first * PAGE_SIZE));
	set_model(first, n, prot);
}

/* mmap(NULL): the part that falls below the window is unmapped again at once. */
static void op_mmap_any(long round, unsigned long n, int prot)
{
	long fit = highest_fit(n), got = sys_mmap(0, n * PAGE_SIZE, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long below_pages = fit >= 0 ? 0 : -fit < (long)n ? -fit : (long)n;

	if (got != (long)win + fit * (long)PAGE_SIZE)
		diverged(round, "mmap(NULL) address", got, (long)win + fit * (long)PAGE_SIZE);
	if (MMAP_FAILED(got))
		return;
	if (below_pages)
		sys_munmap((void *)got, below_pages * PAGE_SIZE);
	if ((long)n > below_pages)
		set_model(fit + below_pages, n - below_pages, prot);
}

static void op_mprotect(long round, unsigned long first, unsigned long n, int prot)
{
	long want = 0, got;

	for (unsigned long i = first; i < first + n; i++)
		if (model[i] == UNMAPPED)
			want = -ENOMEM;
	got = sys_mprotect((void *)(win + first * PAGE_SIZE), n * PAGE_SIZE, prot);
	if (got != want)
		diverged(round, "mprotect", got, want);
	if (!want)
		set_model(first, n, prot);
}

static void op_brk(long round)
{
	unsigned long want = start_brk + below(HEAP_PAGES * PAGE_SIZE);
	long got = sys_brk(want);

	if (got != (long)want)
		diverged(round, "brk", got, (long)want);
	cur_brk = want;
}

static void one_round(long round)
{
	unsigned long n = 1 + below(MAX_RUN), first = below(WINDOW_PAGES - n + 1);
	int prot = prots[below(sizeof(prots) / sizeof(prots[0]))];
	long got;

	switch (below(5)) {
	case 0: op_mmap_fixed(round, first, n, prot); break;
	case 1: op_mmap_any(round, n, prot); break;
	case 2:
		got = sys_munmap((void *)(win + first * PAGE_SIZE), n * PAGE_SIZE);
		if (got)
			diverged(round, "munmap", got, 0);
		set_model(first, n, UNMAPPED);
		break;
	case 3: op_mprotect(round, first, n, prot); break;
	default: op_brk(round); break;
	}
	for (int i = 0; i < PROBES; i++)
		check_page(round, below(WINDOW_PAGES));
	check_heap(round, below(HEAP_PAGES));
	if (round % FULL_PROBE_EVERY == 0) {
		for (unsigned long p = 0; p < WINDOW_PAGES; p++)
			check_page(round, p);
		for (unsigned long p = 0; p < HEAP_PAGES; p++)
			check_heap(round, p);
	}
}

int main(int argc, char **argv, char **envp)
{
	long rounds = argc > 1 ? atoi(argv[1]) : ROUNDS, top;

	probe_fd = (int)sys_openat(AT_FDCWD, PROBE_FILE, O_CREAT | O_RDWR, 0644);
	sys_write(probe_fd, "x", 1);     /* pread of byte 0 then has something to read */
	top = sys_mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);   /* the mmap area's top page */
	sys_munmap((void *)top, PAGE_SIZE);
	win = (unsigned long)top + PAGE_SIZE - WINDOW_PAGES * PAGE_SIZE;
	set_model(0, WINDOW_PAGES, UNMAPPED);
	start_brk = cur_brk = sys_brk(0);
	for (long round = 1; round <= rounds; round++)
		one_round(round);
	sys_munmap((void *)win, WINDOW_PAGES * PAGE_SIZE);
	sys_brk(start_brk);
	sys_close(probe_fd);
	sys_unlinkat(AT_FDCWD, PROBE_FILE, 0);
	check("vma_random", !failures, "%ld divergences in %ld rounds", failures, rounds);
	test_exit();
}
