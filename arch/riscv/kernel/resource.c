/*
 * resource.c: resource limits (prlimit64, through which libcs implement getrlimit and setrlimit).
 * The limits report what this kernel enforces: an 8 MiB stack (the stack VMA execve makes; it cannot
 * be raised), NR_OPEN descriptors (lowering RLIMIT_NOFILE is enforced by every call that makes a
 * descriptor), NR_TASKS - 1 processes, files of at most 1 GiB, no core files, the rest unlimited.
 * A process may lower a limit or raise a soft limit up to its hard one; raising a hard limit past
 * what the kernel enforces is -EPERM. Limits are inherited across fork and execve.
 */
#include "proc.h"
#include "resource.h"
#include "fs.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"

#define FILE_SIZE_MAX (FILE_MAX_PAGES * PGSIZE)

/* The kernel's ceilings, which are also the initial limits. */
static const struct rlimit rlimit_max[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_FSIZE] = { FILE_SIZE_MAX, FILE_SIZE_MAX },
	[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_STACK] = { USER_STACK_SIZE, USER_STACK_SIZE },
	[RLIMIT_CORE] = { 0, 0 },
	[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NPROC] = { NR_TASKS - 1, NR_TASKS - 1 },
	[RLIMIT_NOFILE] = { NR_OPEN, NR_OPEN },
	[RLIMIT_MEMLOCK] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_SIGPENDING] = { 0, 0 },
	[RLIMIT_MSGQUEUE] = { 0, 0 },
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },
};

void rlimit_init(struct rlimit *rlim)
{
	memcpy(rlim, rlimit_max, sizeof(rlimit_max));
}

long sys_prlimit64(int64_t pid, uint64_t resource, uint64_t unew, uint64_t uold)
{
	struct task_struct *t = find_process((int32_t)pid);
	struct rlimit new;
	uint32_t r = (uint32_t)resource;

	if (r >= RLIM_NLIMITS)
		return -EINVAL;
	if (!t)
		return -ESRCH;
	if (unew) {
		if (copy_from_user(&new, (const void __user *)unew, sizeof(new)))
			return -EFAULT;
		if (new.rlim_cur > new.rlim_max)
			return -EINVAL;
		if (new.rlim_max > rlimit_max[r].rlim_max)
			return -EPERM;
	}
	if (uold && copy_to_user((void __user *)uold, &t->rlim[r], sizeof(t->rlim[r])))
		return -EFAULT;
	if (unew)
		t->rlim[r] = new;
	return 0;
}
