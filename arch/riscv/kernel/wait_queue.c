/* wait_queue.c: sleeping on and waking wait queues (see wait.h). */
#include "wait.h"
#include "proc.h"
#include "sched.h"
#include "errno.h"

static void wait_remove(struct wait_queue_head *wq, struct wait_queue_entry *entry)
{
	for (struct wait_queue_entry **p = &wq->first; *p; p = &(*p)->next) {
		if (*p == entry) {
			*p = entry->next;
			return;
		}
	}
}

long wait_sleep(struct wait_queue_head *wq)
{
	struct wait_queue_entry entry = { .task = current, .next = wq->first };

	if (signal_pending(current))
		return -EINTR;
	wq->first = &entry;
	current->state = TASK_INTERRUPTIBLE;
	schedule();
	wait_remove(wq, &entry);   /* still queued after a wake-up from elsewhere */
	return signal_pending(current) ? -EINTR : 0;
}

struct wait_queue_head poll_waiters;

static void wake_all(struct wait_queue_head *wq)
{
	for (struct wait_queue_entry *e = wq->first; e; e = e->next)
		if (e->task->state == TASK_INTERRUPTIBLE)
			e->task->state = TASK_RUNNING;
	wq->first = NULL;
}

void wake_up(struct wait_queue_head *wq)
{
	wake_all(wq);
	if (unlikely(poll_waiters.first))
		wake_all(&poll_waiters);
}
