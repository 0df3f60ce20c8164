/* syscall.c: the system-call table (designated initializers by Linux number) and its dispatcher. */
#include "syscall.h"
#include "proc.h"
#include "exit.h"
#include "errno.h"
#include "kernel.h"

typedef long (*syscall_fn)(uint64_t, uint64_t, uint64_t, uint64_t, uint64_t, uint64_t);
#define SYSCALL(fn) ((syscall_fn)(void *)(fn))

static const syscall_fn syscall_table[NR_SYSCALLS] = {
	[__NR_unlinkat] = SYSCALL(sys_unlinkat),
	[__NR_openat] = SYSCALL(sys_openat),
	[__NR_close] = SYSCALL(sys_close),
	[__NR_lseek] = SYSCALL(sys_lseek),
	[__NR_read] = SYSCALL(sys_read),
	[__NR_write] = SYSCALL(sys_write),
	[__NR_fstat] = SYSCALL(sys_fstat),
	[__NR_exit] = SYSCALL(sys_exit),
	[__NR_exit_group] = SYSCALL(sys_exit),
	[__NR_sched_yield] = SYSCALL(sys_sched_yield),
	[__NR_getpid] = SYSCALL(sys_getpid),
	[__NR_getppid] = SYSCALL(sys_getppid),
	[__NR_sysinfo] = SYSCALL(sys_sysinfo),
	[__NR_brk] = SYSCALL(sys_brk),
	[__NR_munmap] = SYSCALL(sys_munmap),
	[__NR_clone] = SYSCALL(sys_clone),
	[__NR_execve] = SYSCALL(sys_execve),
	[__NR_mmap] = SYSCALL(sys_mmap),
	[__NR_mprotect] = SYSCALL(sys_mprotect),
	[__NR_wait4] = SYSCALL(sys_wait4),
};

void do_syscall(struct pt_regs *regs)
{
	uint64_t nr = regs->x[REG_A7];
	const uint64_t *a = &regs->x[REG_A0];
	syscall_fn fn = nr < NR_SYSCALLS ? syscall_table[nr] : NULL;

	regs->x[REG_A0] = fn ? fn(a[0], a[1], a[2], a[3], a[4], a[5]) : -ENOSYS;
	if (unlikely(current->pending_sig))
		do_pending_kill(regs);
}
