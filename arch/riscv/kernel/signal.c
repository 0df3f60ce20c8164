/*
 * signal.c: kill, tkill and tgkill with each signal's default action, until signal handlers exist:
 * a terminating signal (most of them; the core-dumping ones too, with no core file, as under
 * RLIMIT_CORE 0) ends the target on its way back to user mode, a sleeping target is woken to do so;
 * SIGCHLD, SIGCONT, SIGURG and SIGWINCH are ignored; the stop signals are ignored too (no job
 * control yet). kill(0, sig) reaches the caller's process group, kill(-pgid, sig) that group,
 * kill(-1, sig) every process but init and the caller. A thread id is a pid.
 */
#include "proc.h"
#include "sched.h"
#include "exit.h"
#include "syscall.h"
#include "errno.h"
#include "log.h"
#include "signal.h"

static const char *const signal_names[_NSIG + 1] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGSTKFLT] = "SIGSTKFLT",
	[SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR", [SIGSYS] = "SIGSYS",
};

const char *signal_name(int sig)
{
	if (sig > 0 && sig <= _NSIG && signal_names[sig])
		return signal_names[sig];
	return "signal";
}

/* Signals whose default action does not end the process. */
static bool default_ignored(int sig)
{
	switch (sig) {
	case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
	case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
		return true;
	default:
		return false;
	}
}

void send_signal(struct task_struct *t, int sig)
{
	if (default_ignored(sig) || t->pending_sig || t->state == TASK_ZOMBIE || t->state == TASK_DEAD)
		return;
	t->pending_sig = sig;
	wake_up_process(t);
}

void do_pending_signal(struct pt_regs *regs)
{
	struct task_struct *t = current;

	if (t->pending_cause)       /* decided by a fault inside a system call */
		force_sig_fault(t->pending_sig, t->pending_cause, t->pending_addr, regs->sepc);
	trace("[kill] pid %lu %s", t->pid, signal_name(t->pending_sig));
	do_exit(t->pending_sig);
}

/* Signal one process; a signal to oneself takes effect before the call returns to user mode. */
static long signal_task(int64_t pid, int sig)
{
	struct task_struct *t = find_task_by_pid(pid);

	if (!t)
		return -ESRCH;
	if (sig)
		send_signal(t, sig);
	return 0;
}

/* kill(-1, sig): every process but init and the caller (pgid 0); kill(-pgid, sig): that process
 * group. -ESRCH when there is none. */
static long signal_many(int sig, uint64_t pgid)
{
	long found = 0;

	for (int i = 1; i < nr_slots; i++) {
		struct task_struct *t = task[i];
		if (!t || t->state == TASK_ZOMBIE)
			continue;
		if (pgid ? t->pgid != pgid : (t == current || t->pid == 1))
			continue;
		found++;
		if (sig)
			send_signal(t, sig);
	}
	return found ? 0 : -ESRCH;
}

long sys_kill(int64_t pid, int64_t sig)
{
	pid = (int32_t)pid;
	sig = (int32_t)sig;
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0)
		return signal_task(pid, (int)sig);
	if (pid == -1)
		return signal_many((int)sig, 0);
	return signal_many((int)sig, pid == 0 ? current->pgid : (uint64_t)-pid);
}

long sys_tkill(int64_t tid, int64_t sig)
{
	tid = (int32_t)tid;
	sig = (int32_t)sig;
	if (tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	return signal_task(tid, (int)sig);
}

long sys_tgkill(int64_t tgid, int64_t tid, int64_t sig)
{
	tgid = (int32_t)tgid;
	tid = (int32_t)tid;
	sig = (int32_t)sig;
	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (tgid != tid)
		return -ESRCH;   /* every thread group has one thread, whose id is the group's */
	return signal_task(tid, (int)sig);
}
