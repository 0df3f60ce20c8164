/*
 * sched.c: the ZJU priority/counter scheduler. Each timer tick takes one from the running task's
 * counter; at zero, or when a task blocks or exits, schedule() runs the RUNNING task with the largest
 * counter (the lowest pid on ties: the lab scans its task array, indexed by pid). When every
 * runnable counter is zero they are refilled from their priorities. With nothing runnable the idle
 * task (slot 0) waits for an interrupt. The run queue below makes the choice O(1) and a change
 * O(log n) in the number of tasks, and the refill O(1).
 */
#include "sched.h"
#include "proc.h"
#include "timer.h"
#include "fpu.h"
#include "riscv.h"
#include "mm.h"
#include "log.h"
#include "uaccess.h"
#include "kernel.h"
#include "bitops.h"

static struct task_struct idle_task = { .state = TASK_RUNNING, .pid = 0, .comm = "idle" };
struct task_struct *current = &idle_task;
struct task_struct *task[NR_TASKS] = { &idle_task };

/*
 * The run queue: every RUNNING task that has started (on_rq) is in one heap ordered by pid: the heap
 * of its counter value (counter > 0) or, once its counter is spent, the spent heap of its priority.
 * Picking takes the root (lowest pid) of the highest non-empty counter heap; when only spent tasks are
 * left, the refill swaps each priority's spent heap with that counter's (empty) heap, O(RUNQ_LEVELS),
 * and the counters themselves follow lazily: a task's counter belongs to the epoch it was set in, and
 * reads as its priority after a refill. A task leaving the queue keeps its counter as it reads then
 * (a sleeper is not refilled, as in ZJU's).
 */
#define RUNQ_LEVELS 16                          /* counters and priorities are below this */

struct task_heap {
	int size;
	uint8_t slot[NR_TASKS];                 /* task[slot[(i - 1) / 2]]->pid < task[slot[i]]->pid */
};

static struct task_heap heaps[2 * RUNQ_LEVELS];
static struct task_heap *by_counter[RUNQ_LEVELS], *spent[RUNQ_LEVELS];
static uint32_t counter_mask, spent_mask;       /* bit n: that heap is not empty */
static uint64_t epoch;

static inline uint64_t counter_of(struct task_struct *t)
{
	return t->counter_epoch == epoch ? t->counter : t->priority;
}

uint64_t task_counter(struct task_struct *t)
{
	return counter_of(t);
}

static inline struct task_struct *heap_at(struct task_heap *h, int i)
{
	return task[h->slot[i]];
}

static inline void heap_put(struct task_heap *h, int i, struct task_struct *t)
{
	h->slot[i] = (uint8_t)t->slot;
	t->rq_index = i;
}

/* Move t (at i) up while its parent has a higher pid, then down while a child has a lower one. */
static void heap_fix(struct task_heap *h, int i, struct task_struct *t)
{
	for (int up; i > 0 && heap_at(h, up = (i - 1) / 2)->pid > t->pid; i = up)
		heap_put(h, i, heap_at(h, up));
	for (int c; (c = 2 * i + 1) < h->size; i = c) {
		if (c + 1 < h->size && heap_at(h, c + 1)->pid < heap_at(h, c)->pid)
			c++;
		if (heap_at(h, c)->pid > t->pid)
			break;
		heap_put(h, i, heap_at(h, c));
	}
	heap_put(h, i, t);
}

/* The heap t belongs in, and the bit of its mask. */
static inline struct task_heap *rq_heap(struct task_struct *t, uint32_t **mask, uint32_t *bit)
{
	uint64_t c = counter_of(t);

	BUG_ON(c >= RUNQ_LEVELS || t->priority >= RUNQ_LEVELS);
	*mask = c ? &counter_mask : &spent_mask;
	*bit = 1U << (c ? c : t->priority);
	return c ? by_counter[c] : spent[t->priority];
}

static void rq_add(struct task_struct *t)
{
	uint32_t *mask, bit;
	struct task_heap *h;

	t->counter = counter_of(t);
	t->counter_epoch = epoch;
	h = rq_heap(t, &mask, &bit);
	heap_fix(h, h->size++, t);
	*mask |= bit;
	t->on_rq = true;
}

static void rq_del(struct task_struct *t)
{
	uint32_t *mask, bit;
	struct task_heap *h = rq_heap(t, &mask, &bit);
	struct task_struct *last = heap_at(h, --h->size);

	if (last != t)
		heap_fix(h, t->rq_index, last);
	if (!h->size)
		*mask &= ~bit;
	t->counter = counter_of(t);
	t->counter_epoch = epoch;
	t->on_rq = false;
}

void wake_up_new_task(struct task_struct *t)
{
	t->state = TASK_RUNNING;
	rq_add(t);
}

void set_task_state(struct task_struct *t, enum task_state state)
{
	if (t->on_rq && state != TASK_RUNNING)
		rq_del(t);
	t->state = state;
	if (!t->on_rq && state == TASK_RUNNING && t != &idle_task)
		rq_add(t);
}

void wake_up_process(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE)
		set_task_state(t, TASK_RUNNING);
}

void set_task_counter(struct task_struct *t, uint64_t counter)
{
	bool queued = t->on_rq;

	if (queued)
		rq_del(t);
	t->counter = counter;
	t->counter_epoch = epoch;
	if (queued)
		rq_add(t);
}

/* Every runnable counter is spent: each task's counter becomes its priority. */
static void refill(void)
{
	for (uint32_t m = spent_mask; m; m &= m - 1) {
		int p = lowest_bit(m);
		struct task_heap *empty = by_counter[p];

		by_counter[p] = spent[p];
		spent[p] = empty;
	}
	counter_mask = spent_mask;
	spent_mask = 0;
	epoch++;
}

static struct task_struct *pick_next(void)
{
	if (!counter_mask) {
		if (!spent_mask)
			return &idle_task;
		refill();
	}
	return heap_at(by_counter[highest_bit32(counter_mask)], 0);
}

void sched_init(void)
{
	idle_task.pgd = swapper_pg_dir;
	for (int i = 0; i < RUNQ_LEVELS; i++) {
		by_counter[i] = &heaps[i];
		spent[i] = &heaps[RUNQ_LEVELS + i];
	}
}

/*
 * Runs on the new task's stack right after a switch: free prev if it died; a child forked with
 * CLONE_CHILD_SETTID writes its tid where asked before it first returns to user mode.
 */
void schedule_tail(struct task_struct *prev)
{
	if (prev->state == TASK_DEAD)
		release_task(prev);
	if (unlikely(current->set_child_tid)) {
		int tid = (int)current->pid;
		copy_to_user((void __user *)current->set_child_tid, &tid, sizeof(tid));
		current->set_child_tid = 0;
	}
}

static void switch_to(struct task_struct *next)
{
	struct task_struct *prev = current;

	uint64_t now = rdtime();

	trace("[switch] pid %lu prio %lu counter %lu", next->pid, next->priority, counter_of(next));
	prev->sum_exec += now - prev->exec_start;    /* CPU time accounting */
	next->exec_start = now;
	fpu_switch(prev, next);
	current = next;
	if (next->pgd != prev->pgd)
		switch_pgd(next->pgd);
	prev = __switch_to(prev, next);
	schedule_tail(prev);
}

void schedule(void)
{
	struct task_struct *next = pick_next();

	if (next != current)
		switch_to(next);
}

void do_timer(void)
{
	run_timers();
	uint64_t counter = counter_of(current);

	if (current != &idle_task && counter > 0) {
		set_task_counter(current, counter - 1);
		if (counter > 1)
			return;
	}
	schedule();
}
