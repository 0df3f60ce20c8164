/*
 * badarg.c: shows that bad system-call arguments get clean errors instead of crashing the
 * kernel or the process: kernel, unmapped, read-only and straddling buffers, zero lengths,
 * impossible brk requests, unknown system-call numbers; and for each call added for libcs, bad
 * pointers (-EFAULT), bad descriptors (-EBADF) and bad flags or arguments (-EINVAL); the same for
 * the signal calls.
 * Expected output: one "<name>: ok" line per case (plus one note line saying what reading
 * into the text returned); exit status 0.
 */
#include "ulib.h"

#define BUF_LEN 16
#define UNMAPPED_ADDR 0x1000UL			/* below the text (which starts at 0x10000) */
#define STRADDLE_ADDR (USER_END - 0x100)	/* with STRADDLE_LEN, crosses USER_END */
#define STRADDLE_LEN 0x200UL
#define HUGE_BRK 0xffffffff00000000UL
#define UNKNOWN_SYSCALL_A 9999
#define UNKNOWN_SYSCALL_B 1000

static char buf[BUF_LEN];

static void expect(const char *name, long got, long want)
{
	check(name, got == want, "returned %ld, expected %ld", got, want);
}

/* Reading a file (this program's own) into read-only text: -EFAULT. */
static void read_into_text(void)
{
	long fd = sys_openat(AT_FDCWD, "badarg", O_RDONLY, 0);
	long got = sys_read((int)fd, (void *)main, BUF_LEN);

	printf("note: read into text returned %ld (%s)\n", got, got == -EFAULT ? "-EFAULT" : "data");
	check("read_text", got == -EFAULT, "returned %ld, expected %d", got, -EFAULT);
	sys_close((int)fd);
}

static void bad_brk(void)
{
	unsigned long brk = sys_brk(0);

	expect("brk_past_user", sys_brk(USER_END + PAGE_SIZE), brk);
	expect("brk_huge", sys_brk(HUGE_BRK), brk);
}

#define BAD_FD 63                     /* a descriptor number that is not open */
#define CALL(nr, a, b, c, d) syscall6(nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

/* The file-descriptor calls added for libcs. */
static void bad_fd_calls(void)
{
	long iov[2] = { KERNEL_ADDR, BUF_LEN };

	expect("readv_bad_fd", CALL(__NR_readv, BAD_FD, iov, 1, 0), -EBADF);
	expect("writev_kaddr", CALL(__NR_writev, 1, iov, 1, 0), -EFAULT);
	expect("writev_bad_vec", CALL(__NR_writev, 1, KERNEL_ADDR, 1, 0), -EFAULT);
	expect("writev_too_many", CALL(__NR_writev, 1, buf, 1025, 0), -EINVAL);
	expect("pread_bad_fd", CALL(__NR_pread64, BAD_FD, buf, 1, 0), -EBADF);
	expect("pread_console", CALL(__NR_pread64, 0, buf, 1, 0), -ESPIPE);
	expect("dup_bad_fd", CALL(__NR_dup, BAD_FD, 0, 0, 0), -EBADF);
	expect("dup3_same", CALL(__NR_dup3, 1, 1, 0, 0), -EINVAL);
	expect("dup3_bad_flags", CALL(__NR_dup3, 1, 5, 1, 0), -EINVAL);
	expect("dup3_big_fd", CALL(__NR_dup3, 1, 4096, 0, 0), -EBADF);
	expect("fcntl_bad_fd", CALL(__NR_fcntl, BAD_FD, F_GETFD, 0, 0), -EBADF);
	expect("fcntl_bad_cmd", CALL(__NR_fcntl, 1, 9999, 0, 0), -EINVAL);
	expect("fcntl_dupfd_big", CALL(__NR_fcntl, 1, F_DUPFD, 4096, 0), -EINVAL);
	expect("ioctl_bad_fd", CALL(__NR_ioctl, BAD_FD, 0x5401, buf, 0), -EBADF);
	expect("ioctl_kaddr", CALL(__NR_ioctl, 1, 0x5401, KERNEL_ADDR, 0), -EFAULT);
	expect("ioctl_unknown", CALL(__NR_ioctl, 1, 0x1234, buf, 0), -ENOTTY);
	expect("ftruncate_bad_fd", CALL(__NR_ftruncate, BAD_FD, 0, 0, 0), -EBADF);
	expect("ftruncate_console", CALL(__NR_ftruncate, 1, 0, 0, 0), -EINVAL);
	expect("pipe2_kaddr", CALL(__NR_pipe2, KERNEL_ADDR, 0, 0, 0), -EFAULT);
	expect("pipe2_bad_flags", CALL(__NR_pipe2, buf, O_APPEND, 0, 0), -EINVAL);
	expect("fstatat_kaddr_path", CALL(__NR_newfstatat, AT_FDCWD, KERNEL_ADDR, buf, 0), -EFAULT);
	expect("fstatat_bad_flags", CALL(__NR_newfstatat, AT_FDCWD, "badarg", buf, 1), -EINVAL);
	expect("fstatat_empty", CALL(__NR_newfstatat, AT_FDCWD, "", buf, 0), -ENOENT);
	expect("fstatat_empty_bad_fd", CALL(__NR_newfstatat, BAD_FD, "", buf, AT_EMPTY_PATH), -EBADF);
	expect("fstatat_kaddr_buf", CALL(__NR_newfstatat, AT_FDCWD, "badarg", KERNEL_ADDR, 0), -EFAULT);
	expect("faccessat_bad_mode", CALL(__NR_faccessat, AT_FDCWD, "badarg", 8, 0), -EINVAL);
	expect("readlinkat_zero_len", CALL(__NR_readlinkat, AT_FDCWD, "badarg", buf, 0), -EINVAL);
	expect("getcwd_kaddr", CALL(__NR_getcwd, KERNEL_ADDR, BUF_LEN, 0, 0), -EFAULT);
	expect("getcwd_small", CALL(__NR_getcwd, buf, 1, 0, 0), -ERANGE);
	expect("ppoll_kaddr", CALL(__NR_ppoll, KERNEL_ADDR, 1, 0, 0), -EFAULT);
	expect("ppoll_too_many", CALL(__NR_ppoll, buf, 100000, 0, 0), -EINVAL);
	expect("ppoll_bad_time", CALL(__NR_ppoll, buf, 0, KERNEL_ADDR, 0), -EFAULT);
	expect("ppoll_sigsetsize", syscall6(__NR_ppoll, (long)buf, 0, 0, (long)buf, 4, 0), -EINVAL);
}

/* Process, time and memory calls added for libcs. */
static void bad_other_calls(void)
{
	expect("clone_vm", CALL(__NR_clone, 0x100 | SIGCHLD, 0, 0, 0), -EINVAL);
	expect("clone_thread", CALL(__NR_clone, 0x10000 | SIGCHLD, 0, 0, 0), -EINVAL);
	expect("wait4_bad_options", CALL(__NR_wait4, -1, 0, 0x100, 0), -EINVAL);
	expect("robust_list_len", CALL(__NR_set_robust_list, buf, 1, 0, 0), -EINVAL);
	expect("uname_kaddr", CALL(__NR_uname, KERNEL_ADDR, 0, 0, 0), -EFAULT);
	expect("prlimit_bad_resource", CALL(__NR_prlimit64, 0, 99, 0, buf), -EINVAL);
	expect("prlimit_no_process", CALL(__NR_prlimit64, 99999, 3, 0, buf), -ESRCH);
	expect("prlimit_kaddr", CALL(__NR_prlimit64, 0, 3, 0, KERNEL_ADDR), -EFAULT);
	expect("getrandom_kaddr", CALL(__NR_getrandom, KERNEL_ADDR, 8, 0, 0), -EFAULT);
	expect("getrandom_bad_flags", CALL(__NR_getrandom, buf, 8, 0x80, 0), -EINVAL);
	expect("prctl_unknown", CALL(__NR_prctl, 0x7777, 0, 0, 0), -EINVAL);
	expect("prctl_kaddr", CALL(__NR_prctl, 16, KERNEL_ADDR, 0, 0), -EFAULT);
	expect("affinity_short", CALL(__NR_sched_getaffinity, 0, 4, buf, 0), -EINVAL);
	expect("affinity_kaddr", CALL(__NR_sched_getaffinity, 0, 8, KERNEL_ADDR, 0), -EFAULT);
	expect("clock_gettime_bad_id", CALL(__NR_clock_gettime, 77, buf, 0, 0), -EINVAL);
	expect("clock_gettime_kaddr", CALL(__NR_clock_gettime, 0, KERNEL_ADDR, 0, 0), -EFAULT);
	expect("clock_getres_bad_id", CALL(__NR_clock_getres, -5, buf, 0, 0), -EINVAL);
	expect("gettimeofday_kaddr", CALL(__NR_gettimeofday, KERNEL_ADDR, 0, 0, 0), -EFAULT);
	expect("times_kaddr", CALL(__NR_times, KERNEL_ADDR, 0, 0, 0), -EFAULT);
	expect("nanosleep_kaddr", CALL(__NR_nanosleep, KERNEL_ADDR, 0, 0, 0), -EFAULT);
	long bad_ts[2] = { 0, 1000000000L };
	expect("nanosleep_bad_nsec", CALL(__NR_nanosleep, bad_ts, 0, 0, 0), -EINVAL);
	expect("clock_nanosleep_cpu", CALL(__NR_clock_nanosleep, 2, 0, bad_ts, 0), -EINVAL);
	expect("kill_bad_signal", CALL(__NR_kill, 1, 65, 0, 0), -EINVAL);
	expect("kill_no_process", CALL(__NR_kill, 99999, 0, 0, 0), -ESRCH);
	expect("tgkill_bad_tid", CALL(__NR_tgkill, 1, 0, 0, 0), -EINVAL);
	expect("msync_bad_flags", CALL(__NR_msync, PAGE_SIZE * 16, PAGE_SIZE, 8, 0), -EINVAL);
	expect("msync_unmapped", CALL(__NR_msync, PAGE_SIZE, PAGE_SIZE, 4, 0), -ENOMEM);
	expect("madvise_bad_advice", CALL(__NR_madvise, PAGE_SIZE * 16, PAGE_SIZE, 999, 0), -EINVAL);
	expect("madvise_unaligned", CALL(__NR_madvise, 1, PAGE_SIZE, 4, 0), -EINVAL);
	expect("madvise_unmapped", CALL(__NR_madvise, PAGE_SIZE, PAGE_SIZE, 4, 0), -ENOMEM);
	expect("getpgid_no_process", CALL(__NR_getpgid, 99999, 0, 0, 0), -ESRCH);
	expect("setpgid_negative", CALL(__NR_setpgid, 0, -1, 0, 0), -EINVAL);
	expect("setpgid_no_process", CALL(__NR_setpgid, 99999, 0, 0, 0), -ESRCH);
	expect("setsid_leader", CALL(__NR_setsid, 0, 0, 0, 0), -EPERM);
}

/* The signal calls (issue 10): bad pointers, set sizes, signal numbers, flags and times. */
static void bad_signal_calls(void)
{
	unsigned long set = 0;
	long bad_tv[4] = { 0, 0, 0, 1000000L };          /* it_value.tv_usec out of range */
	long bad_ts[2] = { 0, -1 };
	long zero_ts[2] = { 0, 0 };

	expect("sigaction_kaddr", CALL(__NR_rt_sigaction, SIGUSR1, KERNEL_ADDR, 0, 8), -EFAULT);
	expect("sigaction_old_kaddr", CALL(__NR_rt_sigaction, SIGUSR1, 0, KERNEL_ADDR, 8), -EFAULT);
	expect("sigaction_setsize", CALL(__NR_rt_sigaction, SIGUSR1, 0, 0, 16), -EINVAL);
	expect("sigaction_signal_0", CALL(__NR_rt_sigaction, 0, 0, 0, 8), -EINVAL);
	expect("sigaction_signal_65", CALL(__NR_rt_sigaction, 65, 0, 0, 8), -EINVAL);
	expect("sigprocmask_kaddr", CALL(__NR_rt_sigprocmask, SIG_BLOCK, KERNEL_ADDR, 0, 8), -EFAULT);
	expect("sigprocmask_bad_how", CALL(__NR_rt_sigprocmask, 3, &set, 0, 8), -EINVAL);
	expect("sigprocmask_setsize", CALL(__NR_rt_sigprocmask, SIG_BLOCK, &set, 0, 4), -EINVAL);
	expect("sigpending_kaddr", CALL(__NR_rt_sigpending, KERNEL_ADDR, 8, 0, 0), -EFAULT);
	expect("sigpending_setsize", CALL(__NR_rt_sigpending, &set, 9, 0, 0), -EINVAL);
	expect("sigsuspend_kaddr", CALL(__NR_rt_sigsuspend, KERNEL_ADDR, 8, 0, 0), -EFAULT);
	expect("sigsuspend_setsize", CALL(__NR_rt_sigsuspend, &set, 0, 0, 0), -EINVAL);
	expect("sigtimedwait_kaddr", CALL(__NR_rt_sigtimedwait, KERNEL_ADDR, 0, zero_ts, 8), -EFAULT);
	expect("sigtimedwait_bad_time", CALL(__NR_rt_sigtimedwait, &set, 0, bad_ts, 8), -EINVAL);
	expect("sigtimedwait_timeout", CALL(__NR_rt_sigtimedwait, &set, 0, zero_ts, 8), -EAGAIN);
	expect("sigaltstack_kaddr", CALL(__NR_sigaltstack, KERNEL_ADDR, 0, 0, 0), -EFAULT);
	expect("sigaltstack_old_kaddr", CALL(__NR_sigaltstack, 0, KERNEL_ADDR, 0, 0), -EFAULT);
	expect("setitimer_bad_usec", CALL(__NR_setitimer, ITIMER_REAL, bad_tv, 0, 0), -EINVAL);
	expect("setitimer_bad_which", CALL(__NR_setitimer, 5, 0, 0, 0), -EINVAL);
	expect("setitimer_kaddr", CALL(__NR_setitimer, ITIMER_REAL, KERNEL_ADDR, 0, 0), -EFAULT);
	expect("getitimer_kaddr", CALL(__NR_getitimer, ITIMER_REAL, KERNEL_ADDR, 0, 0), -EFAULT);
}

int main(int argc, char **argv, char **envp)
{
	struct sysinfo *kernel_info = (struct sysinfo *)KERNEL_ADDR;

	expect("write_kaddr", sys_write(1, (void *)KERNEL_ADDR, BUF_LEN), -EFAULT);
	expect("write_unmapped", sys_write(1, (void *)UNMAPPED_ADDR, BUF_LEN), -EFAULT);
	read_into_text();
	expect("write_zero_len", sys_write(1, buf, 0), 0);
	expect("read_zero_len", sys_read(0, buf, 0), 0);
	bad_brk();
	expect("nosys_9999", syscall6(UNKNOWN_SYSCALL_A, 0, 0, 0, 0, 0, 0), -ENOSYS);
	expect("nosys_1000", syscall6(UNKNOWN_SYSCALL_B, 0, 0, 0, 0, 0, 0), -ENOSYS);
	expect("sysinfo_null", sys_sysinfo(NULL), -EFAULT);
	expect("sysinfo_kaddr", sys_sysinfo(kernel_info), -EFAULT);
	expect("write_straddle", sys_write(1, (void *)STRADDLE_ADDR, STRADDLE_LEN), -EFAULT);
	bad_fd_calls();
	bad_other_calls();
	bad_signal_calls();
	test_exit();
}
