/*
 * faults.c: accesses and instructions that must kill the process, shared by the kill_* programs
 * (one fault each) and killchild (all of them, each in a child). fatal_cases lists each with the
 * signal that must end the process.
 */
#include "ulib.h"

#define RET_INSN 0x00008067u	/* jalr zero, 0(ra) */
/* Under a page, so every stack page gets touched in order and no guard page is skipped. */
#define STACK_FRAME_BYTES 2048

/* In .data (segment flags RW, no X, checked with readelf -l) and on a page of its own. */
static unsigned ret_code[PAGE_SIZE / sizeof(unsigned)] __attribute__((aligned(PAGE_SIZE))) = {
	RET_INSN
};

/* Read through a volatile variable so the compiler cannot see a null dereference and replace it
 * with a trap instruction of its own. */
static volatile unsigned long null_addr = 0;

/* Effectively unbounded; volatile so the compiler cannot prove the recursion endless. */
static volatile unsigned long depth_limit = ~0UL;

void fault_store_text(void)
{
	*(volatile unsigned char *)(void *)fault_store_text = 0;
}

void fault_load_null(void)
{
	(void)*(volatile int *)null_addr;
}

void fault_load_kaddr(void)
{
	(void)*(volatile int *)KERNEL_ADDR;
}

/* Jumps into the writable, non-executable ret_code, even though it holds a valid "ret". */
void fault_exec_data(void)
{
	((void (*)(void))(void *)ret_code)();
}

/* An all-zero instruction word is defined to be illegal. */
void fault_illegal(void)
{
	asm volatile(".word 0");
}

/* sstatus is a supervisor CSR. */
void fault_priv(void)
{
	unsigned long sstatus;

	asm volatile("csrr %0, sstatus" : "=r"(sstatus));
}

static unsigned long descend(unsigned long depth)
{
	volatile unsigned char frame[STACK_FRAME_BYTES];

	frame[0] = (unsigned char)depth;
	if (depth < depth_limit)
		return descend(depth + 1) + frame[0];	/* not a tail call: each frame stays */
	return 0;
}

void fault_stack_overflow(void)
{
	descend(0);
}

const struct fatal_case fatal_cases[NR_FATAL_CASES] = {
	{ "text", fault_store_text, SIGSEGV },
	{ "null", fault_load_null, SIGSEGV },
	{ "kaddr", fault_load_kaddr, SIGSEGV },
	{ "exec", fault_exec_data, SIGSEGV },
	{ "illegal", fault_illegal, SIGILL },
	{ "priv", fault_priv, SIGILL },
	{ "stack", fault_stack_overflow, SIGSEGV },
};
