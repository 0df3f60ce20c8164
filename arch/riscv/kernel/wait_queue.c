/* wait_queue.c: sleeping on and waking wait queues (see wait.h). */
#include "wait.h"
#include "proc.h"
#include "sched.h"
#include "errno.h"
#include "signal.h"

long wait_sleep(struct wait_queue_head *wq)
{
	struct wait_queue_entry entry = { .task = current };

	if (signal_pending(current))
		return -ERESTARTSYS;
	list_add_tail(&entry.node, &wq->list);
	set_task_state(current, TASK_INTERRUPTIBLE);
	schedule();
	list_del(&entry.node);   /* still queued after a wake-up from elsewhere; a no-op after wake_up */
	/* an event that came wins over a signal, as Linux's wait_event: the caller acts on it first */
	return !entry.woken && signal_pending(current) ? -ERESTARTSYS : 0;
}

struct wait_queue_head poll_waiters = WAIT_QUEUE_HEAD_INIT(poll_waiters);

static void wake_all(struct wait_queue_head *wq)
{
	struct wait_queue_entry *e, *next;

	list_for_each_entry_safe(e, next, &wq->list, node) {
		wake_up_process(e->task);
		e->woken = true;
		list_del(&e->node);
	}
}

/* wake_up with ppoll sleepers about: they recheck their descriptors whatever woke. */
static __attribute__((noinline)) void wake_up_polled(struct wait_queue_head *wq)
{
	wake_all(&poll_waiters);
	wake_all(wq);
}

void wake_up(struct wait_queue_head *wq)
{
	if (unlikely(!list_empty(&poll_waiters.list)))
		wake_up_polled(wq);
	else if (!list_empty(&wq->list))
		wake_all(wq);                  /* tail calls: no stack frame for an empty queue */
}
