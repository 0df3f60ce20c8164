/*
 * sigaction.c: the signal calls that set or read a process's signal state: rt_sigaction,
 * rt_sigprocmask, rt_sigpending, rt_sigsuspend, rt_sigtimedwait and sigaltstack, with Linux's
 * checks and errors (every sigsetsize must be 8; SIGKILL and SIGSTOP can be neither caught nor
 * blocked). Delivery is sigframe.c's.
 */
#include "proc.h"
#include "sched.h"
#include "timer.h"
#include "syscall.h"
#include "uaccess.h"
#include "errno.h"
#include "riscv.h"
#include "signal.h"

/* sa_flags Linux keeps; others are cleared, so a program can tell they are not supported. */
#define SA_KNOWN (SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_EXPOSE_TAGBITS | SA_ONSTACK | SA_RESTART | \
		  SA_NODEFER | SA_RESETHAND)

long sys_rt_sigaction(int64_t usig, uint64_t uact, uint64_t uoact, uint64_t sigsetsize)
{
	int sig = (int)usig;
	struct k_sigaction act, old;
	struct sighand *hand;

	if (sigsetsize != SIGSET_SIZE || sig < 1 || sig > _NSIG || (uact && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	if (uact && copy_from_user(&act, (const void __user *)uact, sizeof(act)))
		return -EFAULT;
	old = *sig_action(current, sig);
	if (uact) {
		hand = sighand_get(current);
		if (!hand)
			return -ENOMEM;
		act.flags &= SA_KNOWN;
		act.mask &= ~SIG_UNBLOCKABLE;
		hand->action[sig] = act;
		/* a signal now ignored is dropped, even a blocked one (Linux) */
		if (act.handler == SIG_IGN || (act.handler == SIG_DFL && sig_default_ignores(sig)))
			current->sig.pending &= ~SIGMASK(sig);
	}
	if (uoact && copy_to_user((void __user *)uoact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int64_t how, uint64_t uset, uint64_t uoset, uint64_t sigsetsize)
{
	struct task_struct *t = current;
	uint64_t old = t->sig.blocked, set;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (uset) {
		if (copy_from_user(&set, (const void __user *)uset, sizeof(set)))
			return -EFAULT;
		set &= ~SIG_UNBLOCKABLE;
		switch ((int)how) {
		case SIG_BLOCK: t->sig.blocked |= set; break;
		case SIG_UNBLOCK: t->sig.blocked &= ~set; break;
		case SIG_SETMASK: t->sig.blocked = set; break;
		default: return -EINVAL;
		}
	}
	if (uoset && copy_to_user((void __user *)uoset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* The signals pending while blocked (the others would have been delivered). */
long sys_rt_sigpending(uint64_t uset, uint64_t sigsetsize)
{
	uint64_t set = current->sig.pending & current->sig.blocked;

	if (sigsetsize > SIGSET_SIZE)
		return -EINVAL;
	return copy_to_user((void __user *)uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleep until a signal the task does not block is pending (or, with a deadline, until then). */
static void sleep_for_signal(uint64_t deadline)
{
	if (deadline) {
		timer_sleep_until(deadline);
		return;
	}
	while (!signal_pending(current)) {
		set_task_state(current, TASK_INTERRUPTIBLE);
		schedule();
	}
}

/* Wait for a signal with the mask replaced; the old mask comes back when the handler returns. */
long sys_rt_sigsuspend(uint64_t umask, uint64_t sigsetsize)
{
	long err;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	err = sigmask_swap(umask);
	if (err)
		return err;
	sleep_for_signal(0);
	return -ERESTARTNOHAND;
}

long sigmask_swap(uint64_t umask)
{
	struct task_struct *t = current;
	uint64_t mask;

	if (copy_from_user(&mask, (const void __user *)umask, sizeof(mask)))
		return -EFAULT;
	t->sig.saved_blocked = t->sig.blocked;
	t->sig.restore_blocked = true;
	t->sig.blocked = mask & ~SIG_UNBLOCKABLE;
	return 0;
}

void sigmask_restore(bool interrupted)
{
	struct task_struct *t = current;

	if (interrupted)
		return;                          /* the handler's frame saves the old mask (sigframe.c) */
	t->sig.blocked = t->sig.saved_blocked;
	t->sig.restore_blocked = false;
}

/* Take the lowest signal of set that is pending (blocked or not) and its siginfo; 0 if none. */
static int dequeue_signal(uint64_t set, k_siginfo_t *si)
{
	struct task_struct *t = current;
	uint64_t ready = t->sig.pending & set;
	int sig;

	if (!ready)
		return 0;
	sig = first_signal(ready);
	t->sig.pending &= ~SIGMASK(sig);
	for (uint64_t i = 0; i < sizeof(*si) / sizeof(int); i++)
		((int *)si)[i] = 0;
	si->si_signo = sig;
	if (t->sig.hand) {
		si->si_code = t->sig.hand->info[sig].code;
		si->u.proc.si_pid = t->sig.hand->info[sig].pid;
		si->u.proc.si_status = (int)t->sig.hand->info[sig].value;
		t->sig.hand->info[sig] = (struct sig_info){ 0 };
	}
	return sig;
}

/* rt_sigtimedwait(set, info, timeout): a signal of set taken without its handler running; -EAGAIN at
 * the timeout, -EINTR when another signal arrives. */
long sys_rt_sigtimedwait(uint64_t uset, uint64_t uinfo, uint64_t uts, uint64_t sigsetsize)
{
	struct task_struct *t = current;
	uint64_t set, ticks = 0, blocked = t->sig.blocked;
	k_siginfo_t si;
	int sig;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (copy_from_user(&set, (const void __user *)uset, sizeof(set)))
		return -EFAULT;
	if (uts) {
		long err = timespec_ticks(uts, &ticks);
		if (err)
			return err;
	}
	set &= ~SIG_UNBLOCKABLE;
	sig = dequeue_signal(set, &si);
	if (!sig && !(uts && !ticks)) {
		t->sig.blocked &= ~set;            /* so that a signal of set wakes us */
		sleep_for_signal(uts ? rdtime() + ticks : 0);
		t->sig.blocked = blocked;
		sig = dequeue_signal(set, &si);
	}
	if (!sig)
		return signal_pending(t) ? -EINTR : -EAGAIN;
	if (uinfo && copy_to_user((void __user *)uinfo, &si, sizeof(si)))
		return -EFAULT;
	return sig;
}

long sys_sigaltstack(uint64_t uss, uint64_t uoss)
{
	struct task_struct *t = current;
	uint64_t sp = task_pt_regs(t)->x[REG_SP];
	k_stack_t ss, old;
	long err;

	altstack_report(t, sp, &old);
	if (uss) {
		if (copy_from_user(&ss, (const void __user *)uss, sizeof(ss)))
			return -EFAULT;
		err = altstack_set(t, sp, &ss);
		if (err)
			return err;
	}
	if (uoss && copy_to_user((void __user *)uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
