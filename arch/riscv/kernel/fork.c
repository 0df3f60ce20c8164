/*
 * fork.c: clone(SIGCHLD) is fork. The child gets a copy of the parent's trap frame (returning 0), its
 * own kernel stack and page table, a copy of every VMA and of every present user PTE: private writable
 * pages are write-protected in both processes and shared with a reference each (copy-on-write);
 * read-only and shared pages are shared as they are. Untouched pages are neither copied nor mapped.
 * One TLB flush covers all the parent's changed PTEs. The child starts in __ret_from_fork.
 */
#include "proc.h"
#include "sched.h"
#include "bootargs.h"
#include "entry.h"
#include "fpu.h"
#include "vm.h"
#include "mm.h"
#include "riscv.h"
#include "signal.h"
#include "errno.h"
#include "string.h"
#include "syscall.h"
#include "log.h"
#include "fs.h"
#include "uaccess.h"

/* Clone flags (Linux values) that fork-like clones may carry; CLONE_VM and CLONE_THREAD need threads. */
#define CSIGNAL 0xff                    /* the signal sent to the parent at exit */
#define CLONE_SETTLS 0x00080000
#define CLONE_PARENT_SETTID 0x00100000
#define CLONE_CHILD_CLEARTID 0x00200000
#define CLONE_CHILD_SETTID 0x01000000
#define CLONE_FORK_FLAGS (CSIGNAL | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID)

/* Copy current into a new child (*out), ready to run; its pid, or -errno. */
static long do_fork(struct task_struct **out)
{
	struct task_struct *parent = current, *child = alloc_task();
	long shared;

	if (!child)
		return nr_free_pages() ? -EAGAIN : -ENOMEM;
	child->mm = dup_mm(parent->mm, &shared);
	if (!child->mm) {
		release_task(child);
		return -ENOMEM;
	}
	child->files = files_dup(parent->files);
	if (!child->files || signals_fork(parent, child)) {
		if (child->files)
			files_put(child->files);
		mmput(child->mm);
		release_task(child);
		return -ENOMEM;
	}
	child->pgd = child->mm->pgd;
	set_parent(child, parent);
	child->pgid = parent->pgid;
	child->sid = parent->sid;
	child->priority = parent->priority;
	child->counter = task_counter(parent);
	memcpy(child->comm, parent->comm, sizeof(child->comm));
	memcpy(child->rlim, parent->rlim, sizeof(child->rlim));
	fpu_fork(parent, child);

	struct pt_regs *regs = task_pt_regs(child);
	*regs = *task_pt_regs(parent);
	regs->x[REG_A0] = 0;
	child->thread.ra = (uint64_t)__ret_from_fork;
	child->thread.sp = (uint64_t)regs;
	trace("[fork] pid %lu -> %lu, %ld pages shared", parent->pid, child->pid, shared);
	wake_up_new_task(child);
	*out = child;
	return (long)child->pid;
}

/*
 * clone as libcs issue it for fork: any exit signal, a new stack pointer for the child, CLONE_SETTLS
 * (tp), CLONE_PARENT_SETTID (the child's tid at ptid in the parent), CLONE_CHILD_SETTID (at ctid in
 * the child, written as it first runs) and CLONE_CHILD_CLEARTID (recorded). Anything that shares
 * state between the two (CLONE_VM, CLONE_THREAD, CLONE_FILES, ...) is -EINVAL until threads exist.
 */
long sys_clone(uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t tls, uint64_t ctid)
{
	long pid;
	struct task_struct *child;

	if (zju_mode)                   /* the lab's fork() sets only a7: the argument registers are stale */
		return do_fork(&child);
	if ((flags & ~CLONE_FORK_FLAGS) || (flags & CSIGNAL) > _NSIG) {
		trace("[clone] pid %lu refused flags 0x%lx: %s", current->pid, flags,
		      flags & ~CLONE_FORK_FLAGS ? "threads (CLONE_VM, CLONE_THREAD, ...) are not supported" :
						  "the exit signal is not a signal number");
		return -EINVAL;
	}
	pid = do_fork(&child);
	if (pid < 0)
		return pid;
	child->sig.exit_signal = (int)(flags & CSIGNAL);
	if (newsp)
		task_pt_regs(child)->x[REG_SP] = newsp;
	if (flags & CLONE_SETTLS)
		task_pt_regs(child)->x[REG_TP] = tls;
	if (flags & CLONE_CHILD_SETTID)
		child->set_child_tid = ctid;
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = ctid;
	if (flags & CLONE_PARENT_SETTID)
		copy_to_user((void __user *)ptid, &(int){ (int)pid }, sizeof(int));   /* a fault is ignored, as Linux */
	return pid;
}
