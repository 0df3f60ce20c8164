/*
 * sched.c: the ZJU priority/counter scheduler. Each timer tick takes one from the running task's
 * counter; at zero, or when a task blocks or exits, schedule() runs the RUNNING task with the largest
 * counter (the lowest pid on ties: the lab scans its task array, indexed by pid). When every
 * runnable counter is zero they are refilled from their priorities. With nothing runnable the idle task (slot 0) waits for an interrupt.
 */
#include "sched.h"
#include "proc.h"
#include "timer.h"
#include "fpu.h"
#include "riscv.h"
#include "mm.h"
#include "log.h"
#include "uaccess.h"

static struct task_struct idle_task = { .state = TASK_RUNNING, .pid = 0, .comm = "idle" };
struct task_struct *current = &idle_task;
struct task_struct *task[NR_TASKS] = { &idle_task };

void sched_init(void)
{
	idle_task.pgd = swapper_pg_dir;
}

static struct task_struct *pick_next(void)
{
	for (;;) {
		struct task_struct *best = NULL;
		bool runnable = false;

		for (int i = 1; i < nr_slots; i++) {
			struct task_struct *t = task[i];
			if (!t || t->state != TASK_RUNNING)
				continue;
			runnable = true;
			if (t->counter && (!best || t->counter > best->counter ||
					   (t->counter == best->counter && t->pid < best->pid)))
				best = t;
		}
		if (best)
			return best;
		if (!runnable)
			return &idle_task;
		for (int i = 1; i < nr_slots; i++)
			if (task[i] && task[i]->state == TASK_RUNNING)
				task[i]->counter = task[i]->priority;
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

	trace("[switch] pid %lu prio %lu counter %lu", next->pid, next->priority, next->counter);
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
	if (current != &idle_task && current->counter > 0 && --current->counter > 0)
		return;
	schedule();
}
