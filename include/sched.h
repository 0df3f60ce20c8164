/* sched.h: the ZJU priority/counter scheduler and the timer tick that drives it. */
#ifndef _SCHED_H
#define _SCHED_H

#include "types.h"

struct task_struct;

void sched_init(void);
/*
 * Every change of a task's state or counter goes through these, so that the run queue knows which
 * tasks are runnable at which counter. wake_up_new_task() queues a task alloc_task() made, once its
 * priority and counter are set; set_task_state() moves a task in or out of the queue.
 */
enum task_state;
void wake_up_new_task(struct task_struct *t);
void set_task_state(struct task_struct *t, enum task_state state);
/* Make a sleeping task runnable (nothing for one that is running, a zombie or dead). */
void wake_up_process(struct task_struct *t);
/* alloc_task() numbers each new task for the run queue; release_task() forgets it (never queued then). */
void sched_new_task(struct task_struct *t);
void sched_release_task(struct task_struct *t);
uint64_t task_counter(struct task_struct *t);
void set_task_counter(struct task_struct *t, uint64_t counter);
/*
 * Run the RUNNING task with the largest counter, the lowest pid on ties (refilling counters from
 * priorities when all are 0), or idle: O(1) through the run queue.
 */
void schedule(void);
/* One timer tick: take one from current's counter; reschedule at 0. */
void do_timer(void);
/* On the new task's stack right after a switch: free prev if it died (called from entry.S too). */
void schedule_tail(struct task_struct *prev);
/* entry.S: save prev's callee-saved registers, load next's; returns prev on next's stack. */
struct task_struct *__switch_to(struct task_struct *prev, struct task_struct *next);

/* clock.c: arm the timer for the next tick (through the stimecmp CSR when the hart has Sstc). */
void clock_init(bool sstc);
void clock_set_next_event(void);
/* budget=<n>: power off (status 124, a [budget] line) once guest time passes n instructions. */
void clock_check_budget(void);

#endif
