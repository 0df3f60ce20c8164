/*
 * fork.c: clone(SIGCHLD) is fork. The child gets a copy of the parent's trap frame (returning 0), its
 * own kernel stack and page table, a copy of every VMA and of every present user PTE: private writable
 * pages are write-protected in both processes and shared with a reference each (copy-on-write);
 * read-only and shared pages are shared as they are. Untouched pages are neither copied nor mapped.
 * One TLB flush covers all the parent's changed PTEs. The child starts in __ret_from_fork.
 */
#include "proc.h"
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

static long do_fork(void)
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
	if (!child->files) {
		mmput(child->mm);
		release_task(child);
		return -ENOMEM;
	}
	child->pgd = child->mm->pgd;
	child->parent = parent;
	child->pgid = parent->pgid;
	child->priority = parent->priority;
	child->counter = parent->counter;
	memcpy(child->comm, parent->comm, sizeof(child->comm));
	fpu_fork(parent, child);

	struct pt_regs *regs = task_pt_regs(child);
	*regs = *task_pt_regs(parent);
	regs->x[REG_A0] = 0;
	child->thread.ra = (uint64_t)__ret_from_fork;
	child->thread.sp = (uint64_t)regs;
	trace("[fork] pid %lu -> %lu, %ld pages shared", parent->pid, child->pid, shared);
	return (long)child->pid;
}

/* Only fork is supported: flags must be exactly SIGCHLD, with no new stack. */
long sys_clone(uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t tls, uint64_t ctid)
{
	if (flags != SIGCHLD || newsp)
		return -EINVAL;
	return do_fork();
}
