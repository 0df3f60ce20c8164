/*
 * itimer.c: the real-time interval timer (setitimer/getitimer ITIMER_REAL, which glibc's alarm()
 * uses): at its deadline the process gets SIGALRM, and the timer is re-armed with its interval. The
 * tick looks at the tasks only when the earliest deadline has come. Timers count in time CSR ticks
 * (10 MHz) and fire on the first 1 ms tick at or after the deadline. ITIMER_VIRTUAL and ITIMER_PROF
 * are not kept: -EINVAL. A fork's child starts with no timer; exec keeps it.
 */
#include "proc.h"
#include "syscall.h"
#include "uaccess.h"
#include "errno.h"
#include "riscv.h"
#include "signal.h"
#include "uapi/time.h"

#define TICKS_PER_USEC 10UL          /* time CSR ticks in a microsecond */

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

#define NO_ALARM (~0UL)
static uint64_t next_alarm = NO_ALARM;   /* no armed timer is due before this */

void run_alarms(uint64_t now)
{
	struct sig_info info = { .code = SI_KERNEL };

	if (likely(now < next_alarm))
		return;
	next_alarm = NO_ALARM;
	for (int i = 1; i < nr_slots; i++) {
		struct task_struct *t = task[i];
		if (!t || !t->sig.alarm_at)
			continue;
		if (t->sig.alarm_at <= now) {
			send_signal_info(t, SIGALRM, &info);
			t->sig.alarm_at = t->sig.alarm_every ? now + t->sig.alarm_every : 0;
		}
		if (t->sig.alarm_at && t->sig.alarm_at < next_alarm)
			next_alarm = t->sig.alarm_at;
	}
}

static void ticks_to_timeval(uint64_t ticks, struct timeval *tv)
{
	uint64_t usec = (ticks + TICKS_PER_USEC - 1) / TICKS_PER_USEC;

	tv->tv_sec = (long)(usec / USEC_PER_SEC);
	tv->tv_usec = (long)(usec % USEC_PER_SEC);
}

static long timeval_ticks(const struct timeval *tv, uint64_t *ticks)
{
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= USEC_PER_SEC)
		return -EINVAL;
	*ticks = ((uint64_t)tv->tv_sec * USEC_PER_SEC + (uint64_t)tv->tv_usec) * TICKS_PER_USEC;
	return 0;
}

/* t's timer as getitimer reports it: the time left (at least 1 us while armed) and the interval. */
static void itimer_get(struct task_struct *t, struct itimerval *v)
{
	uint64_t now = rdtime(), left = t->sig.alarm_at > now ? t->sig.alarm_at - now : 1;

	ticks_to_timeval(t->sig.alarm_at ? left : 0, &v->it_value);
	ticks_to_timeval(t->sig.alarm_every, &v->it_interval);
}

long sys_getitimer(int64_t which, uint64_t ucurr)
{
	struct itimerval v;

	if ((int)which != ITIMER_REAL)
		return -EINVAL;
	itimer_get(current, &v);
	return copy_to_user((void __user *)ucurr, &v, sizeof(v)) ? -EFAULT : 0;
}

/* setitimer(ITIMER_REAL, new, old): a zero it_value disarms; a NULL new is a zero one (Linux). */
long sys_setitimer(int64_t which, uint64_t unew, uint64_t uold)
{
	struct task_struct *t = current;
	struct itimerval v = { 0 }, old;
	uint64_t value, every;

	if ((int)which != ITIMER_REAL)
		return -EINVAL;
	if (unew && copy_from_user(&v, (const void __user *)unew, sizeof(v)))
		return -EFAULT;
	if (timeval_ticks(&v.it_value, &value) || timeval_ticks(&v.it_interval, &every))
		return -EINVAL;
	itimer_get(t, &old);
	t->sig.alarm_at = value ? rdtime() + value : 0;
	t->sig.alarm_every = value ? every : 0;
	if (t->sig.alarm_at && t->sig.alarm_at < next_alarm)
		next_alarm = t->sig.alarm_at;
	if (uold && copy_to_user((void __user *)uold, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
