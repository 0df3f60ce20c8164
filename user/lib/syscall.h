/* syscall.h: Linux riscv64 system-call numbers and raw ecall wrappers (results are the kernel's raw value). */
#ifndef USER_SYSCALL_H
#define USER_SYSCALL_H

/*
 * Contract for every wrapper below: the return value is exactly what the kernel put in a0.
 * Success is >= 0 (or an address, for brk/mmap); failure is -errno (e.g. -EFAULT = -14).
 * Nothing is translated to -1 plus a global errno.
 */

#include "uapi/unistd.h"   /* __NR_* numbers, shared with the kernel */

struct sysinfo;
struct stat;
struct rusage;

/* Issues system call nr with arguments a0..a5 (unused ones may be anything, 0 by convention). */
long syscall6(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

long sys_read(int fd, void *buf, unsigned long len);
long sys_write(int fd, const void *buf, unsigned long len);
/* Ends the calling process with status; never returns. */
void sys_exit(int status) __attribute__((noreturn));
long sys_getpid(void);
long sys_getppid(void);
long sys_sched_yield(void);
/* brk(0) reports the current break; brk(x) asks for break x and returns the break now in force. */
long sys_brk(unsigned long addr);
long sys_sysinfo(struct sysinfo *info);
long sys_openat(int dirfd, const char *path, int flags, int mode);
long sys_close(int fd);
long sys_lseek(int fd, long offset, int whence);
long sys_fstat(int fd, struct stat *st);
/* Returns the mapped address, or -errno (always in [-4095, -1]). */
long sys_mmap(void *addr, unsigned long len, int prot, int flags, int fd, long offset);
long sys_munmap(void *addr, unsigned long len);
long sys_mprotect(void *addr, unsigned long len, int prot);
/* clone(SIGCHLD, 0, 0, 0, 0): returns the child's pid in the parent and 0 in the child. */
long sys_fork(void);
long sys_execve(const char *path, char *const argv[], char *const envp[]);
long sys_wait4(int pid, int *status, int options, struct rusage *usage);
long sys_unlinkat(int dirfd, const char *path, int flags);

#endif
