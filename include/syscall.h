/* syscall.h: Linux riscv64 system-call numbers and the dispatcher. */
#ifndef _SYSCALL_H
#define _SYSCALL_H

#include "types.h"

#define __NR_unlinkat 35
#define __NR_openat 56
#define __NR_close 57
#define __NR_lseek 62
#define __NR_read 63
#define __NR_write 64
#define __NR_fstat 80
#define __NR_exit 93
#define __NR_exit_group 94
#define __NR_sched_yield 124
#define __NR_getpid 172
#define __NR_getppid 173
#define __NR_sysinfo 179
#define __NR_brk 214
#define __NR_munmap 215
#define __NR_clone 220
#define __NR_execve 221
#define __NR_mmap 222
#define __NR_mprotect 226
#define __NR_wait4 260
#define NR_SYSCALLS 261

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
