/*
 * pgrp.c: process groups and sessions, as shells use them for job control: getpgid, setpgid,
 * getsid, setsid, with Linux's rules (a process moves itself or a child of its own, into a group
 * of its session or a new one named by its pid; a session leader cannot; setsid makes a new session
 * and group unless the caller already leads a group). The console's foreground group is in
 * console.c (TIOCGPGRP/TIOCSPGRP); nothing stops a background group reading it yet.
 */
#include "proc.h"
#include "syscall.h"
#include "errno.h"

static bool group_in_session(uint64_t pgid, uint64_t sid)
{
	for (int i = 1; i < nr_slots; i++)
		if (task[i] && task[i]->pgid == pgid && task[i]->sid == sid && task[i]->state != TASK_ZOMBIE)
			return true;
	return false;
}

long sys_getpgid(int64_t pid)
{
	struct task_struct *t = find_process((int32_t)pid);

	return t ? (long)t->pgid : -ESRCH;
}

long sys_getsid(int64_t pid)
{
	struct task_struct *t = find_process((int32_t)pid);

	return t ? (long)t->sid : -ESRCH;
}

long sys_setpgid(int64_t pid, int64_t pgid)
{
	struct task_struct *t = find_process((int32_t)pid);
	uint64_t group;

	if ((int32_t)pgid < 0)
		return -EINVAL;
	if (!t || (t != current && t->parent != current))
		return -ESRCH;
	group = (int32_t)pgid ? (uint64_t)(int32_t)pgid : t->pid;
	if (t->sid == t->pid || t->sid != current->sid)
		return -EPERM;        /* a session leader, or a child in another session */
	if (group != t->pid && !group_in_session(group, current->sid))
		return -EPERM;
	t->pgid = group;
	return 0;
}

long sys_setsid(void)
{
	if (current->pgid == current->pid)
		return -EPERM;        /* already leads a process group */
	current->sid = current->pgid = current->pid;
	return (long)current->sid;
}
