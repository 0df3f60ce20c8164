/*
 * fault.c: the arch half of a page fault: decode scause into the access it needs, find the VMA, check
 * the access, call the generic handler, and turn a failure into a signal (user mode) or into the
 * -EFAULT fixup (inside the uaccess helpers). Any other kernel-mode fault is a kernel bug.
 */
#include "vm.h"
#include "uaccess.h"
#include "proc.h"
#include "exit.h"
#include "riscv.h"
#include "signal.h"
#include "kernel.h"
#include "log.h"

static uint64_t fault_access(uint64_t scause)
{
	if (scause == EXC_INST_PAGE_FAULT)
		return VM_EXEC;
	return scause == EXC_STORE_PAGE_FAULT ? VM_WRITE : VM_READ;
}

static const char *access_name(uint64_t access)
{
	return access == VM_EXEC ? "exec" : access == VM_WRITE ? "store" : "load";
}

static bool in_uaccess(uint64_t pc)
{
	return pc >= (uint64_t)__uaccess_start && pc < (uint64_t)__uaccess_end;
}

/* Whether vma permits access; as Linux on riscv, write implies read (Sv39 has no write-only pages). */
static bool vma_allows(struct vm_area_struct *vma, uint64_t access)
{
	uint64_t allowed = vma->vm_flags & VM_ACCESS;

	if (allowed & VM_WRITE)
		allowed |= VM_READ;
	return allowed & access;
}

static enum vm_fault __do_page_fault(uint64_t addr, uint64_t access)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	if (!mm || addr >= USER_END)
		return VM_FAULT_SIGSEGV;
	vma = find_vma(mm, addr);
	if (!vma || !vma_allows(vma, access))
		return VM_FAULT_SIGSEGV;
	return handle_mm_fault(vma, PGROUNDDOWN(addr), access);
}

/* The signal and si_code of a fault that failed: SEGV_MAPERR when no VMA covers addr. */
static int fault_signal(enum vm_fault result, uint64_t addr, int *code)
{
	struct mm_struct *mm = current->mm;

	*code = SI_KERNEL;
	if (result == VM_FAULT_OOM)
		return SIGKILL;
	if (result == VM_FAULT_SIGBUS) {
		*code = BUS_ADRERR;
		return SIGBUS;
	}
	*code = mm && addr < USER_END && find_vma(mm, addr) ? SEGV_ACCERR : SEGV_MAPERR;
	return SIGSEGV;
}

/* A fault the handlers could not resolve: the -EFAULT fixup inside uaccess, else a signal. */
static __attribute__((noinline)) void fault_failed(struct pt_regs *regs, uint64_t stval, uint64_t access,
						   enum vm_fault result)
{
	bool user = !(regs->sstatus & SSTATUS_SPP);
	int sig, code;

	if (!user) {
		/*
		 * The copy fails with -EFAULT so the system call unwinds and frees what it holds; running
		 * out of memory then kills the process as its own fault would (SIGKILL) when the call returns.
		 */
		if (result == VM_FAULT_OOM && !(current->sig.pending & SIGMASK(SIGKILL)))
			force_sig_fault(SIGKILL, SI_KERNEL, stval, "out-of-memory", stval, task_pt_regs(current)->sepc);
		regs->sepc = (uint64_t)__uaccess_fixup;
		return;
	}
	sig = fault_signal(result, stval, &code);
	force_sig_fault(sig, code, stval, result == VM_FAULT_OOM ? "out-of-memory" : access_name(access), stval,
			regs->sepc);
	do_signal(regs, false);                 /* a handler, or the default action: death */
}

void do_page_fault(struct pt_regs *regs, uint64_t scause, uint64_t stval)
{
	uint64_t access = fault_access(scause);
	bool user = !(regs->sstatus & SSTATUS_SPP);
	enum vm_fault result;

	if (!user && !in_uaccess(regs->sepc))
		panic("kernel %s page fault at 0x%lx", access_name(access), stval);
	trace("[fault] pid %lu pc 0x%lx addr 0x%lx %s%s", current->pid, regs->sepc, stval, access_name(access),
	      user ? "" : " uaccess");
	result = __do_page_fault(stval, access);
	if (unlikely(result != VM_FAULT_OK))
		fault_failed(regs, stval, access, result);
}
