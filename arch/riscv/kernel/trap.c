/*
 * trap.c: trap_handler() decodes scause by name and dispatches: timer interrupts to the scheduler,
 * ecalls to the system-call table, page faults to fault.c, other exceptions from user mode to a
 * signal. Anything unexpected in kernel mode is a kernel bug and panics.
 */
#include "proc.h"
#include "entry.h"
#include "vm.h"
#include "sched.h"
#include "exit.h"
#include "riscv.h"
#include "signal.h"
#include "kernel.h"
#include "syscall.h"
#include "irq.h"


static const char *const exc_names[] = {
	[EXC_INST_MISALIGNED] = "instruction address misaligned",
	[EXC_INST_ACCESS] = "instruction access fault",
	[EXC_ILLEGAL_INST] = "illegal instruction",
	[EXC_BREAKPOINT] = "breakpoint",
	[EXC_LOAD_MISALIGNED] = "load address misaligned",
	[EXC_LOAD_ACCESS] = "load access fault",
	[EXC_STORE_MISALIGNED] = "store address misaligned",
	[EXC_STORE_ACCESS] = "store access fault",
	[EXC_ECALL_U] = "ecall from U-mode",
	[EXC_ECALL_S] = "ecall from S-mode",
	[EXC_INST_PAGE_FAULT] = "instruction page fault",
	[EXC_LOAD_PAGE_FAULT] = "load page fault",
	[EXC_STORE_PAGE_FAULT] = "store page fault",
};

/* The signal Linux sends for a user exception that is neither an ecall nor a page fault. */
static int exception_signal(uint64_t scause)
{
	switch (scause) {
	case EXC_ILLEGAL_INST:
		return SIGILL;
	case EXC_BREAKPOINT:
		return SIGTRAP;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		return SIGBUS;
	default:
		return SIGSEGV;
	}
}

static const char *exception_name(uint64_t scause)
{
	if (scause < ARRAY_SIZE(exc_names) && exc_names[scause])
		return exc_names[scause];
	return "unknown exception";
}

static void handle_interrupt(uint64_t cause)
{
	if (cause == IRQ_S_EXT) {
		plic_handle_irq();
		return;
	}
	if (cause != IRQ_S_TIMER)
		panic("unexpected interrupt %lu", cause);
	clock_set_next_event();
	clock_check_budget();
	do_timer();
}

/* Called by _traps with interrupts off; scause decides everything. System calls are tested first. */
void trap_handler(uint64_t scause, uint64_t sepc, struct pt_regs *regs)
{
	if (likely(scause == EXC_ECALL_U)) {
		regs->sepc = sepc + 4;
		do_syscall(regs);   /* a tail call: it also acts on a signal made pending by the call */
		return;
	}
	if (scause & SCAUSE_INTERRUPT) {
		handle_interrupt(scause & ~SCAUSE_INTERRUPT);
		if (unlikely(signal_pending(current)) && !(regs->sstatus & SSTATUS_SPP))
			do_pending_signal(regs);
		return;
	}
	switch (scause) {
	case EXC_INST_PAGE_FAULT:
	case EXC_LOAD_PAGE_FAULT:
	case EXC_STORE_PAGE_FAULT:
		do_page_fault(regs, scause, csr_read(stval));
		return;
	default:
		if (regs->sstatus & SSTATUS_SPP)
			panic("%s in kernel mode", exception_name(scause));
		force_sig_fault(exception_signal(scause), exception_name(scause), csr_read(stval), sepc);
	}
}
