/* syscall.h: the system-call dispatcher and the sys_* entry points (numbers: uapi/unistd.h). */
#ifndef _SYSCALL_H
#define _SYSCALL_H

#include "types.h"

#include "uapi/unistd.h"

#define NR_SYSCALLS 261   /* one past the highest number in the table */

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

#endif
