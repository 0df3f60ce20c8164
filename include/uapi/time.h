/* uapi/time.h: clocks and times (Linux riscv64 values and layouts), shared by kernel and user programs. */
#ifndef _UAPI_TIME_H
#define _UAPI_TIME_H

struct timespec {
	long tv_sec;
	long tv_nsec;           /* [0, NSEC_PER_SEC) */
};

struct timeval {
	long tv_sec;
	long tv_usec;
};

/* times(): CPU time in clock ticks (USER_HZ per second). */
struct tms {
	long tms_utime, tms_stime, tms_cutime, tms_cstime;
};

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1           /* clock_nanosleep: the time is a deadline */

#define NSEC_PER_SEC 1000000000L
#define USEC_PER_SEC 1000000L
#define USER_HZ 100               /* times() and AT_CLKTCK units per second */

#endif
