/* syscall.c: the system-call table (designated initializers by Linux number) and its dispatcher,
 * called by entry.S for every ecall from user mode. */
#include "syscall.h"
#include "proc.h"
#include "exit.h"
#include "signal.h"
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
	/* added for libcs */
	[__NR_getcwd] = SYSCALL(sys_getcwd),
	[__NR_dup] = SYSCALL(sys_dup),
	[__NR_dup3] = SYSCALL(sys_dup3),
	[__NR_fcntl] = SYSCALL(sys_fcntl),
	[__NR_ioctl] = SYSCALL(sys_ioctl),
	[__NR_truncate] = SYSCALL(sys_truncate),
	[__NR_ftruncate] = SYSCALL(sys_ftruncate),
	[__NR_faccessat] = SYSCALL(sys_faccessat),
	[__NR_chdir] = SYSCALL(sys_chdir),
	[__NR_pipe2] = SYSCALL(sys_pipe2),
	[__NR_ppoll] = SYSCALL(sys_ppoll),
	[__NR_readv] = SYSCALL(sys_readv),
	[__NR_writev] = SYSCALL(sys_writev),
	[__NR_pread64] = SYSCALL(sys_pread64),
	[__NR_pwrite64] = SYSCALL(sys_pwrite64),
	[__NR_readlinkat] = SYSCALL(sys_readlinkat),
	[__NR_newfstatat] = SYSCALL(sys_newfstatat),
	[__NR_set_tid_address] = SYSCALL(sys_set_tid_address),
	[__NR_set_robust_list] = SYSCALL(sys_set_robust_list),
	[__NR_nanosleep] = SYSCALL(sys_nanosleep),
	[__NR_clock_gettime] = SYSCALL(sys_clock_gettime),
	[__NR_clock_getres] = SYSCALL(sys_clock_getres),
	[__NR_clock_nanosleep] = SYSCALL(sys_clock_nanosleep),
	[__NR_sched_getaffinity] = SYSCALL(sys_sched_getaffinity),
	[__NR_kill] = SYSCALL(sys_kill),
	[__NR_tkill] = SYSCALL(sys_tkill),
	[__NR_tgkill] = SYSCALL(sys_tgkill),
	[__NR_times] = SYSCALL(sys_times),
	[__NR_setpgid] = SYSCALL(sys_setpgid),
	[__NR_getpgid] = SYSCALL(sys_getpgid),
	[__NR_getsid] = SYSCALL(sys_getsid),
	[__NR_setsid] = SYSCALL(sys_setsid),
	[__NR_uname] = SYSCALL(sys_uname),
	[__NR_getrusage] = SYSCALL(sys_getrusage),
	[__NR_prctl] = SYSCALL(sys_prctl),
	[__NR_gettimeofday] = SYSCALL(sys_gettimeofday),
	[__NR_getuid] = SYSCALL(sys_getuid),
	[__NR_geteuid] = SYSCALL(sys_geteuid),
	[__NR_getgid] = SYSCALL(sys_getgid),
	[__NR_getegid] = SYSCALL(sys_getegid),
	[__NR_gettid] = SYSCALL(sys_gettid),
	[__NR_msync] = SYSCALL(sys_msync),
	[__NR_madvise] = SYSCALL(sys_madvise),
	[__NR_prlimit64] = SYSCALL(sys_prlimit64),
	[__NR_getrandom] = SYSCALL(sys_getrandom),
	[__NR_faccessat2] = SYSCALL(sys_faccessat2),
	/* the file tree */
	[__NR_mkdirat] = SYSCALL(sys_mkdirat),
	[__NR_fchdir] = SYSCALL(sys_fchdir),
	[__NR_getdents64] = SYSCALL(sys_getdents64),
	[__NR_renameat2] = SYSCALL(sys_renameat2),
	[__NR_statfs] = SYSCALL(sys_statfs),
	[__NR_fstatfs] = SYSCALL(sys_fstatfs),
	/* signals (issue 10) */
	[__NR_sigaltstack] = SYSCALL(sys_sigaltstack),
	[__NR_rt_sigsuspend] = SYSCALL(sys_rt_sigsuspend),
	[__NR_rt_sigaction] = SYSCALL(sys_rt_sigaction),
	[__NR_rt_sigprocmask] = SYSCALL(sys_rt_sigprocmask),
	[__NR_rt_sigpending] = SYSCALL(sys_rt_sigpending),
	[__NR_rt_sigtimedwait] = SYSCALL(sys_rt_sigtimedwait),
	[__NR_rt_sigreturn] = SYSCALL(sys_rt_sigreturn),
	[__NR_getitimer] = SYSCALL(sys_getitimer),
	[__NR_setitimer] = SYSCALL(sys_setitimer),
};

void do_syscall(struct pt_regs *regs)
{
	uint64_t nr = regs->x[REG_A7];
	const uint64_t *a = &regs->x[REG_A0];
	syscall_fn fn = nr < NR_SYSCALLS ? syscall_table[nr] : NULL;

	regs->x[0] = a[0];   /* the first argument, for a restart (x0 has no register to restore) */
	regs->x[REG_A0] = fn ? fn(a[0], a[1], a[2], a[3], a[4], a[5]) : -ENOSYS;
	/* e.g. kill() of oneself, or an interrupted sleep; the mask is read only when one is pending */
	if (unlikely(current->sig.pending) && signal_pending(current))
		do_signal(regs, true);
}
