/* signals.c: thin wrappers for the signal calls (the kernel's structures: uapi/signal.h). */
#include "ulib.h"

long sig_action(int sig, unsigned long handler, unsigned long flags, unsigned long mask, struct k_sigaction *old)
{
	struct k_sigaction act = { .handler = handler, .flags = flags, .mask = mask };

	return syscall6(__NR_rt_sigaction, sig, (long)&act, (long)old, SIGSET_SIZE, 0, 0);
}

long sig_procmask(int how, unsigned long set, unsigned long *old)
{
	return syscall6(__NR_rt_sigprocmask, how, (long)&set, (long)old, SIGSET_SIZE, 0, 0);
}

unsigned long sig_blocked(void)
{
	unsigned long old = 0;

	syscall6(__NR_rt_sigprocmask, SIG_BLOCK, 0, (long)&old, SIGSET_SIZE, 0, 0);
	return old;
}

unsigned long sig_pending(void)
{
	unsigned long set = 0;

	syscall6(__NR_rt_sigpending, (long)&set, SIGSET_SIZE, 0, 0, 0, 0);
	return set;
}

long sig_suspend(unsigned long mask)
{
	return syscall6(__NR_rt_sigsuspend, (long)&mask, SIGSET_SIZE, 0, 0, 0, 0);
}

long sys_kill(int pid, int sig)
{
	return syscall6(__NR_kill, pid, sig, 0, 0, 0, 0);
}

long sig_altstack(void *sp, unsigned long size, int flags, k_stack_t *old)
{
	k_stack_t ss = { .ss_sp = sp, .ss_flags = flags, .ss_size = size };

	return syscall6(__NR_sigaltstack, (long)&ss, (long)old, 0, 0, 0, 0);
}

long sig_alarm_us(unsigned long usec)
{
	long v[4] = { 0, 0, (long)(usec / 1000000), (long)(usec % 1000000) };   /* interval, value */

	return syscall6(__NR_setitimer, ITIMER_REAL, (long)v, 0, 0, 0, 0);
}
