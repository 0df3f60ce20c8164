/*
 * vmatest.c: the scale issue's tests and benchmark, one per mode (the ramdisk holds 64 programs, so
 * they share one); the benchmark's modes are described above their code below:
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
 *                    them does (-EFAULT otherwise); every FULL_PROBE_EVERY calls, every page, here
 *                    and in a forked child (its copy of the address space must match the model too;
 *                    it then unmaps half the window before it exits).
 *                    Booted with vmacheck=1 the kernel checks its VMA tree after each call and fork.
 *   vmatest bigmem [min_mib]
 *                    all of a bigger RAM is usable (make run MEM=2G): sysinfo reports at least MIN_MIB
 *                    MiB, and a heap of TOUCH_MIB MiB (more than the default machine's whole 128 MiB)
 *                    takes a store in every page and reads each page's own pattern back.
 *   vmatest around [window]
 *                    fault-around (boot with fault_around=<window>): AROUND_PAGES pages of a file,
 *                    all cached (written by write()), mapped shared read-only at an address aligned
 *                    to AROUND_PAGES pages (beside a page touched before, so that the page tables exist,
 *                    as in bench's fault_file_shared) and read one load a page in order: each page reads its own
 *                    bytes, and exactly every window-th load faults (a load costing more than
 *                    FAULT_MIN_COST instructions). Prints the bench line scale_fault_around_64: the
 *                    faults and the instructions of all loads together, less the loads' own cost.
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
#define WINDOW_PAGES 256               /* room for over 31 VMAs: fork copies them into pages of their own */
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

static void probe_all(long round)
{
	for (unsigned long p = 0; p < WINDOW_PAGES; p++)
		check_page(round, p);
	for (unsigned long p = 0; p < HEAP_PAGES; p++)
		check_heap(round, p);
}

/* Probe every page in a forked child too: its exit status is 0 when its view matches the model. */
static void probe_all_in_child(long round)
{
	int status = -1;
	long pid = sys_fork();

	if (!pid) {
		probe_all(round);
		sys_munmap((void *)win, WINDOW_PAGES / 2 * PAGE_SIZE);   /* frees VMAs fork made, one by one */
		sys_exit(failures ? 1 : 0);
	}
	if (pid < 0 || sys_wait4((int)pid, &status, 0, NULL) != pid || status)
		diverged(round, "the forked child's view (pid, wait status)", pid, status);
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
		probe_all(round);
		probe_all_in_child(round);
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

/*
 * vmatest scale: how kernel costs grow with the work, in retired instructions (instret) spent by the
 * kernel. Each curve prints one line with its two ends and their ratio:
 *   "bench: scale_<name> <at small> -> <at large> (x<ratio>, goal <= <goal>)"
 * or, for a total or a per-item figure, "bench: scale_<name> <value> (goal <= <goal>)":
 *   fault_vmas       zero-fill store fault in a VMA that is not the cached one (two targets, faulted
 *                    in turn), with the program's own VMAs, then with SCALE_VMAS one-page maps more
 *   mmap_vmas        mmap(NULL, 1 page) with the same two numbers of VMAs (munmap outside the window)
 *   mprotect_vmas    mprotect of the middle page of a 3-page map (two splits), likewise
 *   build_total      the SCALE_VMAS mmap(NULL, 1 page) calls that build the maps, all windows summed;
 *                    goal: twice SCALE_VMAS times the first call's cost
 *   fork_per_vma     fork + exit + wait4 with FORK_VMAS more untouched VMAs, minus without, per VMA
 *   yield_tasks      sched_yield alone, then per yield with YIELD_TASKS processes yielding in turn
 *                    (every instruction on the hart, over all the yields the processes counted)
 *   yield_switching  the same from 2 processes (where each yield switches, as with 100) to 100
 *   exit_wait_procs  fork + exit + wait4 alone, then with WAIT_PROCS other processes blocked in read
 *                    (one child of ours and its children)
 *   write_64k_new    write() of 64 KiB into a new (empty) file
 * vmatest yield: only the two yield curves (the scheduler's alone, in a fraction of a second).
 * vmatest boot: only scale_boot: kernel entry to this program's first instruction, and the RAM.
 * The one-page maps alternate between read-only and read-write, so that no two neighbours can merge.
 * Each window is "csrr; ecall or faulting access; csrr" with its arguments loaded before it; the
 * same window without the ecall (or on a mapped page) is subtracted. Exit status 0.
 */
#define SCALE_VMAS 5000UL
#define FORK_VMAS 1000UL
#define FAULT_ROUNDS 128UL              /* faults in each of the two targets, per measurement */
#define TARGET_PAGES (2 * FAULT_ROUNDS)
#define CALL_ROUNDS 64
#define FORK_ROUNDS 8
#define YIELD_TASKS 100
#define YIELD_ROUNDS 20
#define WAIT_PROCS 120
#define WRITE_BYTES (64UL << 10)
#define WRITE_ROUNDS 8
#define SCALE_FILE "scale.dat"
#define GOAL_FAULT 13            /* tenths */
#define GOAL_MMAP 20
#define GOAL_MPROTECT 20
#define GOAL_BUILD 2
#define GOAL_FORK_PER_VMA 60
#define GOAL_YIELD 15
#define GOAL_EXIT_WAIT 12
#define GOAL_WRITE_64K 22000
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)

/* Report a failed call (nothing on success: the windows run thousands of times). */
static int ok_or_say(const char *name, int good, long result)
{
	if (!good)
		printf("%s: FAIL result %ld\n", name, result);
	return good;
}

static char write_buf[WRITE_BYTES] __attribute__((aligned(PAGE_SIZE)));

struct call {
	long nr, a[6];
};

/* instret across one system call c (a0-a5, a7 loaded before the window); *ret its a0. */
static unsigned long window_call(const struct call *c, long *ret)
{
	unsigned long t0, t1;
	long r;

	asm volatile("ld a0, 8(%[c])\n\tld a1, 16(%[c])\n\tld a2, 24(%[c])\n\tld a3, 32(%[c])\n\t"
		     "ld a4, 40(%[c])\n\tld a5, 48(%[c])\n\tld a7, 0(%[c])\n\t"
		     "csrr %[t0], instret\n\tecall\n\tcsrr %[t1], instret\n\tmv %[r], a0"
		     : [t0] "=&r"(t0), [t1] "=&r"(t1), [r] "=r"(r)
		     : [c] "r"(c)
		     : "a0", "a1", "a2", "a3", "a4", "a5", "a7", "memory");
	*ret = r;
	return t1 - t0;
}

/* The same window without the ecall. */
static unsigned long window_call_baseline(void)
{
	unsigned long t0, t1;

	asm volatile("csrr %[t0], instret\n\tcsrr %[t1], instret" : [t0] "=&r"(t0), [t1] "=&r"(t1));
	return t1 - t0;
}

static unsigned long window_store(unsigned long addr)
{
	unsigned long t0, t1;

	asm volatile("csrr %[t0], instret\n\tsb zero, 0(%[a])\n\tcsrr %[t1], instret"
		     : [t0] "=&r"(t0), [t1] "=&r"(t1) : [a] "r"(addr) : "memory");
	return t1 - t0;
}

/* fork, the child's exit(0) at once, the parent's wait4 of it; ECALL "" gives the baseline. */
#define FORK_EXIT_WAIT(ECALL)                                                                  \
	"csrr %[t0], instret\n\tli a0, 17\n\tli a1, 0\n\tli a2, 0\n\tli a3, 0\n\tli a4, 0\n\t" \
	"li a7, 220\n\t" ECALL "\n\tbnez a0, 1f\n\tli a7, 93\n\t" ECALL "\n"                  \
	"1:\n\tli a1, 0\n\tli a2, 0\n\tli a3, 0\n\tli a7, 260\n\t" ECALL "\n\tcsrr %[t1], instret"

static unsigned long window_fork_exit_wait(int real)
{
	unsigned long t0, t1;

	if (real)
		asm volatile(FORK_EXIT_WAIT("ecall") : [t0] "=&r"(t0), [t1] "=&r"(t1) : : "a0", "a1", "a2", "a3",
			     "a4", "a7", "memory");
	else
		asm volatile(FORK_EXIT_WAIT("") : [t0] "=&r"(t0), [t1] "=&r"(t1) : : "a0", "a1", "a2", "a3", "a4",
			     "a7", "memory");
	return t1 - t0;
}

static unsigned long call_cost(const struct call *c, long *ret)
{
	return window_call(c, ret) - window_call_baseline();
}

/* Average zero-fill fault: pages [first, first + FAULT_ROUNDS) of a and b, stored to in turn. */
static unsigned long fault_cost(unsigned long a, unsigned long b, unsigned long first)
{
	unsigned long sum = 0;

	for (unsigned long i = first; i < first + FAULT_ROUNDS; i++) {
		sum += window_store(a + i * PAGE_SIZE) - window_store(a + i * PAGE_SIZE);
		sum += window_store(b + i * PAGE_SIZE) - window_store(b + i * PAGE_SIZE);
	}
	return sum / (2 * FAULT_ROUNDS);
}

/* Average mmap(NULL, 1 page) of an executable page (no neighbour can merge with it). */
static unsigned long mmap_cost(void)
{
	struct call c = { __NR_mmap, { 0, PAGE_SIZE, PROT_READ | PROT_EXEC, ANON, -1, 0 } };
	unsigned long sum = 0;
	long addr;

	for (int i = 0; i < CALL_ROUNDS; i++) {
		sum += call_cost(&c, &addr);
		ok_or_say("scale_mmap", !MMAP_FAILED(addr), addr);
		sys_munmap((void *)addr, PAGE_SIZE);
	}
	return sum / CALL_ROUNDS;
}

/* Average mprotect of the middle page of the 3-page map at t, remade before each round. */
static unsigned long mprotect_cost(unsigned long t)
{
	struct call c = { __NR_mprotect, { t + PAGE_SIZE, PAGE_SIZE, PROT_READ } };
	unsigned long sum = 0;
	long ret;

	for (int i = 0; i < CALL_ROUNDS; i++) {
		sys_munmap((void *)t, 3 * PAGE_SIZE);
		sys_mmap((void *)t, 3 * PAGE_SIZE, RW, ANON | MAP_FIXED, -1, 0);
		sum += call_cost(&c, &ret);
		ok_or_say("scale_mprotect", ret == 0, ret);
	}
	return sum / CALL_ROUNDS;
}

static unsigned long fork_cost(void)
{
	unsigned long sum = 0;

	for (int i = 0; i < FORK_ROUNDS; i++) {
		sys_sched_yield();     /* a fresh time slice: no switch inside the window */
		sum += window_fork_exit_wait(1) - window_fork_exit_wait(0);
	}
	return sum / FORK_ROUNDS;
}

/* Map count more one-page maps (read-only and read-write in turn); the sum of the mmap windows. */
static unsigned long build_maps(unsigned long count, unsigned long *first_cost, unsigned long *low)
{
	unsigned long sum = 0, cost;
	long addr;

	for (unsigned long i = 0; i < count; i++) {
		struct call c = { __NR_mmap, { 0, PAGE_SIZE, (i & 1) ? RW : PROT_READ, ANON, -1, 0 } };
		cost = call_cost(&c, &addr);
		if (!ok_or_say("scale_build", !MMAP_FAILED(addr), addr))
			break;
		if (first_cost && !i)
			*first_cost = cost;
		sum += cost;
		if ((unsigned long)addr < *low)
			*low = addr;
	}
	return sum;
}

static void print_curve(const char *name, unsigned long small, unsigned long large, int goal_tenths)
{
	unsigned long hundredths = small ? large * 100 / small : 0;

	printf("bench: scale_%s %lu -> %lu (x%lu.%02lu, goal <= x%d.%d)\n", name, small, large, hundredths / 100,
	       hundredths % 100, goal_tenths / 10, goal_tenths % 10);
}

/* The VMA curves: fault, mmap and mprotect with few and with SCALE_VMAS VMAs, build and fork costs. */
static void vma_curves(void)
{
	unsigned long a = sys_mmap(0, TARGET_PAGES * PAGE_SIZE, RW, ANON, -1, 0);
	unsigned long b = sys_mmap(0, TARGET_PAGES * PAGE_SIZE, RW, ANON, -1, 0);
	unsigned long t = sys_mmap(0, 3 * PAGE_SIZE, RW, ANON, -1, 0);
	unsigned long top = t, low = t, first = 0, build, fork0, fork1;
	unsigned long fault0 = fault_cost(a, b, 0), mmap0 = mmap_cost(), mprot0 = mprotect_cost(t);

	fork0 = fork_cost();
	build = build_maps(FORK_VMAS, &first, &low);
	fork1 = fork_cost();
	build += build_maps(SCALE_VMAS - FORK_VMAS, NULL, &low);
	print_curve("fault_vmas", fault0, fault_cost(a, b, FAULT_ROUNDS), GOAL_FAULT);
	print_curve("mmap_vmas", mmap0, mmap_cost(), GOAL_MMAP);
	print_curve("mprotect_vmas", mprot0, mprotect_cost(t), GOAL_MPROTECT);
	printf("bench: scale_build_total %lu (goal <= %lu: %d x %lu maps x first %lu)\n", build,
	       GOAL_BUILD * SCALE_VMAS * first, GOAL_BUILD, SCALE_VMAS, first);
	printf("bench: scale_fork_per_vma %lu (goal <= %d; fork+exit+wait %lu -> %lu with %lu VMAs more)\n",
	       fork1 > fork0 ? (fork1 - fork0) / FORK_VMAS : 0, GOAL_FORK_PER_VMA, fork0, fork1, FORK_VMAS);
	sys_munmap((void *)low, top - low);
	sys_munmap((void *)a, TARGET_PAGES * PAGE_SIZE);
	sys_munmap((void *)b, TARGET_PAGES * PAGE_SIZE);
}

/* Per yield with n processes (this one and n - 1 children) yielding in turn; n == 1: one window. */
static unsigned long yield_cost(int n)
{
	volatile long *shared = (volatile long *)sys_mmap(0, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	struct call c = { __NR_sched_yield };
	unsigned long t0, sum = 0;
	long yields, ret;

	for (int i = 1; i < n; i++)
		if (!sys_fork()) {
			while (!shared[0]) {
				sys_sched_yield();
				shared[1 + i]++;      /* each child its own counter: no lost updates */
			}
			sys_exit(0);
		}
	t0 = rdinstret();
	for (int r = 0; r < YIELD_ROUNDS; r++)
		sum += n == 1 ? call_cost(&c, &ret) : 0;
	if (n > 1) {
		for (int r = 0; r < YIELD_ROUNDS; r++)
			sys_sched_yield();
		sum = rdinstret() - t0;
	}
	shared[0] = 1;
	yields = YIELD_ROUNDS;
	for (int i = 1; i < n; i++)
		yields += shared[1 + i];
	reap_children();
	sys_munmap((void *)shared, PAGE_SIZE);
	return sum / yields;
}

/* Fork n processes that block reading fds[0] until end of file, then exit: none of them ours. */
static void block_readers(int n, int fds[2])
{
	char byte;

	for (int i = 0; i < n; i++)
		if (!sys_fork()) {
			sys_close(fds[1]);
			sys_read(fds[0], &byte, 1);
			sys_exit(0);
		}
	sys_close(fds[1]);
	sys_read(fds[0], &byte, 1);
	reap_children();
	sys_exit(0);
}

/*
 * fork + exit + wait4 while n other processes exist, blocked reading a pipe: the children of one
 * child of ours (so that our own wait4 has one other child, not n).
 */
static unsigned long exit_wait_cost(int n)
{
	int fds[2];
	unsigned long cost;

	syscall6(__NR_pipe2, (long)fds, 0, 0, 0, 0, 0);
	if (n && !sys_fork())
		block_readers(n - 1, fds);
	for (int i = 0; i < 2 * n; i++)
		sys_sched_yield();     /* let them all block first */
	cost = fork_cost();
	sys_close(fds[0]);
	sys_close(fds[1]);   /* the readers see end of file */
	reap_children();
	return cost;
}

static unsigned long write_new_cost(void)
{
	unsigned long sum = 0;
	long ret;

	memset(write_buf, 0x5a, sizeof(write_buf));
	for (int i = 0; i < WRITE_ROUNDS; i++) {
		long fd = sys_openat(AT_FDCWD, SCALE_FILE, O_CREAT | O_TRUNC | O_RDWR, 0644);
		struct call c = { __NR_write, { fd, (long)write_buf, WRITE_BYTES } };
		sum += call_cost(&c, &ret);
		ok_or_say("scale_write", ret == (long)WRITE_BYTES, ret);
		sys_close(fd);
		sys_unlinkat(AT_FDCWD, SCALE_FILE, 0);
	}
	return sum / WRITE_ROUNDS;
}

/* "vmatest boot": boot's cost (kernel entry to our first instruction) with the RAM we were given. */
static void boot_line(void)
{
	unsigned long kernel_entry;
	struct sysinfo si;

	if (!auxv_get(AT_KERNEL_ENTRY_INSTRET, &kernel_entry) || sys_sysinfo(&si))
		return;
	printf("bench: scale_boot %lu with %lu MiB of free RAM (goal with 2 GiB: <= x1.5 the 128 MiB figure)\n",
	       __start_instret - kernel_entry, (si.totalram * si.mem_unit) >> 20);
}

#define AROUND_PAGES 64UL
#define AROUND_FILE "around.dat"
#define AROUND_SEED 0x4d
#define TABLES_ADDR 0x20000000UL      /* a page touched first, so that the page tables exist */
#define AROUND_ADDR (TABLES_ADDR + AROUND_PAGES * PAGE_SIZE)   /* aligned, in the same 2 MiB */
#define FAULT_MIN_COST 50             /* instructions: a load costing more took a fault */
#define GOAL_AROUND_FAULTS 4
#define GOAL_AROUND_TOTAL 3000

static unsigned long window_load(unsigned long addr, unsigned char *byte)
{
	unsigned long t0, t1, v;

	asm volatile("csrr %[t0], instret\n\tlbu %[v], 0(%[a])\n\tcsrr %[t1], instret"
		     : [t0] "=&r"(t0), [t1] "=&r"(t1), [v] "=&r"(v) : [a] "r"(addr) : "memory");
	*byte = (unsigned char)v;
	return t1 - t0;
}

static void around_main(unsigned long window)
{
	long fd = file_create(AROUND_FILE, AROUND_PAGES * PAGE_SIZE, AROUND_SEED);
	long t = sys_mmap((void *)TABLES_ADDR, PAGE_SIZE, RW, ANON | MAP_FIXED, -1, 0);
	long m = sys_mmap((void *)AROUND_ADDR, AROUND_PAGES * PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
	unsigned long faults = 0, total = 0, bad = AROUND_PAGES, base = window_call_baseline() + 1;
	unsigned char byte;

	if (fd < 0 || t != (long)TABLES_ADDR || m != (long)AROUND_ADDR) {
		check("fault_around", 0, "file %ld, mmaps %ld and %ld", fd, t, m);
		return;
	}
	*(volatile char *)t = 1;
	for (unsigned long i = 0; i < AROUND_PAGES; i++) {
		unsigned long cost = window_load(AROUND_ADDR + i * PAGE_SIZE, &byte) - base;

		faults += cost > FAULT_MIN_COST;
		total += cost;
		if (cost > FAULT_MIN_COST ? i % window : !(i % window))
			check("fault_around", 0, "page %lu: %lu instructions", i, cost);
	}
	bad = pattern_first_bad((unsigned char *)m, 0, AROUND_PAGES * PAGE_SIZE, AROUND_SEED);
	check("fault_around", faults == AROUND_PAGES / window && bad == AROUND_PAGES * PAGE_SIZE,
	      "%lu faults for %lu pages; first wrong byte %lu", faults, AROUND_PAGES, bad);
	printf("bench: scale_fault_around_64 %lu faults, %lu instructions (window %lu, page tables present; goal <= %d faults, <= %d)\n",
	       faults, total, window, GOAL_AROUND_FAULTS, GOAL_AROUND_TOTAL);
	sys_munmap((void *)m, AROUND_PAGES * PAGE_SIZE);
	sys_munmap((void *)t, PAGE_SIZE);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, AROUND_FILE, 0);
}

#define ARG_BYTES (64UL << 10)          /* the big run's extra argument, its NUL included */
#define EXEC_ROUNDS 4
#define GOAL_ARG_BYTE 3
static char big_arg[ARG_BYTES];

/*
 * fork, execve of "execbench -x" (which exits at once) with arg as one more argument when not NULL,
 * and wait4: the instructions of it all, both processes', on the hart.
 */
static unsigned long exec_cycle_cost(char *arg)
{
	char *argv[] = { "execbench", "-x", arg, NULL }, *envp[] = { NULL };
	unsigned long t0 = rdinstret();
	long pid = sys_fork();

	if (!pid) {
		exec_prog("execbench", argv, envp);
		sys_exit(1);
	}
	sys_wait4((int)pid, NULL, 0, NULL);
	return rdinstret() - t0;
}

/* execve's cost per argument byte, in tenths: exec cycles with and without an ARG_BYTES argument. */
static unsigned long exec_arg_byte_tenths(void)
{
	unsigned long small = 0, big = 0;

	memset(big_arg, 'a', ARG_BYTES - 1);
	for (int i = 0; i < EXEC_ROUNDS; i++) {
		small += exec_cycle_cost(NULL);
		big += exec_cycle_cost(big_arg);
	}
	return big > small ? (big - small) * 10 / (EXEC_ROUNDS * ARG_BYTES) : 0;
}

/* vmatest yield: only the two scheduler curves of scale. */
static void yield_main(void)
{
	print_curve("yield_tasks", yield_cost(1), yield_cost(YIELD_TASKS), GOAL_YIELD);
	print_curve("yield_switching", yield_cost(2), yield_cost(YIELD_TASKS), GOAL_YIELD);
}

static void scale_main(void)
{
	unsigned long w;

	vma_curves();
	print_curve("yield_tasks", yield_cost(1), yield_cost(YIELD_TASKS), GOAL_YIELD);
	print_curve("yield_switching", yield_cost(2), yield_cost(YIELD_TASKS), GOAL_YIELD);
	print_curve("exit_wait_procs", exit_wait_cost(0), exit_wait_cost(WAIT_PROCS), GOAL_EXIT_WAIT);
	w = write_new_cost();
	printf("bench: scale_write_64k_new %lu (goal <= %d)\n", w, GOAL_WRITE_64K);
	w = exec_arg_byte_tenths();
	printf("bench: exec_per_arg_byte %lu.%lu (goal <= %d; a %lu KiB argument against none)\n", w / 10, w % 10,
	       GOAL_ARG_BYTE, ARG_BYTES >> 10);
}

int main(int argc, char **argv, char **envp)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "merge"))
		merge_main();
	else if (!strcmp(mode, "random"))
		random_main(argc > 2 ? atoi(argv[2]) : ROUNDS);
	else if (!strcmp(mode, "scale"))
		scale_main();
	else if (!strcmp(mode, "boot"))
		boot_line();
	else if (!strcmp(mode, "yield"))
		yield_main();
	else if (!strcmp(mode, "around"))
		around_main(argc > 2 && atoi(argv[2]) > 0 ? (unsigned long)atoi(argv[2]) : 1);
	else if (!strcmp(mode, "bigmem"))
		bigmem_main(argc > 2 ? (unsigned long)atoi(argv[2]) : MIN_MIB);
	else
		check("vmatest_mode", 0, "usage: vmatest merge | random [rounds] | bigmem [min_mib] | scale | yield | boot | around [window]");
	test_exit();
}
