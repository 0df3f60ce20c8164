/* syscall.c: the single ecall site (syscall6) and one thin wrapper per system call. */
#include "ulib.h"

long syscall6(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
{
	register long r0 asm("a0") = a0;
	register long r1 asm("a1") = a1;
	register long r2 asm("a2") = a2;
	register long r3 asm("a3") = a3;
	register long r4 asm("a4") = a4;
	register long r5 asm("a5") = a5;
	register long r7 asm("a7") = nr;

	/* "memory": the kernel may read or write any user buffer passed in. */
	asm volatile("ecall"
		     : "+r"(r0)
		     : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
		     : "memory");
	return r0;
}

long sys_read(int fd, void *buf, unsigned long len)
{
	return syscall6(__NR_read, fd, (long)buf, len, 0, 0, 0);
}

long sys_write(int fd, const void *buf, unsigned long len)
{
	return syscall6(__NR_write, fd, (long)buf, len, 0, 0, 0);
}

void sys_exit(int status)
{
	for (;;)
		syscall6(__NR_exit, status, 0, 0, 0, 0, 0);
}

long sys_getpid(void)
{
	return syscall6(__NR_getpid, 0, 0, 0, 0, 0, 0);
}

long sys_getppid(void)
{
	return syscall6(__NR_getppid, 0, 0, 0, 0, 0, 0);
}

long sys_sched_yield(void)
{
	return syscall6(__NR_sched_yield, 0, 0, 0, 0, 0, 0);
}

long sys_brk(unsigned long addr)
{
	return syscall6(__NR_brk, addr, 0, 0, 0, 0, 0);
}

long sys_sysinfo(struct sysinfo *info)
{
	return syscall6(__NR_sysinfo, (long)info, 0, 0, 0, 0, 0);
}

long sys_openat(int dirfd, const char *path, int flags, int mode)
{
	return syscall6(__NR_openat, dirfd, (long)path, flags, mode, 0, 0);
}

long sys_close(int fd)
{
	return syscall6(__NR_close, fd, 0, 0, 0, 0, 0);
}

long sys_lseek(int fd, long offset, int whence)
{
	return syscall6(__NR_lseek, fd, offset, whence, 0, 0, 0);
}

long sys_fstat(int fd, struct stat *st)
{
	return syscall6(__NR_fstat, fd, (long)st, 0, 0, 0, 0);
}

long sys_mmap(void *addr, unsigned long len, int prot, int flags, int fd, long offset)
{
	return syscall6(__NR_mmap, (long)addr, len, prot, flags, fd, offset);
}

long sys_munmap(void *addr, unsigned long len)
{
	return syscall6(__NR_munmap, (long)addr, len, 0, 0, 0, 0);
}

long sys_mprotect(void *addr, unsigned long len, int prot)
{
	return syscall6(__NR_mprotect, (long)addr, len, prot, 0, 0, 0);
}

long sys_fork(void)
{
	return syscall6(__NR_clone, SIGCHLD, 0, 0, 0, 0, 0);
}

long sys_execve(const char *path, char *const argv[], char *const envp[])
{
	return syscall6(__NR_execve, (long)path, (long)argv, (long)envp, 0, 0, 0);
}

long sys_wait4(int pid, int *status, int options, struct rusage *usage)
{
	return syscall6(__NR_wait4, pid, (long)status, options, (long)usage, 0, 0);
}

long sys_unlinkat(int dirfd, const char *path, int flags)
{
	return syscall6(__NR_unlinkat, dirfd, (long)path, flags, 0, 0, 0);
}
