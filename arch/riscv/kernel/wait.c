/* wait.c: wait4 reaps a zombie child and reports its status in Linux's encoding. */
#include "proc.h"
#include "timer.h"
#include "sched.h"
#include "syscall.h"
#include "errno.h"
#include "uaccess.h"

#include "uapi/wait.h"

#define WAIT4_OPTIONS (WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE)
#define PID_MIN (-2147483647 - 1)   /* INT_MIN: the group it would name cannot be negated */

/* Whether child t is one wait4's pid selects: > 0 that pid, -1 any, 0 our process group, < -1 group -pid. */
static bool pid_selects(int pid, struct task_struct *t)
{
	if (pid > 0)
		return t->pid == (uint64_t)pid;
	if (pid == 0)
		return t->pgid == current->pgid;
	return pid == -1 || t->pgid == (uint64_t)-(int64_t)pid;
}

/* Report zombie's status (and CPU time) to the user, add its CPU time to ours and free it. The child
 * is reaped even if the status cannot be stored (Linux). */
static long reap(struct task_struct *zombie, uint64_t wstatus, uint64_t urusage)
{
	int status = zombie->exit_status;
	long cpid = (long)zombie->pid;
	uint64_t cpu = zombie->sum_exec + zombie->children_exec;
	struct rusage ru;

	current->children_exec += cpu;
	release_task(zombie);
	if (wstatus && copy_to_user((void __user *)wstatus, &status, sizeof(status)))
		return -EFAULT;
	fill_rusage(cpu, &ru);
	if (urusage && copy_to_user((void __user *)urusage, &ru, sizeof(ru)))
		return -EFAULT;
	return cpid;
}

/*
 * A zombie child of current that pid selects (the one in the lowest task slot, as a scan of the
 * table would find); *any: such a child exists. Walks only current's children, or none for a pid.
 */
static struct task_struct *find_zombie_child(int pid, bool *any)
{
	struct task_struct *t, *zombie = NULL;

	if (pid > 0) {
		t = find_task_by_pid(pid);
		*any = t && t->parent == current;
		return *any && t->state == TASK_ZOMBIE ? t : NULL;
	}
	*any = false;
	list_for_each_entry(t, &current->children, sibling) {
		if (!pid_selects(pid, t))
			continue;
		*any = true;
		if (t->state == TASK_ZOMBIE && (!zombie || t->slot < zombie->slot))
			zombie = t;
	}
	return zombie;
}

/* Linux: wait4(pid_t pid, int *wstatus, int options, struct rusage *ru): pid and options are ints. */
long sys_wait4(int64_t upid, uint64_t wstatus, uint64_t uoptions, uint64_t rusage)
{
	int pid = (int)upid, options = (int)uoptions;

	if (options & ~WAIT4_OPTIONS)
		return -EINVAL;
	if (pid == PID_MIN)
		return -ESRCH;          /* no group -INT_MIN (Linux) */
	if ((options & __WCLONE) && !(options & __WALL))
		return -ECHILD;
	for (;;) {
		bool any;
		struct task_struct *zombie = find_zombie_child(pid, &any);
		if (zombie)
			return reap(zombie, wstatus, rusage);
		if (!any)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		if (signal_pending(current))
			return -ERESTARTSYS;
		set_task_state(current, TASK_INTERRUPTIBLE);   /* a child's exit makes us RUNNING again */
		schedule();
	}
}
