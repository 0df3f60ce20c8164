/* uapi/unistd.h: Linux riscv64 system-call numbers (asm-generic), shared by the kernel and user programs. */
#ifndef _UAPI_UNISTD_H
#define _UAPI_UNISTD_H

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

#endif
