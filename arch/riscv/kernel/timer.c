/*
 * timer.c: the timer queue. A sleeping task waits on an entry (on its own kernel stack) in a list
 * sorted by deadline, as TASK_INTERRUPTIBLE, so it is not runnable; each timer tick (1 ms) wakes the
 * tasks whose deadline has passed. Deadlines are time CSR values (10 MHz): a sleep ends at the
 * first tick at or after its deadline.
 */
#include "proc.h"
#include "timer.h"
#include "sched.h"
#include "riscv.h"
#include "errno.h"
#include "wait.h"

struct timer {
	uint64_t expires;
	struct task_struct *task;
	struct timer *next;
};

static struct timer *timer_list;   /* sorted by expires, earliest first */

static void timer_add(struct timer *t)
{
	struct timer **p = &timer_list;

	while (*p && (*p)->expires <= t->expires)
		p = &(*p)->next;
	t->next = *p;
	*p = t;
}

static void timer_del(struct timer *t)
{
	for (struct timer **p = &timer_list; *p; p = &(*p)->next) {
		if (*p == t) {
			*p = t->next;
			return;
		}
	}
}

long timer_sleep_until(uint64_t deadline)
{
	struct timer t = { .expires = deadline, .task = current };
	long err = 0;

	timer_add(&t);
	while (rdtime() < deadline) {
		if (signal_pending(current)) {
			err = -EINTR;
			break;
		}
		current->state = TASK_INTERRUPTIBLE;
		schedule();     /* other wake-ups (a child's exit) just loop */
	}
	timer_del(&t);
	return err;
}

long timer_wait(struct wait_queue_head *wq, uint64_t deadline)
{
	struct timer t = { .expires = deadline, .task = current };
	long err;

	timer_add(&t);
	err = wait_sleep(wq);
	timer_del(&t);
	return err;
}

void run_timers(void)
{
	uint64_t now = rdtime();

	for (struct timer *t = timer_list; t && t->expires <= now; t = t->next)
		if (t->task->state == TASK_INTERRUPTIBLE)
			t->task->state = TASK_RUNNING;
}
