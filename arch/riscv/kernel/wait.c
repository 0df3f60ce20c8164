/* wait.c: wait4 reaps a zombie child and reports its status in Linux's encoding. */
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "uaccess.h"

#define WNOHANG 1
#define WUNTRACED 2              /* also report stopped children: none ever stop here */
#define WCONTINUED 8             /* also report continued children: likewise */
#define __WNOTHREAD 0x20000000
#define __WALL 0x40000000
#define __WCLONE 0x80000000      /* only children that exit without SIGCHLD: none here, unless __WALL */
#define WAIT4_OPTIONS (WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE)

/* A zombie child of current matching pid (> 0: that pid; otherwise any); *any: such a child exists. */
static struct task_struct *find_zombie_child(int pid, bool *any)
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

/* Linux: wait4(pid_t pid, int *wstatus, int options, struct rusage *ru): pid and options are ints. */
long sys_wait4(int64_t upid, uint64_t wstatus, uint64_t uoptions, uint64_t rusage)
{
	int pid = (int)upid, options = (int)uoptions;

	if (options & ~WAIT4_OPTIONS)
		return -EINVAL;
	if ((options & __WCLONE) && !(options & __WALL))
		return -ECHILD;
	for (;;) {
		bool any;
		struct task_struct *zombie = find_zombie_child(pid, &any);
		if (zombie) {
			int status = zombie->exit_status;
			long cpid = (long)zombie->pid;
			if (wstatus && copy_to_user((void __user *)wstatus, &status, sizeof(status)))
				return -EFAULT;
			release_task(zombie);
			return cpid;
		}
		if (!any)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		current->state = TASK_INTERRUPTIBLE;   /* a child's exit makes us RUNNING again */
		schedule();
	}
}
