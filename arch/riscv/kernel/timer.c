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
#include "list.h"
#include "wait.h"
#include "signal.h"

struct timer {
	uint64_t expires;
	struct task_struct *task;
	struct list_head node;      /* in timer_list */
};

static struct list_head timer_list = LIST_HEAD_INIT(timer_list);   /* sorted by expires, earliest first */

/* Insert t after every timer due no later (FIFO among equal deadlines). */
static void timer_add(struct timer *t)
{
	struct timer *pos;

	list_for_each_entry(pos, &timer_list, node)
		if (pos->expires > t->expires)
			break;
	list_add_tail(&t->node, &pos->node);
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
		set_task_state(current, TASK_INTERRUPTIBLE);
		schedule();     /* other wake-ups (a child's exit) just loop */
	}
	list_del(&t.node);
	return err;
}

long timer_wait(struct wait_queue_head *wq, uint64_t deadline)
{
	struct timer t = { .expires = deadline, .task = current };
	long err;

	timer_add(&t);
	err = wait_sleep(wq);
	list_del(&t.node);
	return err ? -ERESTARTNOHAND : 0;
}

void run_timers(void)
{
	uint64_t now = rdtime();
	struct timer *t;

	run_alarms(now);
	list_for_each_entry(t, &timer_list, node) {
		if (t->expires > now)
			break;
		wake_up_process(t->task);
	}
}
