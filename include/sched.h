/* sched.h: the ZJU priority/counter scheduler and the timer tick that drives it. */
#ifndef _SCHED_H
#define _SCHED_H

struct task_struct;

void sched_init(void);
/* Run the RUNNING task with the largest counter (refilling counters when all are 0), or idle. */
void schedule(void);
/* One timer tick: take one from current's counter; reschedule at 0. */
void do_timer(void);
/* On the new task's stack right after a switch: free prev if it died (called from entry.S too). */
void schedule_tail(struct task_struct *prev);
/* entry.S: save prev's callee-saved registers, load next's; returns prev on next's stack. */
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);

/* clock.c: arm the timer for the next tick. */
void clock_init(void);
void clock_set_next_event(void);
/* budget=<n>: power off (status 124, a [budget] line) once guest time passes n instructions. */
void clock_check_budget(void);

#endif
