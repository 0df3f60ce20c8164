/*
 * fpu.h: the user floating-point context (D extension): saved when a task switched out had changed it,
 * loaded at a task's first FP instruction after a switch (unless the hardware holds its values still),
 * copied at fork, zeroed at exec.
 */
#ifndef _FPU_H
#define _FPU_H

#include "types.h"

/* The user floating-point registers and fcsr, kept in the task while it is switched out. */
struct fp_state {
	uint64_t f[32];
	uint64_t fcsr;
};

struct task_struct;

/* fpregs.S: save / load the FP registers; the caller enables sstatus.FS. */
void __fpu_save(struct fp_state *fp);
void __fpu_restore(const struct fp_state *fp);

struct pt_regs;

void fpu_switch(struct task_struct *prev, struct task_struct *next);
/*
 * An illegal-instruction trap from user mode: if the task runs with FS off (its registers not loaded
 * since a switch), load them and return true: the instruction runs again. False: a real one.
 */
bool fpu_lazy_load(struct pt_regs *regs);
void fpu_fork(struct task_struct *parent, struct task_struct *child);
/* exec: t's FP registers become zeros, loaded (lazily) at its first FP instruction. */
void fpu_exec(struct task_struct *t);
/*
 * Save t's live registers into t->fp if it changed them since they were last saved or loaded, and mark
 * them clean. t is the current task or the one being switched out (their values are in the hardware).
 * Used by switches, fork, and a signal frame's copy.
 */
void fpu_sync(struct task_struct *t);
/* Load t->fp into the hardware for t's return to user mode: at its first FP instruction (lazily) and after rt_sigreturn. */
void fpu_load(struct task_struct *t);

#endif
