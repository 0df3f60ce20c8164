/*
 * signal.h: the kernel's view of signals (numbers and user structures: uapi/signal.h). Each task has
 * a pending and a blocked set; the handlers and the details of each pending signal live in a page of
 * its own (struct sighand), made when a process first needs one (a handler, or a blocked signal that
 * must keep its siginfo). Signals act on the way back to user mode (sigframe.c): a handler gets a
 * Linux rt_sigframe, a default action ends the process or does nothing.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include "types.h"
#include "uapi/signal.h"

/* Internal "restart me" results of an interrupted system call (Linux's); never seen by user space. */
#define ERESTARTSYS 512         /* restart if no handler ran or it has SA_RESTART, else -EINTR */
#define ERESTARTNOHAND 514      /* restart if no handler ran, else -EINTR */

#define SIG_UNBLOCKABLE (SIGMASK(SIGKILL) | SIGMASK(SIGSTOP))

/* What a pending signal carries into its siginfo. */
struct sig_info {
	int code;                   /* si_code */
	int pid;                    /* si_pid (kill, SIGCHLD) */
	uint64_t value;             /* si_addr (faults) or si_status (SIGCHLD) */
};

/* A process's handlers and the siginfo of each pending signal, indexed by signal number. */
struct sighand {
	struct k_sigaction action[_NSIG + 1];
	struct sig_info info[_NSIG + 1];
};

/* Per task (in task_struct). */
struct task_signal {
	uint64_t pending;           /* SIGMASK bits of the signals sent and not yet acted on */
	uint64_t blocked;
	uint64_t saved_blocked;     /* rt_sigsuspend: the mask to put back (restore_blocked) */
	bool restore_blocked;
	int exit_signal;            /* sent to the parent at exit (clone's CSIGNAL; 0 none) */
	struct sighand *hand;       /* NULL: every action SIG_DFL, no siginfo kept */
	uint64_t ss_sp, ss_size;    /* sigaltstack */
	uint32_t ss_flags;          /* SS_DISABLE, SS_AUTODISARM */
	uint64_t alarm_at;          /* ITIMER_REAL: time CSR deadline, 0 when disarmed */
	uint64_t alarm_every;       /* its interval in time CSR ticks, 0 for one shot */
	/* The fault behind a pending SIGSEGV/SIGBUS/SIGILL/SIGKILL, for the [kill] line. */
	const char *fault_cause;    /* NULL when the signal was sent, not caused */
	int fault_sig;
	uint64_t fault_addr, fault_pc;
};

struct task_struct;
struct pt_regs;

/* Default actions: ignore (SIGCHLD, SIGCONT, SIGURG, SIGWINCH; the stop signals too, as there is no
 * job control) or terminate (the core-dumping ones too: no core file, as under RLIMIT_CORE 0). */
#define SIG_DEFAULT_IGNORE (SIGMASK(SIGCHLD) | SIGMASK(SIGCONT) | SIGMASK(SIGURG) | SIGMASK(SIGWINCH) | \
			    SIGMASK(SIGSTOP) | SIGMASK(SIGTSTP) | SIGMASK(SIGTTIN) | SIGMASK(SIGTTOU))
/* The lowest signal in a non-empty set: its lowest bit's index by de Bruijn multiplication (no ctz
 * instruction without Zbb, and no libgcc here). */
static inline int first_signal(uint64_t set)
{
	static const uint8_t index[64] = {
		0, 1, 2, 53, 3, 7, 54, 27, 4, 38, 41, 8, 34, 55, 48, 28, 62, 5, 39, 46, 44, 42, 22, 9, 24, 35,
		59, 56, 49, 18, 29, 11, 63, 52, 6, 26, 37, 40, 33, 47, 61, 45, 43, 21, 23, 58, 17, 10, 51, 25,
		36, 32, 60, 20, 57, 16, 50, 31, 19, 15, 30, 14, 13, 12,
	};

	return index[((set & -set) * 0x022fdd63cc95386dUL) >> 58] + 1;
}

static inline bool sig_default_ignores(int sig)
{
	return SIG_DEFAULT_IGNORE & SIGMASK(sig);
}

/* "SIGSEGV" for 11, ...; "signal" for numbers without a name. */
const char *signal_name(int sig);

/* signal.c: send sig to t with that siginfo (send_signal: si_code SI_KERNEL). */
void send_signal(struct task_struct *t, int sig);
void send_signal_info(struct task_struct *t, int sig, const struct sig_info *info);
/* A fault of the current task: sig with si_code code and si_addr addr; cause/trace_addr/pc for [kill].
 * If sig is blocked or ignored, the default action is restored so it ends the process (Linux). */
void force_sig_fault(int sig, int code, uint64_t addr, const char *cause, uint64_t trace_addr, uint64_t pc);
/* The action of sig for t (SIG_DFL when t has no handlers). */
struct k_sigaction *sig_action(struct task_struct *t, int sig);
/* t's handler page, made on first use; NULL when out of memory. */
struct sighand *sighand_get(struct task_struct *t);
/* fork: child's handlers and mask as parent's, nothing pending; -ENOMEM. exec: handlers reset. */
int signals_fork(struct task_struct *parent, struct task_struct *child);
void signals_exec(struct task_struct *t);
void signals_exit(struct task_struct *t);
/* Tell t's parent that t ended with wait status status (SIGCHLD, or clone's exit signal). */
void notify_parent(struct task_struct *t, int status);
/* Whether parent's children leave no zombie when they end (SIGCHLD ignored, or SA_NOCLDWAIT). */
bool parent_reaps_nothing(struct task_struct *parent);

/* sigframe.c: on the way back to user mode with a signal pending: run handlers (frames), default
 * actions, and the restart of an interrupted system call (syscall: regs came from one; do_syscall
 * keeps its first argument in regs->x[0], a slot no register is restored from). */
void do_signal(struct pt_regs *regs, bool syscall);

/* sigframe.c: sigaltstack's report of t's alternate stack for a task at sp, and its change (0, -EPERM
 * while running on it, -EINVAL bad flags, -ENOMEM under MINSIGSTKSZ). */
void altstack_report(struct task_struct *t, uint64_t sp, k_stack_t *ss);
long altstack_set(struct task_struct *t, uint64_t sp, const k_stack_t *ss);

/* sigaction.c: for a call that waits under a mask of the user's (ppoll, pselect): install it (0 or
 * -EFAULT); then put the old one back, unless the call was interrupted (a handler's frame restores it). */
long sigmask_swap(uint64_t umask);
void sigmask_restore(bool interrupted);

/* itimer.c: each tick, fire the ITIMER_REAL timers due. */
void run_alarms(uint64_t now);

#endif
