/*
 * benchscale.c: how kernel costs grow with the work, in retired instructions (instret) spent by the
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
 * With the argument "boot" it prints only scale_boot: kernel entry to its first instruction, and the RAM.
 * The one-page maps alternate between read-only and read-write, so that no two neighbours can merge.
 * Each window is "csrr; ecall or faulting access; csrr" with its arguments loaded before it; the
 * same window without the ecall (or on a mapped page) is subtracted. Exit status 0.
 */
#include "ulib.h"
#include "uapi/sysinfo.h"

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
#define RW (PROT_READ | PROT_WRITE)

/* Report a failed call (nothing on success: the windows run thousands of times). */
static int ok(const char *name, int good, long result)
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
		ok("scale_mmap", !MMAP_FAILED(addr), addr);
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
		ok("scale_mprotect", ret == 0, ret);
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
		if (!ok("scale_build", !MMAP_FAILED(addr), addr))
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
		ok("scale_write", ret == (long)WRITE_BYTES, ret);
		sys_close(fd);
		sys_unlinkat(AT_FDCWD, SCALE_FILE, 0);
	}
	return sum / WRITE_ROUNDS;
}

/* "benchscale boot": boot's cost (kernel entry to our first instruction) with the RAM we were given. */
static void boot_line(void)
{
	unsigned long kernel_entry;
	struct sysinfo si;

	if (!auxv_get(AT_KERNEL_ENTRY_INSTRET, &kernel_entry) || sys_sysinfo(&si))
		return;
	printf("bench: scale_boot %lu with %lu MiB of free RAM (goal with 2 GiB: <= x1.5 the 128 MiB figure)\n",
	       __start_instret - kernel_entry, (si.totalram * si.mem_unit) >> 20);
}

int main(int argc, char **argv, char **envp)
{
	unsigned long w;

	if (argc > 1 && !strcmp(argv[1], "boot")) {
		boot_line();
		return 0;
	}
	vma_curves();
	print_curve("yield_tasks", yield_cost(1), yield_cost(YIELD_TASKS), GOAL_YIELD);
	print_curve("yield_switching", yield_cost(2), yield_cost(YIELD_TASKS), GOAL_YIELD);
	print_curve("exit_wait_procs", exit_wait_cost(0), exit_wait_cost(WAIT_PROCS), GOAL_EXIT_WAIT);
	w = write_new_cost();
	printf("bench: scale_write_64k_new %lu (goal <= %d)\n", w, GOAL_WRITE_64K);
	return 0;
}
