/* uapi/unistd.h: Linux riscv64 system-call numbers (asm-generic), shared by the kernel and user programs. */
#ifndef _UAPI_UNISTD_H
#define _UAPI_UNISTD_H

#define __NR_getcwd 17
#define __NR_dup 23
#define __NR_dup3 24
#define __NR_fcntl 25
#define __NR_ioctl 29
#define __NR_unlinkat 35
#define __NR_truncate 45
#define __NR_ftruncate 46
#define __NR_faccessat 48
#define __NR_chdir 49
#define __NR_openat 56
#define __NR_close 57
#define __NR_pipe2 59
#define __NR_ppoll 73
#define __NR_lseek 62
#define __NR_read 63
#define __NR_write 64
#define __NR_readv 65
#define __NR_writev 66
#define __NR_pread64 67
#define __NR_pwrite64 68
#define __NR_readlinkat 78
#define __NR_newfstatat 79
#define __NR_fstat 80
#define __NR_exit 93
#define __NR_exit_group 94
#define __NR_set_tid_address 96
#define __NR_set_robust_list 99
#define __NR_nanosleep 101
#define __NR_clock_gettime 113
#define __NR_clock_getres 114
#define __NR_clock_nanosleep 115
#define __NR_sched_getaffinity 123
#define __NR_sched_yield 124
#define __NR_kill 129
#define __NR_tkill 130
#define __NR_tgkill 131
#define __NR_times 153
#define __NR_uname 160
#define __NR_getrusage 165
#define __NR_prctl 167
#define __NR_gettimeofday 169
#define __NR_getpid 172
#define __NR_getppid 173
#define __NR_getuid 174
#define __NR_geteuid 175
#define __NR_getgid 176
#define __NR_getegid 177
#define __NR_gettid 178
#define __NR_sysinfo 179
#define __NR_brk 214
#define __NR_munmap 215
#define __NR_clone 220
#define __NR_execve 221
#define __NR_mmap 222
#define __NR_mprotect 226
#define __NR_msync 227
#define __NR_madvise 233
#define __NR_wait4 260
#define __NR_prlimit64 261
#define __NR_getrandom 278
#define __NR_faccessat2 439

#endif
