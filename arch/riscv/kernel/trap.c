/*
 * trap.c: trap_handler() decodes scause by name and dispatches: timer interrupts to the scheduler,
 * page faults to fault.c, other exceptions from user mode to a signal (entry.S sends ecalls to the
 * system-call table itself). Anything unexpected in kernel mode is a kernel bug and panics.
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
#include "fpu.h"


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

static const char *exception_name(uint64_t scause)
{
	if (scause < ARRAY_SIZE(exc_names) && exc_names[scause])
		return exc_names[scause];
	return "unknown exception";
}

/* The signal and si_code Linux sends for a user exception that is neither an ecall nor a page fault. */
static int exception_signal(uint64_t scause, int *code)
{
	switch (scause) {
	case EXC_ILLEGAL_INST:
		*code = ILL_ILLOPC;
		return SIGILL;
	case EXC_ECALL_S:
		*code = ILL_ILLTRP;
		return SIGILL;
	case EXC_BREAKPOINT:
		*code = TRAP_BRKPT;
		return SIGTRAP;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		*code = BUS_ADRALN;
		return SIGBUS;
	default:
		*code = SEGV_ACCERR;
		return SIGSEGV;
	}
}

/* A user exception other than an ecall or page fault: its signal, si_addr the pc (as Linux). */
static void do_trap_error(struct pt_regs *regs, uint64_t scause)
{
	int code, sig = exception_signal(scause, &code);

	force_sig_fault(sig, code, regs->sepc, exception_name(scause), csr_read(stval), regs->sepc);
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

/*
 * Interrupts and exceptions other than system calls and page faults; then, returning to user mode, a
 * signal they made pending. An illegal instruction from user mode may be no error: the task's first FP
 * instruction since a switch traps so (sstatus.FS off), and fpu_lazy_load loads its registers and lets
 * the instruction run again. Kept out of trap_handler so the hot paths stay tail calls.
 */
static __attribute__((noinline)) void handle_trap(uint64_t scause, struct pt_regs *regs)
{
	if (scause & SCAUSE_INTERRUPT) {
		handle_interrupt(scause & ~SCAUSE_INTERRUPT);
	} else {
		if (regs->sstatus & SSTATUS_SPP)
			panic("%s in kernel mode", exception_name(scause));
		if (scause != EXC_ILLEGAL_INST || !fpu_lazy_load(regs))   /* else: FP loaded, run it again */
			do_trap_error(regs, scause);
	}
	if (unlikely(signal_pending(current)) && !(regs->sstatus & SSTATUS_SPP))
		do_signal(regs, false);
}

/* Called by _traps with interrupts off for every trap but a system call; scause decides everything. */
void trap_handler(uint64_t scause, struct pt_regs *regs)
{
	if (scause == EXC_INST_PAGE_FAULT || scause == EXC_LOAD_PAGE_FAULT || scause == EXC_STORE_PAGE_FAULT) {
		do_page_fault(regs, scause, csr_read(stval));   /* it delivers the signal of a failed fault */
		return;
	}
	handle_trap(scause, regs);
}
