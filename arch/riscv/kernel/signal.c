/*
 * signal.c: sending signals. kill, tkill and tgkill; a fault's signal (force_sig_fault); SIGCHLD to a
 * parent; the per-process state across fork, exec and exit. A signal whose action is to ignore it
 * (SIG_IGN, or SIG_DFL of SIGCHLD, SIGCONT, SIGURG, SIGWINCH and, without job control, the stop
 * signals) is dropped when sent unless blocked, as Linux does; any other becomes pending, and a
 * sleeping target that does not block it is woken (its sleep returns -EINTR or a restart code).
 * What a pending signal does happens in sigframe.c. kill(0, sig) reaches the caller's process group,
 * kill(-pgid, sig) that group, kill(-1, sig) every process but init and the caller. A thread id is a pid.
 */
#include "proc.h"
#include "sched.h"
#include "exit.h"
#include "mm.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "log.h"
#include "signal.h"

static const char *const signal_names[_NSIG + 1] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT", [SIGILL] = "SIGILL",
	[SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT", [SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE",
	[SIGKILL] = "SIGKILL", [SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM", [SIGSTKFLT] = "SIGSTKFLT",
	[SIGCHLD] = "SIGCHLD", [SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP",
	[SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG", [SIGXCPU] = "SIGXCPU",
	[SIGXFSZ] = "SIGXFSZ", [SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF", [SIGWINCH] = "SIGWINCH",
	[SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR", [SIGSYS] = "SIGSYS",
};

const char *signal_name(int sig)
{
	if (sig > 0 && sig <= _NSIG && signal_names[sig])
		return signal_names[sig];
	return "signal";
}

static const struct k_sigaction default_action = { .handler = SIG_DFL };

struct k_sigaction *sig_action(struct task_struct *t, int sig)
{
	return t->sig.hand ? &t->sig.hand->action[sig] : (struct k_sigaction *)&default_action;
}

struct sighand *sighand_get(struct task_struct *t)
{
	if (!t->sig.hand)
		t->sig.hand = alloc_zeroed_page();   /* all zero: SIG_DFL, no flags, empty masks */
	return t->sig.hand;
}

/* Whether sig, sent to t now, would be dropped: its action ignores it and t does not block it. */
static bool sig_ignored(struct task_struct *t, int sig)
{
	uint64_t handler = sig_action(t, sig)->handler;

	if (t->sig.blocked & SIGMASK(sig))
		return false;
	return handler == SIG_IGN || (handler == SIG_DFL && sig_default_ignores(sig));
}

void send_signal_info(struct task_struct *t, int sig, const struct sig_info *info)
{
	if (t->state == TASK_ZOMBIE || t->state == TASK_DEAD || sig_ignored(t, sig))
		return;
	/* keep the siginfo when a handler or a blocked signal will want it (a standard signal already
	 * pending keeps its first one) */
	if (!(t->sig.pending & SIGMASK(sig)) &&
	    (t->sig.hand || (t->sig.blocked & SIGMASK(sig))) && sighand_get(t))
		t->sig.hand->info[sig] = *info;
	t->sig.pending |= SIGMASK(sig);
	if (!(t->sig.blocked & SIGMASK(sig)))
		wake_up_process(t);
}

void send_signal(struct task_struct *t, int sig)
{
	struct sig_info info = { .code = SI_KERNEL };

	send_signal_info(t, sig, &info);
}

void force_sig_fault(int sig, int code, uint64_t addr, const char *cause, uint64_t trace_addr, uint64_t pc)
{
	struct task_struct *t = current;
	struct k_sigaction *ka = sig_action(t, sig);
	struct sig_info info = { .code = code, .value = addr };

	if (ka->handler == SIG_IGN || (t->sig.blocked & SIGMASK(sig))) {
		if (t->sig.hand)
			ka->handler = SIG_DFL;
		t->sig.blocked &= ~SIGMASK(sig);
	}
	t->sig.fault_cause = cause;
	t->sig.fault_sig = sig;
	t->sig.fault_addr = trace_addr;
	t->sig.fault_pc = pc;
	t->sig.pending &= ~SIGMASK(sig);     /* this fault's siginfo, not an older kill's */
	send_signal_info(t, sig, &info);
}

void notify_parent(struct task_struct *t, int status)
{
	struct sig_info info = { .pid = (int)t->pid };

	if (!t->parent || !t->sig.exit_signal)
		return;
	if (WIFSIGNALED(status)) {
		info.code = CLD_KILLED;      /* never CLD_DUMPED: no core file is written */
		info.value = (uint64_t)WTERMSIG(status);
	} else {
		info.code = CLD_EXITED;
		info.value = (uint64_t)WEXITSTATUS(status);
	}
	send_signal_info(t->parent, t->sig.exit_signal, &info);
}

bool parent_reaps_nothing(struct task_struct *parent)
{
	struct k_sigaction *ka = sig_action(parent, SIGCHLD);

	return ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT);
}

int signals_fork(struct task_struct *parent, struct task_struct *child)
{
	child->sig.blocked = parent->sig.blocked;
	child->sig.ss_sp = parent->sig.ss_sp;
	child->sig.ss_size = parent->sig.ss_size;
	child->sig.ss_flags = parent->sig.ss_flags;
	child->sig.exit_signal = SIGCHLD;
	if (!parent->sig.hand)
		return 0;
	if (!sighand_get(child))
		return -ENOMEM;
	memcpy(child->sig.hand->action, parent->sig.hand->action, sizeof(child->sig.hand->action));
	return 0;
}

/* exec: handled signals go back to SIG_DFL, ignored ones stay ignored; the mask and pending stay;
 * the alternate stack is gone with the old address space. */
void signals_exec(struct task_struct *t)
{
	t->sig.ss_sp = t->sig.ss_size = 0;
	t->sig.ss_flags = SS_DISABLE;
	if (!t->sig.hand)
		return;
	for (int sig = 1; sig <= _NSIG; sig++) {
		struct k_sigaction *ka = &t->sig.hand->action[sig];
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = ka->mask = 0;
	}
}

void signals_exit(struct task_struct *t)
{
	if (t->sig.hand)
		put_page(t->sig.hand);
	t->sig.hand = NULL;
	t->sig.pending = 0;
	t->sig.alarm_at = 0;
}

/* Signal one process (a zombie too, to no effect); a signal to oneself takes effect before the call returns to user mode. */
static long signal_task(int64_t pid, int sig, int code)
{
	struct task_struct *t = find_task_by_pid(pid);
	struct sig_info info = { .code = code, .pid = (int)current->pid };

	if (!t)
		return -ESRCH;
	if (sig)
		send_signal_info(t, sig, &info);
	return 0;
}

/* kill(-1, sig): every process but init and the caller (pgid 0); kill(-pgid, sig): that process
 * group. -ESRCH when there is none. */
static long signal_many(int sig, uint64_t pgid)
{
	struct sig_info info = { .code = SI_USER, .pid = (int)current->pid };
	long found = 0;

	for (int i = 1; i < nr_slots; i++) {
		struct task_struct *t = task[i];
		if (!t || t->state == TASK_ZOMBIE)
			continue;
		if (pgid ? t->pgid != pgid : (t == current || t->pid == 1))
			continue;
		found++;
		if (sig)
			send_signal_info(t, sig, &info);
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
		return signal_task(pid, (int)sig, SI_USER);
	if (pid == -1)
		return signal_many((int)sig, 0);
	if (pid == INT32_MIN)
		return -ESRCH;
	return signal_many((int)sig, pid == 0 ? current->pgid : (uint64_t)-pid);
}

long sys_tkill(int64_t tid, int64_t sig)
{
	tid = (int32_t)tid;
	sig = (int32_t)sig;
	if (tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	return signal_task(tid, (int)sig, SI_TKILL);
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
	return signal_task(tid, (int)sig, SI_TKILL);
}
