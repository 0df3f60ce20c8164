/* timer.h: time the kernel keeps for processes: CPU time used, and sleeping until a deadline. */
#ifndef _TIMER_H
#define _TIMER_H

#include "types.h"

struct task_struct;
struct rusage;

/* time.c: CPU time t has used, in time CSR ticks; a struct rusage showing that much CPU time. */
uint64_t task_cputime(struct task_struct *t);
void fill_rusage(uint64_t ticks, struct rusage *ru);
/* timer.c: sleep until the time CSR reaches deadline. 0, or -EINTR when a signal is pending. */
long timer_sleep_until(uint64_t deadline);
struct wait_queue_head;
/* Sleep once on wq, woken by a wake_up or at deadline, whichever comes first. 0 or -ERESTARTNOHAND
 * (a signal: poll's -EINTR when a handler runs). */
long timer_wait(struct wait_queue_head *wq, uint64_t deadline);
struct timespec;
/* A user struct timespec as time CSR ticks (rounded up): 0, -EFAULT, or -EINVAL when out of range. */
long timespec_ticks(uint64_t uts, uint64_t *ticks);
void ticks_to_timespec(uint64_t ticks, struct timespec *ts);
/* Each tick: wake the sleepers whose deadline has passed (and fire the interval timers due). */
void run_timers(void);

#endif
