/*
 * proc.h: tasks and the scheduler. task_struct sits at the bottom of its 4 KiB kernel-stack page and
 * keeps the ZJU layout __switch_to relies on: thread (ra, sp, s0..s11, sepc, sstatus, sscratch) at
 * TASK_THREAD, then the page-table root and the mm.
 */
#ifndef _PROC_H
#define _PROC_H

#include "memlayout.h"

#define TASK_THREAD 32          /* offsetof(struct task_struct, thread), used by entry.S */
#define NR_TASKS 129            /* idle + 128 user processes */
#define KSTACK_SIZE PGSIZE

#ifndef __ASSEMBLER__
#include "types.h"
#include "pgtable.h"
#include "uapi/resource.h"

/* The registers a trap saves: x[0..31] (x[0] unused, x[2] the trapped sp), then sepc and sstatus. */
struct pt_regs {
	uint64_t x[32];
	uint64_t sepc;
	uint64_t sstatus;
};
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

/* The user floating-point registers (D extension) and fcsr. */
struct fp_state {
	uint64_t f[32];
	uint64_t fcsr;
};

/* fpregs.S: save / load the FP registers; the caller enables sstatus.FS. */
void __fpu_save(struct fp_state *fp);
void __fpu_restore(const struct fp_state *fp);

enum task_state {
	TASK_RUNNING = 0,
	TASK_INTERRUPTIBLE,      /* asleep (wait4, a wait queue, a timer): not runnable until woken */
	TASK_ZOMBIE,             /* exited, waiting for its parent to reap it */
	TASK_DEAD,               /* exited with nobody to reap it: freed after the switch away */
};

struct task_struct {
	uint64_t state;
	uint64_t counter;        /* timer ticks left in this slice */
	uint64_t priority;       /* slice length in ticks when counters are refilled */
	uint64_t pid;
	struct thread_struct thread;
	pagetable_t pgd;         /* == mm->pgd for user tasks, swapper_pg_dir for idle */
	struct mm_struct *mm;

	struct files_struct *files;   /* descriptor table */
	struct task_struct *parent;
	int exit_status;         /* wait4 encoding: code << 8, or the killing signal */
	int slot;                /* index in task[] */
	char comm[16];           /* program base name, for traces */
	struct fp_state fp;      /* user FP registers while the task is switched out */

	int pending_sig;         /* fatal signal to die of on the way back to user mode, or 0 */
	uint64_t set_child_tid;  /* CLONE_CHILD_SETTID: user address the child writes its tid to first */
	uint64_t clear_child_tid;   /* CLONE_CHILD_CLEARTID / set_tid_address (used by threads only) */
	uint64_t robust_list;    /* set_robust_list head (used by threads only) */
	uint64_t exec_start;     /* time CSR when it last started running */
	uint64_t sum_exec;       /* time CSR ticks spent running, up to exec_start */
	uint64_t children_exec;  /* the same for its reaped children and their reaped children */
	struct rlimit rlim[RLIM_NLIMITS];
};

extern struct task_struct *current;
extern struct task_struct *task[NR_TASKS];
extern int nr_slots;   /* one past the highest slot in use: loops over task[] stop there */

static inline struct pt_regs *task_pt_regs(struct task_struct *t)
{
	return (struct pt_regs *)((uint64_t)t + KSTACK_SIZE) - 1;
}

extern struct task_struct *init_proc;   /* pid 1 while it lives */
extern bool dump_on_exit;               /* boot flag dump=1 */
extern bool memstat;                    /* boot flag memstat=1 */

/* A zeroed task_struct at the bottom of a new kernel-stack page, in a free slot; NULL if none. */
struct task_struct *alloc_task(void);
/* Free a task that has exited (its mm and files are already gone). */
void release_task(struct task_struct *t);
/* do_exit of pid 1: remember its status for QEMU's exit status. */
void note_init_exit(int status);
/* memstat=1: print peak user pages against what the exited processes needed. */
void memstat_report(void);

void sched_init(void);
void schedule(void);
void do_timer(void);
/* Start nr copies of the ramdisk program argv[0] as user processes (pid 1..nr) with environment envp. */
void spawn_boot_processes(int nr, char *const argv[], char *const envp[]);
void cpu_idle(void) __noreturn;

/* Exit the current task with a wait4 status word; never returns. */
void __noreturn do_exit(int status);
/* Kill the current task with sig after a fault; prints the kill trace line. */
void __noreturn force_sig_fault(int sig, const char *cause, uint64_t addr, uint64_t pc);
/* Replace current's address space with the program file path (argv/envp in kernel memory). */
int kernel_execve(const char *path, char *const argv[], char *const envp[]);

/* fpu.c: the user FP context across switches, fork and exec. */
void fpu_switch(struct task_struct *prev, struct task_struct *next);
void fpu_fork(struct task_struct *parent, struct task_struct *child);
void fpu_exec(struct task_struct *t);

#define W_EXITCODE(code) (((code) & 0xff) << 8)

/* signal.c: default actions only (full delivery comes with signal handlers). */
static inline bool signal_pending(struct task_struct *t)
{
	return t->pending_sig != 0;
}
/* Send sig to t with its default action: terminate (t dies on its way back to user mode; a sleeper
 * is woken to do so) or ignore. */
void send_signal(struct task_struct *t, int sig);
/* On the way back to user mode: die of a pending fatal signal. */
void do_pending_signal(void);

/* resource.c: the limits a new boot process starts with. */
void rlimit_init(struct rlimit *rlim);

/* time.c: CPU time t has used, in time CSR ticks; a struct rusage showing that much CPU time. */
uint64_t task_cputime(struct task_struct *t);
void fill_rusage(uint64_t ticks, struct rusage *ru);
/* timer.c: sleep until the time CSR reaches deadline. 0, or -EINTR when a fatal signal is pending. */
long timer_sleep_until(uint64_t deadline);
/* Each tick: wake the sleepers whose deadline has passed. */
void run_timers(void);

#endif
#endif
