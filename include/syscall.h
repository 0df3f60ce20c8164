/* syscall.h: the system-call dispatcher and the sys_* entry points (numbers: uapi/unistd.h). */
#ifndef _SYSCALL_H
#define _SYSCALL_H

#include "types.h"

#include "uapi/unistd.h"

#define NR_SYSCALLS 440   /* one past the highest number in the table */

struct pt_regs;
void do_syscall(struct pt_regs *regs);

long sys_read(uint64_t fd, uint64_t buf, uint64_t count);
long sys_write(uint64_t fd, uint64_t buf, uint64_t count);
long sys_exit(uint64_t code);
long sys_sched_yield(void);
long sys_getpid(void);
long sys_getppid(void);
long sys_sysinfo(uint64_t info);
long sys_brk(uint64_t addr);
long sys_clone(uint64_t flags, uint64_t newsp, uint64_t ptid, uint64_t tls, uint64_t ctid);
long sys_execve(uint64_t path, uint64_t argv, uint64_t envp);
long sys_wait4(int64_t pid, uint64_t wstatus, uint64_t options, uint64_t rusage);
long sys_openat(int64_t dirfd, uint64_t path, uint64_t flags, uint64_t mode);
long sys_close(uint64_t fd);
long sys_lseek(uint64_t fd, int64_t off, uint64_t whence);
long sys_fstat(uint64_t fd, uint64_t statbuf);
long sys_unlinkat(int64_t dirfd, uint64_t path, uint64_t flags);
long sys_mmap(uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags, int64_t fd, uint64_t off);
long sys_munmap(uint64_t addr, uint64_t len);
long sys_mprotect(uint64_t start, uint64_t len, uint64_t prot);

/* Added for libcs (issue 9). int arguments are truncated to 32 bits inside, as Linux does. */
long sys_getcwd(uint64_t buf, uint64_t size);
long sys_chdir(uint64_t path);
long sys_dup(uint64_t oldfd);
long sys_dup3(uint64_t oldfd, uint64_t newfd, uint64_t flags);
long sys_fcntl(uint64_t fd, uint64_t cmd, uint64_t arg);
long sys_ioctl(uint64_t fd, uint64_t cmd, uint64_t arg);
long sys_truncate(uint64_t path, int64_t length);
long sys_ftruncate(uint64_t fd, int64_t length);
long sys_faccessat(int64_t dirfd, uint64_t path, uint64_t mode);
long sys_faccessat2(int64_t dirfd, uint64_t path, uint64_t mode, uint64_t flags);
long sys_ppoll(uint64_t fds, uint64_t nfds, uint64_t tsp, uint64_t sigmask, uint64_t sigsetsize);
long sys_pipe2(uint64_t fds, uint64_t flags);
long sys_readv(uint64_t fd, uint64_t iov, uint64_t iovcnt);
long sys_writev(uint64_t fd, uint64_t iov, uint64_t iovcnt);
long sys_pread64(uint64_t fd, uint64_t buf, uint64_t count, int64_t pos);
long sys_pwrite64(uint64_t fd, uint64_t buf, uint64_t count, int64_t pos);
long sys_readlinkat(int64_t dirfd, uint64_t path, uint64_t buf, uint64_t bufsiz);
long sys_newfstatat(int64_t dirfd, uint64_t path, uint64_t statbuf, uint64_t flags);
long sys_set_tid_address(uint64_t tidptr);
long sys_set_robust_list(uint64_t head, uint64_t len);
long sys_nanosleep(uint64_t req, uint64_t rem);
long sys_clock_gettime(int64_t id, uint64_t tp);
long sys_clock_getres(int64_t id, uint64_t tp);
long sys_clock_nanosleep(int64_t id, uint64_t flags, uint64_t req, uint64_t rem);
long sys_sched_getaffinity(int64_t pid, uint64_t len, uint64_t mask);
long sys_kill(int64_t pid, int64_t sig);
long sys_tkill(int64_t tid, int64_t sig);
long sys_tgkill(int64_t tgid, int64_t tid, int64_t sig);
long sys_setpgid(int64_t pid, int64_t pgid);
long sys_getpgid(int64_t pid);
long sys_getsid(int64_t pid);
long sys_setsid(void);
long sys_times(uint64_t buf);
long sys_uname(uint64_t buf);
long sys_getrusage(int64_t who, uint64_t ru);
long sys_prctl(uint64_t option, uint64_t arg2, uint64_t arg3, uint64_t arg4, uint64_t arg5);
long sys_gettimeofday(uint64_t tv, uint64_t tz);
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_gettid(void);
long sys_msync(uint64_t start, uint64_t len, uint64_t flags);
long sys_madvise(uint64_t start, uint64_t len, uint64_t advice);
long sys_prlimit64(int64_t pid, uint64_t resource, uint64_t new_limit, uint64_t old_limit);
long sys_getrandom(uint64_t buf, uint64_t count, uint64_t flags);

/* Signals (issue 10): sigaction.c, sigframe.c, itimer.c. */
long sys_sigaltstack(uint64_t uss, uint64_t uoss);
long sys_rt_sigsuspend(uint64_t umask, uint64_t sigsetsize);
long sys_rt_sigaction(int64_t sig, uint64_t uact, uint64_t uoact, uint64_t sigsetsize);
long sys_rt_sigprocmask(int64_t how, uint64_t uset, uint64_t uoset, uint64_t sigsetsize);
long sys_rt_sigpending(uint64_t uset, uint64_t sigsetsize);
long sys_rt_sigtimedwait(uint64_t uset, uint64_t uinfo, uint64_t uts, uint64_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_getitimer(int64_t which, uint64_t ucurr);
long sys_setitimer(int64_t which, uint64_t unew, uint64_t uold);

#endif
