/* timer.h: time the kernel keeps for processes: CPU time used, and sleeping until a deadline. */
#ifndef _TIMER_H
#define _TIMER_H

#include "types.h"

struct task_struct;
struct rusage;

/* time.c: CPU time t has used, in time CSR ticks; a struct rusage showing that much CPU time. */
uint64_t task_cputime(struct task_struct *t);
void fill_rusage(uint64_t ticks, struct rusage *ru);
/* timer.c: sleep until the time CSR reaches deadline. 0, or -EINTR when a fatal signal is pending. */
long timer_sleep_until(uint64_t deadline);
/* Each tick: wake the sleepers whose deadline has passed. */
void run_timers(void);

#endif
