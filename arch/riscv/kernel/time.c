/*
 * time.c: clocks. Time comes from the time CSR (10 MHz under QEMU virt; with -icount shift=0 one
 * instruction is one nanosecond). CLOCK_MONOTONIC and CLOCK_BOOTTIME count from boot;
 * CLOCK_REALTIME is REALTIME_EPOCH plus that: the machine has no clock QEMU keeps deterministic, so
 * every boot starts at the same wall-clock time (2026-01-01 00:00:00 UTC). The CPU-time clocks count
 * the time the process has been running (all of it is reported as user time). Resolution: 100 ns.
 * Sleeps wait on the timer queue (timer.c), not runnable.
 */
#include "proc.h"
#include "timer.h"
#include "syscall.h"
#include "riscv.h"
#include "errno.h"
#include "uaccess.h"
#include "uapi/time.h"

#define TIMEBASE_HZ 10000000UL                   /* time CSR ticks per second */
#define NSEC_PER_TICK (NSEC_PER_SEC / TIMEBASE_HZ)
#define TICKS_PER_USER_HZ (TIMEBASE_HZ / USER_HZ)
#define REALTIME_EPOCH 1767225600UL              /* 2026-01-01 00:00:00 UTC, in seconds */

uint64_t task_cputime(struct task_struct *t)
{
	return t->sum_exec + (t == current ? rdtime() - t->exec_start : 0);
}

void ticks_to_timespec(uint64_t ticks, struct timespec *ts)
{
	ts->tv_sec = (long)(ticks / TIMEBASE_HZ);
	ts->tv_nsec = (long)(ticks % TIMEBASE_HZ * NSEC_PER_TICK);
}

/* The time of clock id in ticks since its origin (REALTIME: since boot; add the epoch), or -EINVAL. */
static long clock_ticks(int32_t id, uint64_t *ticks)
{
	switch (id) {
	case CLOCK_REALTIME: case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC: case CLOCK_MONOTONIC_RAW: case CLOCK_MONOTONIC_COARSE: case CLOCK_BOOTTIME:
		*ticks = rdtime();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID: case CLOCK_THREAD_CPUTIME_ID:
		*ticks = task_cputime(current);
		return 0;
	default:
		return -EINVAL;
	}
}

static bool is_realtime(int32_t id)
{
	return id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE;
}

long sys_clock_gettime(int64_t id, uint64_t utp)
{
	struct timespec ts;
	uint64_t ticks;

	if (clock_ticks((int32_t)id, &ticks))
		return -EINVAL;
	ticks_to_timespec(ticks, &ts);
	if (is_realtime((int32_t)id))
		ts.tv_sec += REALTIME_EPOCH;
	return copy_to_user((void __user *)utp, &ts, sizeof(ts));
}

long sys_clock_getres(int64_t id, uint64_t utp)
{
	struct timespec ts = { 0, NSEC_PER_TICK };
	uint64_t ticks;

	if (clock_ticks((int32_t)id, &ticks))
		return -EINVAL;
	return utp ? copy_to_user((void __user *)utp, &ts, sizeof(ts)) : 0;
}

long sys_gettimeofday(uint64_t utv, uint64_t utz)
{
	uint64_t ticks = rdtime();
	struct timeval tv = { (long)(ticks / TIMEBASE_HZ + REALTIME_EPOCH), (long)(ticks % TIMEBASE_HZ / 10) };
	static const int tz[2];   /* struct timezone: UTC, no DST */

	if (utv && copy_to_user((void __user *)utv, &tv, sizeof(tv)))
		return -EFAULT;
	return utz ? copy_to_user((void __user *)utz, tz, sizeof(tz)) : 0;
}

long sys_times(uint64_t ubuf)
{
	struct tms t = {
		.tms_utime = (long)(task_cputime(current) / TICKS_PER_USER_HZ),
		.tms_cutime = (long)(current->children_exec / TICKS_PER_USER_HZ),
	};

	if (ubuf && copy_to_user((void __user *)ubuf, &t, sizeof(t)))
		return -EFAULT;
	return (long)(rdtime() / TICKS_PER_USER_HZ);
}

long timespec_ticks(uint64_t uts, uint64_t *ticks)
{
	struct timespec ts;

	if (copy_from_user(&ts, (const void __user *)uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= NSEC_PER_SEC)
		return -EINVAL;
	*ticks = (uint64_t)ts.tv_sec * TIMEBASE_HZ + ((uint64_t)ts.tv_nsec + NSEC_PER_TICK - 1) / NSEC_PER_TICK;
	return 0;
}

/* Sleep until deadline; when interrupted, the time left goes to urem (if given). */
static long sleep_until(uint64_t deadline, uint64_t urem)
{
	long err = timer_sleep_until(deadline);
	struct timespec rem;
	uint64_t now = rdtime();

	if (err && urem) {
		ticks_to_timespec(deadline > now ? deadline - now : 0, &rem);
		copy_to_user((void __user *)urem, &rem, sizeof(rem));
	}
	return err;
}

long sys_nanosleep(uint64_t ureq, uint64_t urem)
{
	uint64_t ticks;
	long err = timespec_ticks(ureq, &ticks);

	return err ? err : sleep_until(rdtime() + ticks, urem);
}

/* Only the wall and monotonic clocks can be slept on here (Linux also sleeps on process CPU time). */
long sys_clock_nanosleep(int64_t id, uint64_t flags, uint64_t ureq, uint64_t urem)
{
	uint64_t ticks, now = rdtime();
	long err;

	if (clock_ticks((int32_t)id, &ticks) || id == CLOCK_PROCESS_CPUTIME_ID || id == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	err = timespec_ticks(ureq, &ticks);
	if (err)
		return err;
	if (!((uint32_t)flags & TIMER_ABSTIME))
		return sleep_until(now + ticks, urem);
	if (is_realtime((int32_t)id))
		ticks = ticks > REALTIME_EPOCH * TIMEBASE_HZ ? ticks - REALTIME_EPOCH * TIMEBASE_HZ : 0;
	return sleep_until(ticks, 0);
}

static void ticks_to_timeval(uint64_t ticks, struct timeval *tv)
{
	tv->tv_sec = (long)(ticks / TIMEBASE_HZ);
	tv->tv_usec = (long)(ticks % TIMEBASE_HZ / (TIMEBASE_HZ / USEC_PER_SEC));
}

/* struct rusage of a process (self) or of its reaped children: CPU time, all counted as user time. */
void fill_rusage(uint64_t ticks, struct rusage *ru)
{
	for (uint64_t i = 0; i < sizeof(*ru) / sizeof(long); i++)
		((long *)ru)[i] = 0;
	ticks_to_timeval(ticks, &ru->ru_utime);
}

#define RUSAGE_THREAD 1

long sys_getrusage(int64_t who, uint64_t uru)
{
	struct rusage ru;

	switch ((int32_t)who) {
	case RUSAGE_SELF: case RUSAGE_THREAD:
		fill_rusage(task_cputime(current), &ru);
		break;
	case RUSAGE_CHILDREN:
		fill_rusage(current->children_exec, &ru);
		break;
	default:
		return -EINVAL;
	}
	return copy_to_user((void __user *)uru, &ru, sizeof(ru));
}
