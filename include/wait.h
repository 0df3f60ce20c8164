/*
 * wait.h: wait queues. A task that must wait for an event (pipe data, pipe space, console input)
 * puts an entry on the event's queue and sleeps (TASK_INTERRUPTIBLE: not runnable); wake_up() makes
 * every waiter runnable again. Wake-ups can be spurious: a sleeper re-checks its condition in a loop.
 * No locks: the kernel runs with interrupts off on one hart.
 */
#ifndef _WAIT_H
#define _WAIT_H

#include "types.h"
#include "list.h"

struct task_struct;

struct wait_queue_entry {
	struct task_struct *task;
	struct list_head node;       /* in its head's list */
	bool woken;                  /* taken off the list by wake_up */
};

struct wait_queue_head {
	struct list_head list;       /* the entries of the tasks sleeping here */
};

#define WAIT_QUEUE_HEAD_INIT(name) { LIST_HEAD_INIT((name).list) }

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->list);
}

/* Sleep on wq until a wake_up (or any other wake-up). 0, or -ERESTARTSYS when a signal is pending (the
 * call returns it: -EINTR or a restart, decided when the signal is delivered). */
long wait_sleep(struct wait_queue_head *wq);
/* Make every task sleeping on wq runnable and empty the queue; every event also wakes poll_waiters. */
void wake_up(struct wait_queue_head *wq);

/* Tasks in poll(): any wake_up may have made one of their descriptors ready. */
extern struct wait_queue_head poll_waiters;

#endif
