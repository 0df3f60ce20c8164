/*
 * fpu.c: the user floating-point context. The hardware marks sstatus.FS dirty when a program writes
 * an FP register; only then does a switch away save the registers (and mark them clean). The
 * registers are loaded lazily: a user task switched in whose values are not the ones in the hardware
 * runs with FS off, and its first FP instruction traps (an illegal instruction) to fpu_lazy_load(),
 * which loads them and runs the instruction again. A task that uses no FP in its time slice costs no
 * load, and no task ever sees another's values. exec starts from zeros.
 */
#include "fpu.h"
#include "proc.h"
#include "riscv.h"
#include "string.h"

/* The pid whose values the FP registers hold (pids are never reused; 0: nobody's). */
static uint64_t fpu_owner;

/* Let the kernel execute the save/load instructions; sret restores the user's own FS. */
static inline void fpu_enable(void)
{
	csr_set(sstatus, SSTATUS_FS_CLEAN);
}

static inline void set_user_fs(struct pt_regs *regs, uint64_t fs)
{
	regs->sstatus = (regs->sstatus & ~SSTATUS_FS) | fs;
}

/* Save t's registers (they are dirty) and mark them clean. Out of line: most switches skip it. */
static __attribute__((noinline)) void fpu_save(struct task_struct *t, struct pt_regs *regs)
{
	fpu_enable();
	__fpu_save(&t->fp);
	set_user_fs(regs, SSTATUS_FS_CLEAN);
}

void fpu_sync(struct task_struct *t)
{
	struct pt_regs *regs = task_pt_regs(t);

	if ((regs->sstatus & SSTATUS_FS) == SSTATUS_FS_DIRTY)
		fpu_save(t, regs);
}

void fpu_load(struct task_struct *t)
{
	fpu_enable();
	__fpu_restore(&t->fp);
	fpu_owner = t->pid;
	set_user_fs(task_pt_regs(t), SSTATUS_FS_CLEAN);
}

void fpu_switch(struct task_struct *prev, struct task_struct *next)
{
	if (next->mm)
		set_user_fs(task_pt_regs(next), next->pid == fpu_owner ? SSTATUS_FS_CLEAN : SSTATUS_FS_OFF);
	if (prev->mm)
		fpu_sync(prev);   /* last: the rare save is a tail call, the common case needs no frame */
}

bool fpu_lazy_load(struct pt_regs *regs)
{
	if ((regs->sstatus & SSTATUS_FS) != SSTATUS_FS_OFF || (regs->sstatus & SSTATUS_SPP) || !current->mm)
		return false;
	fpu_load(current);
	return true;
}

void fpu_fork(struct task_struct *parent, struct task_struct *child)
{
	fpu_sync(parent);
	child->fp = parent->fp;
}

void fpu_exec(struct task_struct *t)
{
	memset(&t->fp, 0, sizeof(t->fp));
	if (fpu_owner == t->pid)
		fpu_owner = 0;          /* the hardware holds the old program's values: never show them */
	set_user_fs(task_pt_regs(t), SSTATUS_FS_OFF);   /* the first FP instruction loads the zeros */
}
