/*
 * proc.h: the task table. task_struct sits at the bottom of its 4 KiB kernel-stack page and
 * keeps the ZJU layout __switch_to relies on: thread (ra, sp, s0..s11, sepc, sstatus, sscratch) at
 * TASK_THREAD, then the page-table root and the mm.
 */
#ifndef _PROC_H
#define _PROC_H

#include "memlayout.h"

/* Offsets entry.S uses, checked against the C structures below at compile time. */
#define TASK_THREAD 32          /* offsetof(struct task_struct, thread) */
#define REG_BYTES 8             /* one saved register */
#define PT_SEPC (32 * REG_BYTES)              /* offsetof(struct pt_regs, sepc) */
#define PT_SSTATUS (33 * REG_BYTES)           /* offsetof(struct pt_regs, sstatus) */
#define PT_SIZE (34 * REG_BYTES)              /* sizeof(struct pt_regs) */
#define TH_RA 0                               /* thread_struct slots, in registers */
#define TH_SP 1
#define TH_S0 2
#define TH_SEPC 14
#define TH_SSTATUS 15
#define TH_SSCRATCH 16
#define NR_TASKS 129            /* idle + 128 user processes */
#define KSTACK_SIZE PGSIZE

#ifndef __ASSEMBLER__
#include "types.h"
#include "pgtable.h"
#include "uapi/wait.h"
#include "fpu.h"
#include "uapi/resource.h"
#include "list.h"
#include "signal.h"

/* The registers a trap saves: x[0..31] (x[0] unused, x[2] the trapped sp), then sepc and sstatus. */
struct pt_regs {
	uint64_t x[32];
	uint64_t sepc;
	uint64_t sstatus;
};
_Static_assert(__builtin_offsetof(struct pt_regs, sepc) == PT_SEPC, "entry.S: pt_regs.sepc");
_Static_assert(__builtin_offsetof(struct pt_regs, sstatus) == PT_SSTATUS, "entry.S: pt_regs.sstatus");
_Static_assert(sizeof(struct pt_regs) == PT_SIZE, "entry.S: sizeof(pt_regs)");
#define REG_SP 2
#define REG_TP 4
#define REG_A0 10
#define REG_A7 17

struct thread_struct {
	uint64_t ra;
	uint64_t sp;
	uint64_t s[12];
	uint64_t sepc, sstatus, sscratch;
};

enum task_state {
	TASK_RUNNING = 0,
	TASK_INTERRUPTIBLE,      /* asleep (wait4, a wait queue, a timer): not runnable until woken */
	TASK_ZOMBIE,             /* exited, waiting for its parent to reap it */
	TASK_DEAD,               /* exited with nobody to reap it: freed after the switch away */
};

struct task_struct {
	uint64_t state;
	uint64_t counter;        /* timer ticks left in this slice: read it with task_counter() (sched.c) */
	uint64_t priority;       /* slice length in ticks when counters are refilled */
	uint64_t pid;
	struct thread_struct thread;
	pagetable_t pgd;         /* == mm->pgd for user tasks, swapper_pg_dir for idle */
	struct mm_struct *mm;

	struct files_struct *files;   /* descriptor table */
	struct task_struct *parent;
	int exit_status;         /* wait4 encoding: code << 8, or the killing signal */
	int slot;                /* index in task[] */
	uint64_t pgid;           /* process group: a boot process's own pid, inherited across fork */
	uint64_t sid;            /* session: likewise (setsid starts a new one) */
	char comm[16];           /* program base name, for traces */
	struct fp_state fp;      /* user FP registers while the task is switched out */

	struct task_signal sig;  /* pending and blocked signals, handlers, altstack, alarm (signal.h) */
	uint64_t set_child_tid;  /* CLONE_CHILD_SETTID: user address the child writes its tid to first */
	uint64_t clear_child_tid;   /* CLONE_CHILD_CLEARTID / set_tid_address (used by threads only) */
	uint64_t robust_list;    /* set_robust_list head (used by threads only) */
	uint64_t exec_start;     /* time CSR when it last started running */
	uint64_t sum_exec;       /* time CSR ticks spent running, up to exec_start */
	uint64_t children_exec;  /* the same for its reaped children and their reaped children */
	struct rlimit rlim[RLIM_NLIMITS];
	uint64_t counter_epoch;  /* counter is current in this refill epoch; in an older one it is priority */
	bool on_rq;              /* in the run queue (sched.c): RUNNING and started */
	unsigned rq_order;       /* its order number in the run queue's levels: follows pid (sched.c) */
	struct list_head children;   /* its children (live or zombie), linked by their sibling */
	struct list_head sibling;    /* in parent->children; alone while it has no parent */
	struct task_struct *pid_next;   /* the next task in its pid-hash chain (proc.c) */
};

_Static_assert(__builtin_offsetof(struct task_struct, thread) == TASK_THREAD, "entry.S: task_struct.thread");
_Static_assert(__builtin_offsetof(struct thread_struct, ra) == TH_RA * REG_BYTES, "entry.S: thread.ra");
_Static_assert(__builtin_offsetof(struct thread_struct, sp) == TH_SP * REG_BYTES, "entry.S: thread.sp");
_Static_assert(__builtin_offsetof(struct thread_struct, s) == TH_S0 * REG_BYTES, "entry.S: thread.s");
_Static_assert(__builtin_offsetof(struct thread_struct, sepc) == TH_SEPC * REG_BYTES, "entry.S: thread.sepc");
_Static_assert(__builtin_offsetof(struct thread_struct, sstatus) == TH_SSTATUS * REG_BYTES, "entry.S: thread.sstatus");
_Static_assert(__builtin_offsetof(struct thread_struct, sscratch) == TH_SSCRATCH * REG_BYTES, "entry.S: thread.sscratch");

extern struct task_struct *current;
extern struct task_struct *task[NR_TASKS];
extern int nr_slots;   /* one past the highest slot in use: loops over task[] stop there */

static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((uint64_t)t + KSTACK_SIZE) - 1;
}

extern struct task_struct *init_proc;   /* pid 1 while it lives */

/* A zeroed task_struct at the bottom of a new kernel-stack page, in a free slot; NULL if none. */
struct task_struct *alloc_task(void);
/* Free a task that has exited (its mm and files are already gone). */
void release_task(struct task_struct *t);
/* The live (not zombie) process pid, current for 0; NULL if there is none. */
struct task_struct *find_process(int32_t pid);
/* The task with this pid, zombie or not (not idle); NULL if none. O(1): a hash of pids. */
struct task_struct *find_task_by_pid(int64_t pid);
/* Make parent (or nobody, NULL) t's parent, moving t between children lists. */
void set_parent(struct task_struct *t, struct task_struct *parent);
/* User tasks that exist (running, sleeping or zombie). */
int nr_user_tasks(void);

/* A signal t does not block waits for it on its way back to user mode. */
static inline bool signal_pending(struct task_struct *t)
{
	return (t->sig.pending & ~t->sig.blocked) != 0;
}

#endif
#endif
