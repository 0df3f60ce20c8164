/*
 * sched.c: the ZJU priority/counter scheduler. Each timer tick takes one from the running task's
 * counter; at zero, or when a task blocks or exits, schedule() runs the RUNNING task with the largest
 * counter (the lowest pid on ties: the lab scans its task array, indexed by pid). When every
 * runnable counter is zero they are refilled from their priorities. With nothing runnable the idle
 * task (slot 0) waits for an interrupt. The run queue below makes the choice, a change and the refill
 * O(1) in the number of tasks (its renumbering, amortised, too).
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
#include "string.h"

static struct task_struct idle_task = { .state = TASK_RUNNING, .pid = 0, .comm = "idle" };
struct task_struct *current = &idle_task;
struct task_struct *task[NR_TASKS] = { &idle_task };

/*
 * The run queue: every RUNNING task that has started (on_rq) is one bit of one level: the level of its
 * counter value (counter > 0) or, once its counter is spent, the spent level of its priority. A level
 * is a bitmap over order numbers: alloc_task() gives each task the next order number, so that order
 * follows pid, and the lowest bit of a level is its lowest pid. Picking takes the lowest bit of the
 * highest non-empty counter level; a change sets or clears one bit. When the order numbers run out,
 * the live tasks are renumbered from 0 in the same order and the bits rebuilt (at most once per
 * ORDER_SPACE - NR_TASKS new tasks). When only spent tasks are left, the refill swaps each priority's
 * spent level with that counter's (empty) level, O(RUNQ_LEVELS), and the counters themselves follow
 * lazily: a task's counter belongs to the epoch it was set in, and reads as its priority after a
 * refill. A task leaving the queue keeps its counter as it reads then (a sleeper is not refilled, as
 * in ZJU's). One mask names the non-empty levels; the highest counter level is its lowest bit.
 *
 * The mask, worked through: level i is bit 31 - i, so a task at counter c is bit 31 - c (the top
 * half: counter 15 is bit 16, counter 1 is bit 30) and a spent task of priority p is bit 15 - p (the
 * bottom half: priority 15 is bit 0). COUNTER_BITS and SPENT_BITS each give a half as bits 0..15, in
 * which bit b stands for counter or priority 15 - b (counter_level_of_bit). For a spent task of
 * priority 7, say, the bit is 8; the refill's shift by 16 makes it bit 24 = 31 - 7, the bit of counter
 * 7, which is what its counter reads as after the refill.
 */
#define RUNQ_LEVELS 16                          /* counters and priorities are below this */
#define SPENT RUNQ_LEVELS                       /* the spent levels' first index */
#define NR_LEVELS (2 * RUNQ_LEVELS)
#define COUNTER_BITS(mask) ((mask) >> RUNQ_LEVELS)   /* bit RUNQ_LEVELS - 1 - c: counter level c */
#define SPENT_BITS(mask) ((mask) & ((1U << RUNQ_LEVELS) - 1))
#define ORDER_SPACE 256                         /* order numbers: twice the tasks there can be */
#define ORDER_WORDS (ORDER_SPACE / 64)

_Static_assert(ORDER_SPACE >= 2 * NR_TASKS - 2, "renumbering must free order numbers");

struct rq_level {
	uint64_t bits[ORDER_WORDS];             /* bit n: by_order[n] is queued at this level */
	int nr;                                 /* bits set */
};

static struct rq_level levels[NR_LEVELS];
static struct rq_level *level_at[NR_LEVELS];    /* [c]: counter c; [SPENT + p]: spent, priority p */
static uint32_t rq_mask;                        /* level_bit(i): level_at[i] is not empty */
static uint64_t epoch;
static struct task_struct *by_order[ORDER_SPACE];   /* the task of each order number, or NULL */
static unsigned next_order;

static inline uint64_t counter_of(struct task_struct *t)
{
	return t->counter_epoch == epoch ? t->counter : t->priority;
}

uint64_t task_counter(struct task_struct *t)
{
	return counter_of(t);
}

/*
 * Level i's bit in rq_mask: counter levels in the top half, the highest counter lowest; spent levels
 * in the bottom half, so that the refill turns spent bits into counter bits with one shift.
 */
static inline uint32_t level_bit(unsigned i)
{
	return 1U << (NR_LEVELS - 1 - i);
}

/*
 * Bit b of COUNTER_BITS(rq_mask) or SPENT_BITS(rq_mask): the counter, or the priority, it stands for.
 * int, like lowest_bit: as an index it then needs no zero extension on the pick path.
 */
static inline int counter_level_of_bit(int b)
{
	return RUNQ_LEVELS - 1 - b;
}

/* The index of t's level at counter c. */
static inline unsigned level_index(struct task_struct *t, uint64_t c)
{
	BUG_ON((c | t->priority) >= RUNQ_LEVELS);
	return c ? (unsigned)c : SPENT + (unsigned)t->priority;
}

static inline void level_set(struct rq_level *l, unsigned order)
{
	l->bits[order / 64] |= 1UL << (order % 64);
	l->nr++;
}

/* Clear order's bit; whether the level is empty now. */
static inline bool level_clear(struct rq_level *l, unsigned order)
{
	l->bits[order / 64] &= ~(1UL << (order % 64));
	return !--l->nr;
}

/* The task of the lowest bit of a non-empty level. */
static inline struct task_struct *level_first(struct rq_level *l)
{
	unsigned i = 0;

	while (!l->bits[i])
		i++;
	return by_order[i * 64 + lowest_bit(l->bits[i])];
}

static void rq_add(struct task_struct *t)
{
	uint64_t c = counter_of(t);
	unsigned i = level_index(t, c);

	t->counter = c;
	t->counter_epoch = epoch;
	level_set(level_at[i], t->rq_order);
	rq_mask |= level_bit(i);
	t->on_rq = true;
}

static void rq_del(struct task_struct *t)
{
	uint64_t c = counter_of(t);
	unsigned i = level_index(t, c);

	if (level_clear(level_at[i], t->rq_order))
		rq_mask &= ~level_bit(i);
	t->counter = c;
	t->counter_epoch = epoch;
	t->on_rq = false;
}

/* Number the live tasks 0, 1, ... in their order and set their bits again under the new numbers. */
static void renumber(void)
{
	unsigned n = 0;

	memset(levels, 0, sizeof(levels));
	for (unsigned i = 0; i < next_order; i++) {
		struct task_struct *t = by_order[i];

		if (!t)
			continue;
		by_order[i] = NULL;
		by_order[n] = t;
		t->rq_order = n++;
		if (t->on_rq)
			level_set(level_at[level_index(t, counter_of(t))], t->rq_order);
	}
	next_order = n;
}

void sched_new_task(struct task_struct *t)
{
	if (next_order == ORDER_SPACE)
		renumber();
	t->rq_order = next_order++;
	by_order[t->rq_order] = t;
}

void sched_release_task(struct task_struct *t)
{
	BUG_ON(t->on_rq);
	by_order[t->rq_order] = NULL;
}

void wake_up_new_task(struct task_struct *t)
{
	t->state = TASK_RUNNING;
	rq_add(t);
}

/*
 * The state is set first: rq_add and rq_del read only the counter and the order number, never the
 * state, so setting it before them is safe, and a call to one of them can then be the last thing this
 * function does (a tail call, no stack frame here).
 */
void set_task_state(struct task_struct *t, enum task_state state)
{
	t->state = state;
	if (t->on_rq && state != TASK_RUNNING)
		rq_del(t);
	else if (!t->on_rq && state == TASK_RUNNING && t != &idle_task)
		rq_add(t);
}

/*
 * The sleeper case of set_task_state, written out again rather than called: a sleeper is known to be
 * off the queue and not the idle task, so a wake-up (one per pipe message a reader waits for) is one
 * test and a tail call into rq_add, with no stack frame and none of set_task_state's other tests.
 */
void wake_up_process(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE) {   /* a sleeper is off the queue (set_task_state took it off) */
		t->state = TASK_RUNNING;
		rq_add(t);
	}
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
	for (uint32_t m = SPENT_BITS(rq_mask); m; m &= m - 1) {
		struct rq_level **counter = &level_at[counter_level_of_bit(lowest_bit(m))], *empty = *counter;

		*counter = counter[SPENT];
		counter[SPENT] = empty;
	}
	rq_mask <<= RUNQ_LEVELS;
	epoch++;
}

static struct task_struct *pick_next(void)
{
	if (!COUNTER_BITS(rq_mask)) {
		if (!rq_mask)
			return &idle_task;
		refill();
	}
	return level_first(level_at[counter_level_of_bit(lowest_bit(COUNTER_BITS(rq_mask)))]);
}

void sched_init(void)
{
	idle_task.pgd = swapper_pg_dir;
	for (int i = 0; i < NR_LEVELS; i++)
		level_at[i] = &levels[i];
}

/* schedule_tail's rare work, out of line so that the common switch needs no stack frame for it. */
static __attribute__((noinline)) void finish_switch(struct task_struct *prev)
{
	if (prev->state == TASK_DEAD)
		release_task(prev);
	if (current->set_child_tid) {
		int tid = (int)current->pid;
		copy_to_user((void __user *)current->set_child_tid, &tid, sizeof(tid));
		current->set_child_tid = 0;
	}
}

/*
 * Runs on the new task's stack right after a switch: free prev if it died; a child forked with
 * CLONE_CHILD_SETTID writes its tid where asked before it first returns to user mode.
 */
void schedule_tail(struct task_struct *prev)
{
	if (unlikely(prev->state == TASK_DEAD || current->set_child_tid))
		finish_switch(prev);
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
