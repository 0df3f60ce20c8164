/*
 * fpu.c: the user floating-point context. The hardware marks sstatus.FS dirty when a program writes
 * an FP register; only then does a switch away save the registers (and mark them clean). Every switch
 * to a user task loads its registers, so no task ever sees another's values. exec starts from zeros.
 */
#include "fpu.h"
#include "proc.h"
#include "riscv.h"
#include "string.h"

/* Let the kernel execute the save/load instructions; sret restores the user's own FS. */
static inline void fpu_enable(void)
{
	csr_set(sstatus, SSTATUS_FS_CLEAN);
}

/* Save t's live registers if it changed them since they were last saved or loaded. */
static void fpu_save_dirty(struct task_struct *t)
{
	struct pt_regs *regs = task_pt_regs(t);

	if ((regs->sstatus & SSTATUS_FS) != SSTATUS_FS_DIRTY)
		return;
	fpu_enable();
	__fpu_save(&t->fp);
	regs->sstatus = (regs->sstatus & ~SSTATUS_FS) | SSTATUS_FS_CLEAN;
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	if (prev->mm)
		fpu_save_dirty(prev);
	if (next->mm) {
		fpu_enable();
		__fpu_restore(&next->fp);
	}
}

void fpu_fork(struct task_struct *parent, struct task_struct *child)
{
	fpu_save_dirty(parent);
	child->fp = parent->fp;
}

void fpu_exec(struct task_struct *t)
{
	memset(&t->fp, 0, sizeof(t->fp));
	fpu_enable();
	__fpu_restore(&t->fp);
}

void fpu_sync(struct task_struct *t)
{
	fpu_save_dirty(t);
}

void fpu_load(struct task_struct *t)
{
	struct pt_regs *regs = task_pt_regs(t);

	fpu_enable();
	__fpu_restore(&t->fp);
	regs->sstatus = (regs->sstatus & ~SSTATUS_FS) | SSTATUS_FS_CLEAN;
}
