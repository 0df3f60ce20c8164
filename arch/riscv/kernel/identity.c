/*
 * identity.c: who a process is and what it runs on: the user and group ids (everything runs as
 * root), gettid (one thread per process: the pid), set_tid_address and set_robust_list (recorded for
 * threads, which do not exist yet), uname, sched_getaffinity (one hart), prctl (PR_SET_NAME and
 * PR_GET_NAME; other options -EINVAL) and getrandom.
 *
 * getrandom's bytes come from a xorshift64* generator with a fixed seed: every boot gives the same
 * sequence, so runs stay deterministic. They are not secret; there is no entropy source here.
 */
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "uapi/utsname.h"

#define ROOT_ID 0
#define ROBUST_LIST_HEAD_SIZE 24          /* sizeof(struct robust_list_head) on 64-bit */
#define NR_CPUS 1
#define CPUMASK_SIZE sizeof(uint64_t)     /* bytes of a cpumask holding NR_CPUS bits */
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define TASK_COMM_LEN 16
#define GRND_NONBLOCK 0x1
#define GRND_RANDOM 0x2
#define GRND_INSECURE 0x4
#define RANDOM_CHUNK 64
#define RANDOM_SEED 0x9e3779b97f4a7c15UL
#define XORSHIFT_MUL 0x2545f4914f6cdd1dUL
#define MAX_RW_COUNT 0x7ffff000UL

long sys_getuid(void) { return ROOT_ID; }
long sys_geteuid(void) { return ROOT_ID; }
long sys_getgid(void) { return ROOT_ID; }
long sys_getegid(void) { return ROOT_ID; }

long sys_gettid(void)
{
	return (long)current->pid;
}

long sys_set_tid_address(uint64_t tidptr)
{
	current->clear_child_tid = tidptr;
	return (long)current->pid;
}

long sys_set_robust_list(uint64_t head, uint64_t len)
{
	if (len != ROBUST_LIST_HEAD_SIZE)
		return -EINVAL;
	current->robust_list = head;
	return 0;
}

/* sysname "Linux" and a 6.1 release: the ABI this kernel speaks, so libcs take their Linux paths. */
static const struct new_utsname utsname = {
	.sysname = "Linux",
	.nodename = "riscv",
	.release = "6.1.0-zju",
	.version = "#1 ZJU OS lab kernel",
	.machine = "riscv64",
	.domainname = "(none)",
};

long sys_uname(uint64_t ubuf)
{
	return copy_to_user((void __user *)ubuf, &utsname, sizeof(utsname));
}

long sys_sched_getaffinity(int64_t pid, uint64_t len, uint64_t umask)
{
	uint64_t mask = (1UL << NR_CPUS) - 1;
	bool found = (int32_t)pid == 0 || find_task_by_pid((int32_t)pid);
	if ((uint32_t)len < CPUMASK_SIZE || ((uint32_t)len & (sizeof(uint64_t) - 1)))
		return -EINVAL;
	if (!found)
		return -ESRCH;
	if (copy_to_user((void __user *)umask, &mask, CPUMASK_SIZE))
		return -EFAULT;
	return CPUMASK_SIZE;
}

long sys_prctl(uint64_t option, uint64_t arg2, uint64_t arg3, uint64_t arg4, uint64_t arg5)
{
	char name[TASK_COMM_LEN];
	long len;

	switch ((int32_t)option) {
	case PR_SET_NAME:
		len = strncpy_from_user(name, (const char __user *)arg2, sizeof(name));
		if (len < 0 && len != -ENAMETOOLONG)
			return len;
		name[TASK_COMM_LEN - 1] = '\0';
		memcpy(current->comm, name, sizeof(name));
		return 0;
	case PR_GET_NAME:
		return copy_to_user((void __user *)arg2, current->comm, TASK_COMM_LEN);
	default:
		return -EINVAL;
	}
}

static uint64_t random_state = RANDOM_SEED;

static uint64_t random_next(void)
{
	random_state ^= random_state >> 12;
	random_state ^= random_state << 25;
	random_state ^= random_state >> 27;
	return random_state * XORSHIFT_MUL;
}

long sys_getrandom(uint64_t ubuf, uint64_t count, uint64_t flags)
{
	uint64_t buf[RANDOM_CHUNK / sizeof(uint64_t)], done = 0;

	if ((uint32_t)flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) ||
	    ((uint32_t)flags & (GRND_RANDOM | GRND_INSECURE)) == (GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	count = MIN(count, MAX_RW_COUNT);
	while (done < count) {
		uint64_t n = MIN(count - done, sizeof(buf));
		for (uint64_t i = 0; i < ARRAY_SIZE(buf); i++)
			buf[i] = random_next();
		if (copy_to_user((void __user *)(ubuf + done), buf, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return (long)done;
}
