/* wait.c: wait4 reaps a zombie child and reports its status in Linux's encoding. */
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "uaccess.h"

#define WNOHANG 1
#define WUNTRACED 2          /* report stopped children: none ever stop here */
#define WCONTINUED 8
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000
#define WAIT4_OPTIONS (WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE)

/*
 * A zombie child of current matching pid (> 0: that pid; otherwise any: every process is its own
 * process group, so 0 and -pgid match every child too); *any: such a child exists.
 */
static struct task_struct *find_zombie_child(int64_t pid, bool *any)
{
	*any = false;
	for (int i = 1; i < nr_slots; i++) {
		struct task_struct *t = task[i];
		if (!t || t->parent != current || (pid > 0 && t->pid != (uint64_t)pid))
			continue;
		*any = true;
		if (t->state == TASK_ZOMBIE)
			return t;
	}
	return NULL;
}

/* Report zombie's status (and CPU time) to the user, add its CPU time to ours and free it. */
static long reap(struct task_struct *zombie, uint64_t wstatus, uint64_t urusage)
{
	int status = zombie->exit_status;
	long cpid = (long)zombie->pid;
	uint64_t cpu = zombie->sum_exec + zombie->children_exec;
	struct rusage ru;

	if (wstatus && copy_to_user((void __user *)wstatus, &status, sizeof(status)))
		return -EFAULT;
	fill_rusage(cpu, &ru);
	if (urusage && copy_to_user((void __user *)urusage, &ru, sizeof(ru)))
		return -EFAULT;
	current->children_exec += cpu;
	release_task(zombie);
	return cpid;
}

long sys_wait4(int64_t pid, uint64_t wstatus, uint64_t options, uint64_t rusage)
{
	pid = (int32_t)pid;
	if ((uint32_t)options & ~WAIT4_OPTIONS || pid == INT32_MIN)
		return -EINVAL;
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
			return -EINTR;
		current->state = TASK_INTERRUPTIBLE;   /* a child's exit makes us RUNNING again */
		schedule();
	}
}
