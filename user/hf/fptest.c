/*
 * fptest.c: built like a program from a stock Linux cross compiler: rv64gc, hard-float ABI (lp64d),
 * no libc, raw ecalls. Parent and child each run a floating-point recurrence whose values stay in FP
 * registers across sched_yield(), so the two processes interleave with live FP state; each compares
 * its result with the same computation done without yielding. Expected: "fp_child: ok",
 * "fp_parent: ok", exit status 0 (on Linux too).
 */
#include "uapi/unistd.h"
#include "uapi/signal.h"
#define ROUNDS 20000
#define YIELD_EVERY 500

asm(".globl _start\n"
    "_start:\n"
    ".option push\n.option norelax\nla gp, __global_pointer$\n.option pop\n"
    "call main\n"
    "li a7, 93\n"
    "ecall\n");

static long syscall3(long nr, long x, long y, long z)
{
	register long a0 asm("a0") = x;
	register long a1 asm("a1") = y;
	register long a2 asm("a2") = z;
	register long a7 asm("a7") = nr;

	asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
	return a0;
}

static void print(const char *s)
{
	long n = 0;

	while (s[n])
		n++;
	syscall3(__NR_write, 1, (long)s, n);
}

/* The recurrence; a and b live in FP registers, across the yields too. */
static double work(double seed, int yield)
{
	double a = seed, b = 0.0;

	for (int i = 1; i <= ROUNDS; i++) {
		a = a * 1.0000003 + 0.25;
		b += a / i;
		if (yield && i % YIELD_EVERY == 0)
			syscall3(__NR_sched_yield, 0, 0, 0);
	}
	return a + b;
}

int main(void)
{
	double want_parent = work(1.5, 0), want_child = work(2.5, 0);
	long pid = syscall3(__NR_clone, SIGCHLD, 0, 0);
	int ok = pid == 0 ? work(2.5, 1) == want_child : work(1.5, 1) == want_parent;
	int status = -1;

	print(pid == 0 ? "fp_child: " : "fp_parent: ");
	print(ok ? "ok\n" : "FAIL registers changed across a context switch\n");
	if (pid == 0)
		return !ok;
	syscall3(__NR_wait4, pid, (long)&status, 0);
	return !(ok && status == 0);
}
