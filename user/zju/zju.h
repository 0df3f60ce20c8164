/*
 * zju.h: the user library of programs written for the ZJU lab kernel, in that lab's conventions:
 * raw ecalls with only a7 and the real arguments set. fork() sets a7 = 220 and nothing else, so clone's
 * argument registers hold whatever the caller left there (the kernel's zju=1 mode takes 220 as a plain
 * fork). printf (the project's user library's, as the lab's: format, then write(1, ...)) and zju_exit
 * (sys_exit: this project's addition; the lab's programs never end, these do, so a test sees the kernel
 * power off) are linked from user/lib.
 */
#ifndef ZJU_H
#define ZJU_H

#define ZJU_SYS_WRITE 64
#define ZJU_SYS_EXIT 93
#define ZJU_SYS_GETPID 172
#define ZJU_SYS_CLONE 220
#define ZJU_STDOUT 1
#define ZJU_ROUNDS 3                 /* prints per process before it exits */
#define ZJU_WAIT 2000000UL           /* busy-wait iterations between prints */

/* The lab's getpid: inline, so calling it touches no other text page. */
static inline long getpid(void)
{
	register long a0 asm("a0");
	register long a7 asm("a7") = ZJU_SYS_GETPID;

	asm volatile("ecall" : "=r"(a0) : "r"(a7) : "memory");
	return a0;
}

/* The lab's fork: a7 = 220 and ecall; a0 and a1 are left as they are. */
static inline long fork(void)
{
	register long a0 asm("a0");
	register long a7 asm("a7") = ZJU_SYS_CLONE;

	asm volatile("ecall" : "=r"(a0) : "r"(a7) : "memory");
	return a0;
}

/* The lab's busy wait between prints. */
static inline void wait(unsigned long n)
{
	for (volatile unsigned long i = 0; i < n; i++)
		;
}

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sys_exit(int status) __attribute__((noreturn));
#define zju_exit(code) sys_exit(code)

/* main goes first in the text, right after _start (see link.lds). */
#define ZJU_MAIN __attribute__((section(".text.main"))) int main(void)

#endif
