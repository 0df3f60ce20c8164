/*
 * vmatest.c: address-space tests, one per mode (the ramdisk holds 64 programs, so they share one):
 *   vmatest merge    neighbouring VMAs that could be one become one, as on Linux. Leaves its maps in
 *                    place and prints their ranges, so that the test (dump=1) can check that each range
 *                    is a single [maps] line: 256 pages mapped read-write, each page made read-only by
 *                    its own mprotect, then each back; 256 one-page read-only maps made one after the
 *                    other (each lands right below the last); a file mapped shared in two halves at
 *                    adjacent addresses with contiguous offsets, and (not merged) two halves whose
 *                    offsets are not contiguous. Each check also reads through the merged maps.
 *   vmatest random [rounds]
 *                    ROUNDS random mmap (fixed and address-chosen), munmap, mprotect and brk calls
 *                    against a model of the address space kept here, over a window of WINDOW_PAGES
 *                    pages at the top of the mmap area and a heap of up to HEAP_PAGES pages. After every
 *                    call its result is checked against the model (mmap(NULL) must return the highest
 *                    free run the model knows of; mprotect over a hole -ENOMEM), and PROBES random pages
 *                    are probed: readable when pwrite() from them succeeds, writable when pread() into
 *                    them does (-EFAULT otherwise); every FULL_PROBE_EVERY calls, every page. Booted
 *                    with vmacheck=1 the kernel checks its VMA tree after each call.
 *   vmatest bigmem [min_mib]
 *                    all of a bigger RAM is usable (make run MEM=2G): sysinfo reports at least MIN_MIB
 *                    MiB, and a heap of TOUCH_MIB MiB (more than the default machine's whole 128 MiB)
 *                    takes a store in every page and reads each page's own pattern back.
 */
#include "ulib.h"
#include "uapi/sysinfo.h"

#define MERGE_PAGES 256UL
#define MERGE_FILE_PAGES 4UL
#define MERGE_FILE "vmamerge.dat"
#define MERGE_SEED 0x3c

static void mprotect_each(void)
{
	char *p = (char *)sys_mmap(0, MERGE_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long bad = 0;

	for (unsigned long i = 0; i < MERGE_PAGES; i++)
		bad |= sys_mprotect(p + i * PAGE_SIZE, PAGE_SIZE, PROT_READ);
	for (unsigned long i = 0; i < MERGE_PAGES; i++)
		bad |= sys_mprotect(p + i * PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE);
	pages_fill(p, MERGE_PAGES, MERGE_SEED);
	check("merge_mprotect", !bad && pages_first_bad(p, MERGE_PAGES, MERGE_SEED) == MERGE_PAGES, "mprotect %ld", bad);
	printf("vmamerge: mprotect %010lx-%010lx\n", (unsigned long)p, (unsigned long)p + MERGE_PAGES * PAGE_SIZE);
}

static void adjacent_maps(void)
{
	unsigned long low = -1UL, high = 0, bad = 0;

	for (unsigned long i = 0; i < MERGE_PAGES; i++) {
		long a = sys_mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		bad |= MMAP_FAILED(a) || (high && (unsigned long)a + PAGE_SIZE != low);
		low = (unsigned long)a;
		high = high ? high : low + PAGE_SIZE;
	}
	check("merge_adjacent", !bad && pages_first_bad((void *)low, MERGE_PAGES, 0) == MERGE_PAGES, "maps not adjacent");
	printf("vmamerge: adjacent %010lx-%010lx\n", low, high);
}

/* Two halves of the file at adjacent addresses; offsets of the upper half: contiguous or not. */
static void file_halves(int fd, unsigned long upper_off, const char *name)
{
	unsigned long half = MERGE_FILE_PAGES / 2 * PAGE_SIZE;
	long a = sys_mmap(0, 2 * half, PROT_READ, MAP_SHARED, fd, 0);
	long b = sys_mmap((void *)(a + half), half, PROT_READ, MAP_SHARED | MAP_FIXED, fd, (long)upper_off);
	int ok = !MMAP_FAILED(a) && b == a + (long)half;

	for (unsigned long off = 0; ok && off < 2 * half; off += PAGE_SIZE) {
		unsigned long file_off = off < half ? off : upper_off + off - half;
		ok = ((unsigned char *)a)[off] == file_pattern(file_off, MERGE_SEED);
	}
	check(name, ok, "map %lx/%lx or its bytes", a, b);
	printf("vmamerge: %s %010lx-%010lx\n", name, (unsigned long)a, (unsigned long)a + 2 * half);
}

static void merge_main(void)
{
	long fd;

	mprotect_each();
	adjacent_maps();
	file_create(MERGE_FILE, MERGE_FILE_PAGES * PAGE_SIZE, MERGE_SEED);
	fd = sys_openat(AT_FDCWD, MERGE_FILE, O_RDONLY, 0);
	file_halves((int)fd, MERGE_FILE_PAGES / 2 * PAGE_SIZE, "merge_file");
	file_halves((int)fd, 0, "merge_file_apart");
	sys_close(fd);
}

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

static void random_main(long rounds)
{
	long top;

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
}

#define MIN_MIB 1900UL
#define TOUCH_MIB 512UL
#define BIG_SEED 0x5b

static void bigmem_main(unsigned long min_mib)
{
	unsigned long pages = (TOUCH_MIB << 20) / PAGE_SIZE, base = sys_brk(0), total = 0;
	struct sysinfo si;

	if (!sys_sysinfo(&si))
		total = (si.totalram * si.mem_unit) >> 20;
	check("bigmem_sysinfo", total >= min_mib, "totalram %lu MiB, want >= %lu", total, min_mib);
	base = PAGE_ROUND_UP(base);
	check("bigmem_brk", (unsigned long)sys_brk(base + pages * PAGE_SIZE) == base + pages * PAGE_SIZE,
	      "brk of %lu MiB refused", TOUCH_MIB);
	pages_fill((void *)base, pages, BIG_SEED);
	check("bigmem_touch", pages_first_bad((void *)base, pages, BIG_SEED) == pages, "a page lost its pattern");
	sys_brk(base);
}

int main(int argc, char **argv, char **envp)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "merge"))
		merge_main();
	else if (!strcmp(mode, "random"))
		random_main(argc > 2 ? atoi(argv[2]) : ROUNDS);
	else if (!strcmp(mode, "bigmem"))
		bigmem_main(argc > 2 ? (unsigned long)atoi(argv[2]) : MIN_MIB);
	else
		check("vmatest_mode", 0, "usage: vmatest merge | random [rounds] | bigmem [min_mib]");
	test_exit();
}
