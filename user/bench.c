/*
 * bench.c: counts retired instructions (instret) spent by the kernel on its hot paths and prints
 * one line per figure, "bench: <name> <instructions> (target <t>)":
 *   boot            kernel entry to this program's first instruction (needs auxv entry
 *                   AT_KERNEL_ENTRY_INSTRET; without it, as on Linux, a "skipped" line instead)
 *   syscall         one getpid round trip
 *   fork_exit_wait  fork, the child's exit(0) and the parent's wait4, from before the fork to
 *                   the return of wait4, for this process while it has touched under 16 pages
 *   exec            execve in a child: from the system call to the first instruction of the new
 *                   program, execbench, which prints this line itself (see execbench.c)
 *   fork_per_page   the fork call's cost in the parent per touched page: fork costs with 16 and
 *                   16384 touched heap pages, (cost(16384) - cost(16)) / (16384 - 16); a line
 *                   "fork_per_page: ..." also shows the costs at 16, 1024 and 16384 pages
 *   cow_copy        first store to a page shared with a live child since fork (copy it)
 *   cow_reuse       first store to a page shared at fork once the child is gone (reuse it)
 *   fault_zero      first store to a fresh heap page (allocate a zeroed page)
 *   fault_elf       first load from a .rodata page that the kernel fills from the ELF file
 *   mmap_munmap     mmap of 1 MiB of private anonymous memory and munmap of it, never touched;
 *                   one window around both calls
 *   fault_file_shared
 *                   first load from each page of a 256-page file mapped MAP_SHARED: the pages
 *                   are in the page cache already (this program wrote them), so the fault only
 *                   maps the cached page
 *   fault_file_private
 *                   the same through a MAP_PRIVATE map of the file (the cached page, read-only)
 *   cow_file        then the first store to each page of that private map (copy the page)
 *   read_64k        read() of 64 KiB of that file into a buffer whose pages are all mapped
 *                   (written before); the lseek back to offset 0 is made before each window,
 *                   outside it
 *   clock_gettime   one clock_gettime(CLOCK_MONOTONIC) round trip (16 bytes copied out)
 *   pipe_pingpong   one round trip of a byte between two processes over two pipes: write, the
 *                   reader wakes, writes back, the first wakes; everything on the hart (both
 *                   processes' user code too) over PIPE_ROUNDS trips, divided by them
 *   pipe_64k        one 64 KiB write into a pipe and the 64 KiB read that drains it in another
 *                   process, everything on the hart likewise (target: 2 instructions a byte)
 *   signal_roundtrip
 *                   kill() of itself with SIGUSR1 caught: the call, the frame, the (empty)
 *                   handler, the [vdso] trampoline and rt_sigreturn back to the next instruction
 *   user_fault      a store to a PROT_NONE page: SIGSEGV, the handler's mprotect of that page
 *                   to read-write, its return, and the retried store, end to end (the pages
 *                   were written before, so the retry finds the page present)
 * Each figure is an integer average. Every measured window is a single asm statement
 * "csrr; <op>; csrr" with no call and no output inside (exec's window ends in the new program
 * instead), and each average subtracts a baseline: the same window measured where the op does
 * not enter the kernel (the ecalls left out, or the page already mapped). What remains is the
 * kernel's share (a trapping ecall or faulting access does not retire); instret counts every
 * process on the hart, so the child's part of fork_exit_wait is included. Before each fork or
 * exec window the process calls sched_yield: with nothing else runnable that refills its time
 * slice, so no slice ends inside the window. The fork and exec figures run before fault_zero
 * and fault_elf touch 2048 pages, and fork_per_page and the cow figures give their heap back;
 * the mapping and file figures unmap what they map and remove their file (bench.dat, in the
 * current directory).
 * Exit status 0. Under qemu-riscv64 instret is a host clock, so the figures mean nothing there.
 */
#include "ulib.h"

#define BOOT_TARGET 1000000
#define SYSCALL_TARGET 150
#define FORK_EXIT_WAIT_TARGET 25000
#define FORK_PER_PAGE_TARGET 25
#define COW_COPY_TARGET 1700
#define COW_REUSE_TARGET 250
#define FAULT_ZERO_TARGET 1000
#define FAULT_ELF_TARGET 1700
#define MMAP_MUNMAP_TARGET 3000
#define FAULT_FILE_SHARED_TARGET 500
#define FAULT_FILE_PRIVATE_TARGET 500
#define COW_FILE_TARGET 1700
#define READ_64K_TARGET 85000
#define CLOCK_GETTIME_TARGET 200
#define PIPE_PINGPONG_TARGET 2500
#define PIPE_64K_TARGET (2 * 65536)
#define SIGNAL_ROUNDTRIP_TARGET 1500
#define USER_FAULT_TARGET 4000
#define SIGNAL_ROUNDS 1000
#define USER_FAULT_PAGES 256UL

#define SYSCALL_ROUNDS 10000
#define FORK_EXIT_WAIT_ROUNDS 200
#define FORK_SAMPLES 4			/* forks averaged per process size */
#define FORK_SMALL_PAGES 16UL
#define FORK_MEDIUM_PAGES 1024UL
#define FORK_LARGE_PAGES 16384UL	/* 64 MiB */
#define COW_PAGES 256UL
#define COW_CHILD_YIELDS 200		/* keeps the child alive while the parent copies */
#define FAULT_PAGES 1024UL
#define BLOB_BYTES (4UL << 20)
#define HEAP_SEED 0x77
#define MMAP_ROUNDS 1000
#define MMAP_BYTES (1UL << 20)
#define MMAP_PROT (PROT_READ | PROT_WRITE)
#define MMAP_FLAGS (MAP_PRIVATE | MAP_ANONYMOUS)
#define FILE_PAGES 256UL
#define FILE_SEED 0x66
#define BENCH_FILE "bench.dat"
#define READ_BYTES (64UL << 10)
#define READ_ROUNDS 50
#define EXEC_PROGRAM "execbench"
#define CLOCK_ROUNDS 10000
#define PIPE_ROUNDS 2000
#define PIPE_CHUNK (64UL << 10)
#define PIPE_CHUNKS 64
#define DECIMAL_MAX 24			/* digits of a 64-bit number, and a NUL */

/* Non-zero data, so the linker stores all 4 MiB in the file (PROGBITS), not as bss. */
static const char blob[BLOB_BYTES] __attribute__((aligned(PAGE_SIZE))) = { 1 };
/* read_64k's destination; written in full before the first window. */
static char read_buf[READ_BYTES] __attribute__((aligned(PAGE_SIZE)));

/*
 * instret delta across the instructions insn (a string literal in which %2 is arg, held in a
 * register). a0 and a7 are declared clobbered so insn may be a system call. The window holds
 * nothing but insn: no call, no output, no compiler-generated code.
 */
#define WINDOW(insn, arg)							\
	({									\
		unsigned long t0_, t1_;						\
		asm volatile("csrr %0, instret\n\t" insn "\n\tcsrr %1, instret"	\
			     : "=&r"(t0_), "=&r"(t1_)				\
			     : "r"(arg)						\
			     : "a0", "a7", "memory");				\
		t1_ - t0_;							\
	})

/* One getpid round trip, and its baseline: the same window without the ecall. */
static unsigned long window_getpid(void)
{
	return WINDOW("mv a7, %2\n\tecall", __NR_getpid);
}

static unsigned long window_getpid_baseline(void)
{
	return WINDOW("mv a7, %2", __NR_getpid);
}

/* One byte store to / load from addr (the load's value goes to x0 but it still faults). */
static unsigned long window_store(unsigned long addr)
{
	return WINDOW("sb zero, 0(%2)", addr);
}

static unsigned long window_load(unsigned long addr)
{
	return WINDOW("lb zero, 0(%2)", addr);
}

/*
 * Windows around fork, as clone(SIGCHLD, 0, 0, 0, 0). ECALL is "ecall", or "" for the baseline
 * (a0 then keeps SIGCHLD, which is non-zero: the parent's path). %[ret] gets the last call's a0.
 * FORK_EXIT_WAIT: the child (a0 == 0) calls exit(0) at once and never leaves the window; the
 * parent calls wait4(pid, NULL, 0, NULL). The window ends when wait4 returns.
 */
#define FORK_ARGS(ECALL)							\
	"li a7, %[clone]\n\tli a0, %[sigchld]\n\tli a1, 0\n\tli a2, 0\n\t"	\
	"li a3, 0\n\tli a4, 0\n\t" ECALL "\n\t"
#define FORK_ONLY(ECALL)							\
	"csrr %[t0], instret\n\t" FORK_ARGS(ECALL)				\
	"csrr %[t1], instret\n\tmv %[ret], a0"
#define FORK_EXIT_WAIT(ECALL)							\
	"csrr %[t0], instret\n\t" FORK_ARGS(ECALL)				\
	"bnez a0, 1f\n\tli a7, %[exit]\n\t" ECALL "\n"				\
	"1:\n\tli a7, %[wait4]\n\tli a1, 0\n\tli a2, 0\n\tli a3, 0\n\t" ECALL "\n\t"	\
	"csrr %[t1], instret\n\tmv %[ret], a0"
#define FORK_WINDOW(body, result)							\
	({									\
		unsigned long t0_, t1_;						\
		asm volatile(body						\
			     : [t0] "=&r"(t0_), [t1] "=&r"(t1_), [ret] "=&r"(result)	\
			     : [clone] "i"(__NR_clone), [sigchld] "i"(SIGCHLD),		\
			       [exit] "i"(__NR_exit), [wait4] "i"(__NR_wait4)		\
			     : "a0", "a1", "a2", "a3", "a4", "a7", "memory");		\
		t1_ - t0_;							\
	})

/* fork until it returns in the parent; *pid gets its result (0 in the child). */
static unsigned long window_fork(long *pid)
{
	return FORK_WINDOW(FORK_ONLY("ecall"), *pid);
}

static unsigned long window_fork_baseline(void)
{
	long unused;

	return FORK_WINDOW(FORK_ONLY(""), unused);
}

/* fork, exit in the child, wait4 in the parent; *waited gets wait4's result. */
static unsigned long window_fork_exit_wait(long *waited)
{
	return FORK_WINDOW(FORK_EXIT_WAIT("ecall"), *waited);
}

static unsigned long window_fork_exit_wait_baseline(void)
{
	long unused;

	return FORK_WINDOW(FORK_EXIT_WAIT(""), unused);
}

/*
 * The exec window starts by reading instret into t0 and writing it into stamp as
 * EXEC_STAMP_DIGITS (16) letters, a nibble each from the most significant, nibble +
 * EXEC_STAMP_BASE; execbench decodes it. Then the real window makes the execve call (a0..a2,
 * a7 loaded before the asm) and ends in the new program's _start; the baseline reads instret
 * again instead.
 */
#define EXEC_STAMP								\
	"csrr t0, instret\n\t"							\
	".irp shift, 60, 56, 52, 48, 44, 40, 36, 32, 28, 24, 20, 16, 12, 8, 4, 0\n\t" \
	"srli t1, t0, \\shift\n\t"						\
	"andi t1, t1, 15\n\t"							\
	"addi t1, t1, %[base]\n\t"						\
	"sb t1, (60 - \\shift) / 4(%[stamp])\n\t"				\
	".endr\n\t"

/* Returns only if execve fails, with its -errno. */
static long window_exec(char *stamp, const char *path, char *const argv[], char *const envp[])
{
	register long a0 asm("a0") = (long)path;
	register long a1 asm("a1") = (long)argv;
	register long a2 asm("a2") = (long)envp;
	register long a7 asm("a7") = __NR_execve;

	asm volatile(EXEC_STAMP "ecall"
		     : "+r"(a0)
		     : "r"(a1), "r"(a2), "r"(a7), [stamp] "r"(stamp), [base] "i"(EXEC_STAMP_BASE)
		     : "t0", "t1", "memory");
	return a0;
}

static unsigned long window_exec_baseline(char *stamp, const char *path, char *const argv[],
					  char *const envp[])
{
	register long a0 asm("a0") = (long)path;
	register long a1 asm("a1") = (long)argv;
	register long a2 asm("a2") = (long)envp;
	register long a7 asm("a7") = __NR_execve;
	unsigned long t0, t1;

	asm volatile(EXEC_STAMP "csrr %[t1], instret\n\tmv %[t0], t0"
		     : [t0] "=&r"(t0), [t1] "=&r"(t1)
		     : "r"(a0), "r"(a1), "r"(a2), "r"(a7), [stamp] "r"(stamp),
		       [base] "i"(EXEC_STAMP_BASE)
		     : "t0", "t1", "memory");
	return t1 - t0;
}

/*
 * mmap(NULL, MMAP_BYTES, MMAP_PROT, MMAP_FLAGS, -1, 0) then munmap(<its result>, MMAP_BYTES).
 * ECALL is "ecall", or "" for the baseline. *mapped gets mmap's result, *unmapped munmap's.
 */
#define MMAP_MUNMAP(ECALL)							\
	"csrr %[t0], instret\n\t"						\
	"li a7, %[mmap]\n\tli a0, 0\n\tli a1, %[len]\n\tli a2, %[prot]\n\t"	\
	"li a3, %[flags]\n\tli a4, -1\n\tli a5, 0\n\t" ECALL "\n\t"		\
	"mv %[mapped], a0\n\tli a7, %[munmap]\n\tli a1, %[len]\n\t" ECALL "\n\t"	\
	"csrr %[t1], instret\n\tmv %[unmapped], a0"
#define MMAP_WINDOW(body, map_result, unmap_result)						\
	({									\
		unsigned long t0_, t1_;						\
		asm volatile(body						\
			     : [t0] "=&r"(t0_), [t1] "=&r"(t1_), [mapped] "=&r"(map_result),	\
			       [unmapped] "=&r"(unmap_result)				\
			     : [mmap] "i"(__NR_mmap), [munmap] "i"(__NR_munmap),		\
			       [len] "i"(MMAP_BYTES), [prot] "i"(MMAP_PROT),		\
			       [flags] "i"(MMAP_FLAGS)					\
			     : "a0", "a1", "a2", "a3", "a4", "a5", "a7", "memory");	\
		t1_ - t0_;							\
	})

static unsigned long window_mmap_munmap(long *mapped, long *unmapped)
{
	return MMAP_WINDOW(MMAP_MUNMAP("ecall"), *mapped, *unmapped);
}

static unsigned long window_mmap_munmap_baseline(void)
{
	long unused_map, unused_unmap;

	return MMAP_WINDOW(MMAP_MUNMAP(""), unused_map, unused_unmap);
}

/* read(fd, buf, READ_BYTES); ECALL "" for the baseline. *got gets read's result. */
#define READ_WINDOW(ECALL, fd, buf, got)					\
	({									\
		unsigned long t0_, t1_;						\
		asm volatile("csrr %[t0], instret\n\t"				\
			     "mv a0, %[fd_]\n\tmv a1, %[buf_]\n\tli a2, %[len]\n\t"	\
			     "li a7, %[read]\n\t" ECALL "\n\t"			\
			     "csrr %[t1], instret\n\tmv %[got_], a0"			\
			     : [t0] "=&r"(t0_), [t1] "=&r"(t1_), [got_] "=&r"(got)	\
			     : [fd_] "r"((long)(fd)), [buf_] "r"(buf),			\
			       [len] "i"(READ_BYTES), [read] "i"(__NR_read)		\
			     : "a0", "a1", "a2", "a7", "memory");			\
		t1_ - t0_;							\
	})

static unsigned long window_read(int fd, void *buf, long *got)
{
	return READ_WINDOW("ecall", fd, buf, *got);
}

static unsigned long window_read_baseline(int fd, void *buf)
{
	long unused;

	return READ_WINDOW("", fd, buf, unused);
}

/* System call nr(x, y) with x, y in registers; ECALL "" for the baseline (the same window, no call). */
#define CALL2_WINDOW(ECALL, nr, x, y)						\
	({									\
		unsigned long t0_, t1_;						\
		asm volatile("csrr %[t0], instret\n\t"				\
			     "mv a0, %[x_]\n\tmv a1, %[y_]\n\tli a7, %[nr_]\n\t" ECALL "\n\t" \
			     "csrr %[t1], instret"					\
			     : [t0] "=&r"(t0_), [t1] "=&r"(t1_)				\
			     : [x_] "r"(x), [y_] "r"(y), [nr_] "i"(nr)			\
			     : "a0", "a1", "a7", "memory");				\
		t1_ - t0_;							\
	})

/* clock_gettime(CLOCK_MONOTONIC, ts); ECALL "" for the baseline. */
#define CLOCK_WINDOW(ECALL, ts) CALL2_WINDOW(ECALL, __NR_clock_gettime, (long)CLOCK_MONOTONIC, ts)

/* Sum of window(page) over pages consecutive pages from base. */
static unsigned long sum_over_pages(unsigned long (*window)(unsigned long), unsigned long base,
				    unsigned long pages)
{
	unsigned long sum = 0;

	for (unsigned long i = 0; i < pages; i++)
		sum += window(base + i * PAGE_SIZE);
	return sum;
}

/* Average kernel cost of the first access to each page: first pass (faults) minus second
 * pass (same pages, now mapped). */
static long fault_average(unsigned long (*window)(unsigned long), unsigned long base,
			  unsigned long pages)
{
	unsigned long faulting = sum_over_pages(window, base, pages);
	unsigned long mapped = sum_over_pages(window, base, pages);

	return (long)(faulting - mapped) / (long)pages;
}

static void bench_boot(void)
{
	unsigned long kernel_entry;

	if (!auxv_get(AT_KERNEL_ENTRY_INSTRET, &kernel_entry)) {
		printf("bench: boot skipped (no AT_KERNEL_ENTRY_INSTRET)\n");
		return;
	}
	bench_report("boot", (long)(__start_instret - kernel_entry), BOOT_TARGET);
}

static void bench_syscall(void)
{
	unsigned long with_ecall = 0, baseline = 0;

	for (int i = 0; i < SYSCALL_ROUNDS; i++) {
		with_ecall += window_getpid();
		baseline += window_getpid_baseline();
	}
	bench_report("syscall", (long)(with_ecall - baseline) / SYSCALL_ROUNDS, SYSCALL_TARGET);
}

static void bench_fork_exit_wait(void)
{
	unsigned long with_calls = 0, baseline = 0;
	long waited;

	for (int i = 0; i < FORK_EXIT_WAIT_ROUNDS; i++) {
		sys_sched_yield();
		with_calls += window_fork_exit_wait(&waited);
		if (waited <= 0) {
			printf("bench: fork_exit_wait FAIL fork or wait4 returned %ld\n", waited);
			return;
		}
		baseline += window_fork_exit_wait_baseline();
	}
	bench_report("fork_exit_wait", (long)(with_calls - baseline) / FORK_EXIT_WAIT_ROUNDS,
		     FORK_EXIT_WAIT_TARGET);
}

/* The child's side of the exec figure; never returns. */
static void exec_child(void)
{
	static char stamp[EXEC_STAMP_DIGITS + 1];
	static char overhead[DECIMAL_MAX];
	char *argv[] = { EXEC_PROGRAM, stamp, overhead, NULL };
	char *envp[] = { NULL };
	volatile unsigned long touched = 0;
	long err;

	/* Writes stamp too, so its page is this process's own before the real window. */
	snprintf(overhead, sizeof(overhead), "%lu",
		 window_exec_baseline(stamp, EXEC_PROGRAM, argv, envp));
	/* Touch what execve reads, so no page fault on it lands in the window. */
	for (int i = 0; argv[i]; i++)
		touched += strlen(argv[i]);
	sys_sched_yield();
	err = window_exec(stamp, EXEC_PROGRAM, argv, envp);
	if (err == -ENOENT)	/* Linux: no ramdisk; try the path (stamp is stale by now) */
		err = exec_prog(EXEC_PROGRAM, argv, envp);
	printf("bench: exec skipped (execve returned %ld)\n", err);
	sys_exit(1);
}

static void bench_exec(void)
{
	long pid = sys_fork();

	if (pid == 0)
		exec_child();
	if (pid < 0)
		printf("bench: exec FAIL fork returned %ld\n", pid);
	else
		wait_child(pid);	/* execbench (or the child) has printed the line */
}

/* Average cost of fork in the parent with pages heap pages from base written just before. */
static long fork_cost(unsigned long base, unsigned long pages)
{
	unsigned long with_fork = 0, baseline = 0;
	long pid;

	for (int i = 0; i < FORK_SAMPLES; i++) {
		pages_fill((void *)base, pages, HEAP_SEED);	/* writable again after the last fork */
		sys_sched_yield();
		with_fork += window_fork(&pid);
		if (pid == 0)
			sys_exit(0);
		if (pid < 0)
			return pid;
		wait_child(pid);
		baseline += window_fork_baseline();
	}
	return (long)(with_fork - baseline) / FORK_SAMPLES;
}

static void bench_fork_per_page(void)
{
	unsigned long old_brk = sys_brk(0), base = heap_grow(FORK_LARGE_PAGES * PAGE_SIZE);
	long small, medium, large;

	if (!base) {
		printf("bench: fork_per_page FAIL brk could not grow by %lu pages\n", FORK_LARGE_PAGES);
		return;
	}
	small = fork_cost(base, FORK_SMALL_PAGES);
	medium = fork_cost(base, FORK_MEDIUM_PAGES);
	large = fork_cost(base, FORK_LARGE_PAGES);
	sys_brk(old_brk);
	if (small < 0 || medium < 0 || large < 0) {
		printf("bench: fork_per_page FAIL fork returned %ld\n", small < 0 ? small :
		       medium < 0 ? medium : large);
		return;
	}
	printf("fork_per_page: fork costs %ld, %ld, %ld with %lu, %lu, %lu touched heap pages\n",
	       small, medium, large, FORK_SMALL_PAGES, FORK_MEDIUM_PAGES, FORK_LARGE_PAGES);
	bench_report("fork_per_page", (large - small) / (long)(FORK_LARGE_PAGES - FORK_SMALL_PAGES),
		     FORK_PER_PAGE_TARGET);
}

/* Stores into pages shared by fork: while the child lives (copy), then after it (reuse). */
static void bench_cow(void)
{
	unsigned long old_brk = sys_brk(0), copy_base = heap_grow(2 * COW_PAGES * PAGE_SIZE);
	unsigned long reuse_base = copy_base + COW_PAGES * PAGE_SIZE;
	long pid, copy, reuse;

	if (!copy_base) {
		printf("bench: cow FAIL brk could not grow by %lu pages\n", 2 * COW_PAGES);
		return;
	}
	pages_fill((void *)copy_base, 2 * COW_PAGES, HEAP_SEED);
	sys_sched_yield();
	pid = sys_fork();
	if (pid == 0) {
		yield_times(COW_CHILD_YIELDS);
		sys_exit(0);
	}
	if (pid < 0) {
		sys_brk(old_brk);
		printf("bench: cow FAIL fork returned %ld\n", pid);
		return;
	}
	copy = fault_average(window_store, copy_base, COW_PAGES);
	wait_child(pid);
	sys_sched_yield();
	reuse = fault_average(window_store, reuse_base, COW_PAGES);
	sys_brk(old_brk);
	bench_report("cow_copy", copy, COW_COPY_TARGET);
	bench_report("cow_reuse", reuse, COW_REUSE_TARGET);
}

static void bench_fault_zero(void)
{
	unsigned long base = PAGE_ROUND_UP((unsigned long)sys_brk(0));
	unsigned long end = base + FAULT_PAGES * PAGE_SIZE;

	if ((unsigned long)sys_brk(end) != end) {
		printf("bench: fault_zero FAIL brk could not grow to 0x%lx\n", end);
		return;
	}
	bench_report("fault_zero", fault_average(window_store, base, FAULT_PAGES), FAULT_ZERO_TARGET);
}

static void bench_fault_elf(void)
{
	bench_report("fault_elf", fault_average(window_load, (unsigned long)blob, FAULT_PAGES),
		     FAULT_ELF_TARGET);
}

static void bench_mmap_munmap(void)
{
	unsigned long with_calls = 0, baseline = 0;
	long mapped, unmapped;

	for (int i = 0; i < MMAP_ROUNDS; i++) {
		with_calls += window_mmap_munmap(&mapped, &unmapped);
		if (MMAP_FAILED(mapped) || unmapped != 0) {
			printf("bench: mmap_munmap FAIL mmap returned %ld, munmap %ld\n", mapped, unmapped);
			return;
		}
		baseline += window_mmap_munmap_baseline();
	}
	bench_report("mmap_munmap", (long)(with_calls - baseline) / MMAP_ROUNDS, MMAP_MUNMAP_TARGET);
}

/* Average read_64k cost: READ_ROUNDS reads from offset 0 (lseek outside the window). */
static long read_average(int fd)
{
	unsigned long with_read = 0, baseline = 0;
	long got;

	memset(read_buf, 1, sizeof(read_buf));	/* every page mapped and written before */
	for (int i = 0; i < READ_ROUNDS; i++) {
		sys_lseek(fd, 0, SEEK_SET);
		with_read += window_read(fd, read_buf, &got);
		if (got != (long)READ_BYTES)
			return got < 0 ? got : -EIO;
		baseline += window_read_baseline(fd, read_buf);
	}
	return (long)(with_read - baseline) / READ_ROUNDS;
}

/* The file figures: faults on a shared and a private map of a cached file, COW, and read(). */
static void bench_file(void)
{
	unsigned long bytes = FILE_PAGES * PAGE_SIZE;
	long fd = file_create(BENCH_FILE, bytes, FILE_SEED), shared, private, read_cost;

	if (fd < 0) {
		printf("bench: file FAIL cannot create %s (%ld)\n", BENCH_FILE, fd);
		return;
	}
	shared = sys_mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	private = sys_mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (MMAP_FAILED(shared) || MMAP_FAILED(private)) {
		printf("bench: file FAIL mmap returned %ld and %ld\n", shared, private);
	} else {
		bench_report("fault_file_shared", fault_average(window_load, shared, FILE_PAGES),
			     FAULT_FILE_SHARED_TARGET);
		bench_report("fault_file_private", fault_average(window_load, private, FILE_PAGES),
			     FAULT_FILE_PRIVATE_TARGET);
		bench_report("cow_file", fault_average(window_store, private, FILE_PAGES), COW_FILE_TARGET);
	}
	if (!MMAP_FAILED(shared))
		sys_munmap((void *)shared, bytes);
	if (!MMAP_FAILED(private))
		sys_munmap((void *)private, bytes);
	read_cost = read_average(fd);
	if (read_cost < 0)
		printf("bench: read_64k FAIL read returned %ld\n", read_cost);
	else
		bench_report("read_64k", read_cost, READ_64K_TARGET);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, BENCH_FILE, 0);
}

static void bench_clock_gettime(void)
{
	struct timespec ts;
	unsigned long with_ecall = 0, baseline = 0;

	for (int i = 0; i < CLOCK_ROUNDS; i++) {
		with_ecall += CLOCK_WINDOW("ecall", &ts);
		baseline += CLOCK_WINDOW("", &ts);
	}
	bench_report("clock_gettime", (long)(with_ecall - baseline) / CLOCK_ROUNDS, CLOCK_GETTIME_TARGET);
}

/* The child of the pipe benchmarks: echo each byte back (ping-pong), or drain 64 KiB chunks. */
static void pipe_child(int in, int out, int pingpong)
{
	static char buf[PIPE_CHUNK];

	if (pingpong) {
		while (sys_read(in, buf, 1) == 1)
			sys_write(out, buf, 1);
	} else {
		long n, total = 0;
		while ((n = sys_read(in, buf, PIPE_CHUNK)) > 0)
			total += n;
		sys_write(out, &total, sizeof(total));
	}
	sys_exit(0);
}

/* Two pipes to a child running pipe_child; *to and *from are the parent's ends. Its pid or -errno. */
static long pipe_pair(int pingpong, int *to, int *from)
{
	int down[2], up[2];
	long pid;

	if (syscall6(__NR_pipe2, (long)down, 0, 0, 0, 0, 0) || syscall6(__NR_pipe2, (long)up, 0, 0, 0, 0, 0))
		return -1;
	pid = sys_fork();
	if (pid == 0) {
		sys_close(down[1]);
		sys_close(up[0]);
		pipe_child(down[0], up[1], pingpong);
	}
	sys_close(down[0]);
	sys_close(up[1]);
	*to = down[1];
	*from = up[0];
	return pid;
}

static void bench_pipe_pingpong(void)
{
	int to, from;
	char c = 'x';
	long pid = pipe_pair(1, &to, &from), ok = 1;

	sys_write(to, &c, 1);           /* first trip outside the window: both processes warmed up */
	ok &= sys_read(from, &c, 1) == 1;
	unsigned long t0 = rdinstret();
	for (int i = 0; i < PIPE_ROUNDS; i++) {
		sys_write(to, &c, 1);
		ok &= sys_read(from, &c, 1) == 1;
	}
	unsigned long t1 = rdinstret();
	sys_close(to);
	sys_close(from);
	wait_child(pid);
	if (ok && pid > 0)
		bench_report("pipe_pingpong", (long)(t1 - t0) / PIPE_ROUNDS, PIPE_PINGPONG_TARGET);
	else
		printf("bench: pipe_pingpong FAIL\n");
}

static void bench_pipe_64k(void)
{
	static char buf[PIPE_CHUNK];
	int to, from;
	long pid = pipe_pair(0, &to, &from), total = 0, ok = 1;

	memset(buf, 1, sizeof(buf));
	ok &= sys_write(to, buf, PIPE_CHUNK) == (long)PIPE_CHUNK;   /* warm-up chunk, outside the window */
	unsigned long t0 = rdinstret();
	for (int i = 0; i < PIPE_CHUNKS; i++)
		ok &= sys_write(to, buf, PIPE_CHUNK) == (long)PIPE_CHUNK;
	sys_close(to);
	ok &= sys_read(from, &total, sizeof(total)) == sizeof(total);  /* the child has read it all */
	unsigned long t1 = rdinstret();
	sys_close(from);
	wait_child(pid);
	if (ok && pid > 0 && total == (long)((PIPE_CHUNKS + 1) * PIPE_CHUNK))
		bench_report("pipe_64k", (long)(t1 - t0) / PIPE_CHUNKS, PIPE_64K_TARGET);
	else
		printf("bench: pipe_64k FAIL (%ld bytes)\n", total);
}

/* kill(pid, SIGUSR1) with SIGUSR1 caught; ECALL "" for the baseline. */
#define KILL_WINDOW(ECALL, pid) CALL2_WINDOW(ECALL, __NR_kill, pid, (long)SIGUSR1)

static volatile unsigned long signals_seen;

static void on_bench_signal(int sig)
{
	signals_seen++;
}

static void bench_signal_roundtrip(void)
{
	unsigned long with_signal = 0, baseline = 0;
	long pid = sys_getpid();

	sig_action(SIGUSR1, HANDLER(on_bench_signal), 0, 0, 0);
	for (int i = 0; i < SIGNAL_ROUNDS; i++) {
		with_signal += KILL_WINDOW("ecall", pid);
		baseline += KILL_WINDOW("", pid);
	}
	if (signals_seen != SIGNAL_ROUNDS) {
		printf("bench: signal_roundtrip FAIL %lu signals caught\n", signals_seen);
		return;
	}
	bench_report("signal_roundtrip", (long)(with_signal - baseline) / SIGNAL_ROUNDS, SIGNAL_ROUNDTRIP_TARGET);
	sig_action(SIGUSR1, SIG_DFL, 0, 0, 0);
}

/* SIGSEGV handler of user_fault: make the faulting page read-write (the store is retried). */
static void on_bench_fault(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	sys_mprotect((void *)((unsigned long)si->u.si_addr & ~(PAGE_SIZE - 1)), PAGE_SIZE, PROT_READ | PROT_WRITE);
}

static void bench_user_fault(void)
{
	long base = sys_mmap(0, USER_FAULT_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			     -1, 0);

	if (MMAP_FAILED(base)) {
		printf("bench: user_fault FAIL mmap returned %ld\n", base);
		return;
	}
	pages_fill((void *)base, USER_FAULT_PAGES, 0);
	sys_mprotect((void *)base, USER_FAULT_PAGES * PAGE_SIZE, PROT_NONE);
	sig_action(SIGSEGV, HANDLER(on_bench_fault), SA_SIGINFO, 0, 0);
	bench_report("user_fault", fault_average(window_store, (unsigned long)base, USER_FAULT_PAGES),
		     USER_FAULT_TARGET);
	sig_action(SIGSEGV, SIG_DFL, 0, 0, 0);
	sys_munmap((void *)base, USER_FAULT_PAGES * PAGE_SIZE);
}

int main(int argc, char **argv, char **envp)
{
	bench_boot();
	bench_syscall();
	bench_fork_exit_wait();
	bench_exec();
	bench_fork_per_page();
	bench_cow();
	bench_mmap_munmap();
	bench_file();
	bench_clock_gettime();
	bench_pipe_pingpong();
	bench_pipe_64k();
	bench_signal_roundtrip();
	bench_user_fault();
	bench_fault_zero();
	bench_fault_elf();
	return 0;
}
