/*
 * bench.c: counts retired instructions (instret) spent by the kernel on four paths and prints
 * one line per figure, "bench: <name> <instructions> (target <t>)":
 *   boot        kernel entry to this program's first instruction (needs auxv entry
 *               AT_KERNEL_ENTRY_INSTRET; without it, as on Linux, a "skipped" line instead)
 *   syscall     one getpid round trip
 *   fault_zero  first store to a fresh heap page (allocate a zeroed page)
 *   fault_elf   first load from a .rodata page that the kernel fills from the ELF file
 * Each figure is an integer average. Every measured window is a single asm statement
 * "csrr; <op>; csrr", and each average subtracts a baseline: the same window measured where
 * the op does not enter the kernel (the ecall left out, or the page already mapped). What
 * remains is the kernel's share (a trapping ecall or faulting access does not retire).
 * Exit status 0. Under qemu-riscv64 instret is a host clock, so the figures mean nothing there.
 */
#include "ulib.h"

#define BOOT_TARGET 1000000
#define SYSCALL_TARGET 150
#define FAULT_ZERO_TARGET 1000
#define FAULT_ELF_TARGET 1700

#define SYSCALL_ROUNDS 10000
#define FAULT_PAGES 1024
#define BLOB_BYTES (4UL << 20)

/* Non-zero data, so the linker stores all 4 MiB in the file (PROGBITS), not as bss. */
static const char blob[BLOB_BYTES] __attribute__((aligned(PAGE_SIZE))) = { 1 };

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
	return WINDOW("mv a7, %2\n\tecall", SYS_getpid);
}

static unsigned long window_getpid_baseline(void)
{
	return WINDOW("mv a7, %2", SYS_getpid);
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

/* Sum of window(page) over FAULT_PAGES consecutive pages from base. */
static unsigned long sum_over_pages(unsigned long (*window)(unsigned long), unsigned long base)
{
	unsigned long sum = 0;

	for (unsigned long i = 0; i < FAULT_PAGES; i++)
		sum += window(base + i * PAGE_SIZE);
	return sum;
}

/* Average kernel cost of the first access to each page: first pass (faults) minus second
 * pass (same pages, now mapped). */
static long fault_average(unsigned long (*window)(unsigned long), unsigned long base)
{
	unsigned long faulting = sum_over_pages(window, base);
	unsigned long mapped = sum_over_pages(window, base);

	return (long)(faulting - mapped) / FAULT_PAGES;
}

static void report(const char *name, long instructions, long target)
{
	printf("bench: %s %ld (target %ld)\n", name, instructions, target);
}

static void bench_boot(void)
{
	unsigned long kernel_entry;

	if (!auxv_get(AT_KERNEL_ENTRY_INSTRET, &kernel_entry)) {
		printf("bench: boot skipped (no AT_KERNEL_ENTRY_INSTRET)\n");
		return;
	}
	report("boot", (long)(__start_instret - kernel_entry), BOOT_TARGET);
}

static void bench_syscall(void)
{
	unsigned long with_ecall = 0, baseline = 0;

	for (int i = 0; i < SYSCALL_ROUNDS; i++) {
		with_ecall += window_getpid();
		baseline += window_getpid_baseline();
	}
	report("syscall", (long)(with_ecall - baseline) / SYSCALL_ROUNDS, SYSCALL_TARGET);
}

static void bench_fault_zero(void)
{
	unsigned long base = PAGE_ROUND_UP((unsigned long)sys_brk(0));
	unsigned long end = base + FAULT_PAGES * PAGE_SIZE;

	if ((unsigned long)sys_brk(end) != end) {
		printf("bench: fault_zero FAIL brk could not grow to 0x%lx\n", end);
		return;
	}
	report("fault_zero", fault_average(window_store, base), FAULT_ZERO_TARGET);
}

static void bench_fault_elf(void)
{
	report("fault_elf", fault_average(window_load, (unsigned long)blob), FAULT_ELF_TARGET);
}

int main(int argc, char **argv, char **envp)
{
	bench_boot();
	bench_syscall();
	bench_fault_zero();
	bench_fault_elf();
	return 0;
}
