/*
 * exit.c: ending a process. do_exit() frees the address space, hands children to init, and leaves a
 * zombie for the parent (or a dead task freed right after the switch when nobody will wait).
 */
#include "exit.h"
#include "proc.h"
#include "sched.h"
#include "bootargs.h"
#include "vm.h"
#include "riscv.h"
#include "signal.h"
#include "kernel.h"
#include "log.h"
#include "fs.h"
#include "mm.h"
#include "printk.h"

/* memstat=1: what the exited processes really needed, reported at power-off. */
static struct mm_page_stats exit_stats;
static bool init_exited;
static int init_status;

bool init_has_exited(int *status)
{
	*status = init_status;
	return init_exited;
}

/* Give t's children to init; children nobody can reap any more are freed if already dead. */
static void reparent_children(struct task_struct *t)
{
	struct task_struct *c, *next;

	list_for_each_entry_safe(c, next, &t->children, sibling) {
		set_parent(c, init_proc != t ? init_proc : NULL);
		c->sig.exit_signal = SIGCHLD;   /* as Linux: a clone's exit signal never reaches init */
		if (!c->parent && c->state == TASK_ZOMBIE)
			release_task(c);
		else if (c->parent && c->state == TASK_ZOMBIE)
			wake_up_process(c->parent);
	}
}

static void exit_mm(struct task_struct *t)
{
	if (!t->mm)
		return;
	if (dump_on_exit)
		dump_mm(t->mm, t->pid);
	if (memstat)
		mm_page_stats(t->mm->pgd, &exit_stats);
	switch_pgd(swapper_pg_dir);
	t->pgd = swapper_pg_dir;
	mmput(t->mm);
	t->mm = NULL;
}

void memstat_report(void)
{
	uint64_t needed = exit_stats.written + exit_stats.readonly + exit_stats.tables;

	printk("[mm] user memory: peak %lu pages in use; needed %lu (written %lu + read-only %lu + page tables %lu)\n",
	       user_pages_peak, needed, exit_stats.written, exit_stats.readonly, exit_stats.tables);
}

void do_exit(int status)
{
	struct task_struct *t = current;

	if (WIFSIGNALED(status))
		trace("[exit] pid %lu killed by %s", t->pid, signal_name(WTERMSIG(status)));
	else
		trace("[exit] pid %lu exited with %d", t->pid, WEXITSTATUS(status));
	exit_mm(t);
	if (t->files) {
		files_put(t->files);
		t->files = NULL;
	}
	t->exit_status = status;
	signals_exit(t);
	reparent_children(t);
	if (t == init_proc) {
		init_exited = true;
		init_status = status;
		init_proc = NULL;
	}
	if (t->parent) {
		/* a parent ignoring SIGCHLD (or with SA_NOCLDWAIT) leaves no zombie to reap (Linux) */
		set_task_state(t, parent_reaps_nothing(t->parent) ? TASK_DEAD : TASK_ZOMBIE);
		notify_parent(t, status);
		wake_up_process(t->parent);
	} else {
		set_task_state(t, TASK_DEAD);
	}
	schedule();
	panic("do_exit: pid %lu ran again", t->pid);
}
