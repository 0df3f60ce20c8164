/* proc.c: process helpers over fork, wait4 and execve. */
#include "ulib.h"

/* Room for EXEC_HOST_DIR plus a program name. */
#define EXEC_PATH_MAX 256

int reap_children(void)
{
	int reaped = 0;

	while (sys_wait4(-1, NULL, 0, NULL) > 0)
		reaped++;
	return reaped;
}

long wait_child(long pid)
{
	int status;
	long got;

	if (pid < 0)		/* a failed fork's error: nothing to wait for */
		return pid;
	got = sys_wait4(pid, &status, 0, NULL);
	return got < 0 ? got : status;
}

long fork_run(int (*child)(void *arg), void *arg)
{
	long pid = sys_fork();

	if (pid == 0)
		sys_exit(child(arg));
	return wait_child(pid);
}

static int exit_code(void *code)
{
	return (int)(long)code;
}

long fork_exit(int code)
{
	return fork_run(exit_code, (void *)(long)code);
}

void yield_times(int times)
{
	while (times-- > 0)
		sys_sched_yield();
}

long exec_prog(const char *name, char *const argv[], char *const envp[])
{
	char path[EXEC_PATH_MAX];
	long err = sys_execve(name, argv, envp);

	if (err != -ENOENT)
		return err;
	snprintf(path, sizeof(path), "%s%s", EXEC_HOST_DIR, name);
	return sys_execve(path, argv, envp);
}

struct access {
	volatile unsigned char *addr;
	int store;
	unsigned char value;
};

static int make_access(void *arg)
{
	struct access *a = arg;

	if (a->store)
		*a->addr = a->value;
	else
		(void)*a->addr;
	return 0;
}

long access_in_child(void *addr, int store, unsigned char value)
{
	struct access a = { addr, store, value };

	return fork_run(make_access, &a);
}

int await_flag(volatile int *flag)
{
	for (int i = 0; i < AWAIT_YIELDS && !*flag; i++)
		sys_sched_yield();
	return *flag;
}
