/* ulib.h: the tiny user libc: constants of the Linux riscv64 ABI, kernel structs, and library declarations. */
#ifndef USER_ULIB_H
#define USER_ULIB_H

#include <stdarg.h>
#include <stddef.h>
#include "syscall.h"

#define PAGE_SIZE 4096UL
#define PAGE_ROUND_UP(addr) (((addr) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

/* An address inside the kernel's half of the address space: never accessible from user mode. */
#define KERNEL_ADDR 0xffffffe000200000UL

/* Linux errno values (system calls return their negation), open and mmap flags: shared with the kernel. */
#include "uapi/errno.h"
#include "uapi/fcntl.h"
#include "uapi/mman.h"
/* Numbers of the calls added for libcs (call them with syscall6), and their structures. */
#include "uapi/unistd.h"
#include "uapi/time.h"

/* Signals (a process killed by signal s has wait status s; a shell reports 128 + s), wait4 status
 * decoding, fstat's struct stat and st_mode bits, sysinfo, auxv types, USER_END: shared with the kernel. */
#include "uapi/signal.h"
#include "uapi/wait.h"
#include "uapi/stat.h"
#include "uapi/sysinfo.h"
#include "uapi/auxvec.h"
#include "uapi/layout.h"

/* mmap: true when a result is an error (-errno, in [-4095, -1]) rather than an address. */
#define MMAP_FAILED(result) ((unsigned long)(result) >= -4095UL)

/* Set by _start (start.S). */
/* instret as read by the process's very first instruction: the boot benchmark's end point. */
extern unsigned long __start_instret;
/* Start of the auxiliary vector: (type, value) pairs ending with type AT_NULL. */
extern unsigned long *__auxv;

/* The hart's retired-instruction counter (the kernel must allow it via scounteren.IR). */
static inline unsigned long rdinstret(void)
{
	unsigned long n;
	asm volatile("csrr %0, instret" : "=r"(n));
	return n;
}

/* The current stack pointer. */
static inline unsigned long read_sp(void)
{
	unsigned long sp;
	asm volatile("mv %0, sp" : "=r"(sp));
	return sp;
}

/* string.c: the C standard contracts. */
void *memset(void *dst, int byte, size_t len);
void *memcpy(void *dst, const void *src, size_t len);
int memcmp(const void *a, const void *b, size_t len);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t len);
char *strcpy(char *dst, const char *src);

/* atoi.c: optional sign then decimal digits; stops at the first non-digit; no overflow check. */
int atoi(const char *s);

/* auxv.c: finds the auxv entry of this type; returns 1 and stores its value, or 0 if absent. */
int auxv_get(unsigned long type, unsigned long *value);

/*
 * printf.c: formatting. Conversions: %d %i %u %x %X %p %s %c %%, length modifiers l and ll,
 * flags '-' (left-justify) and '0' (zero-pad), and a decimal field width.
 * vsnprintf/snprintf store at most size-1 characters plus a NUL and return the length the
 * whole result would have had. printf formats into a PRINTF_MAX-byte buffer (truncating
 * longer output) and issues exactly one write(1, ...) per call.
 */
#define PRINTF_MAX 1024
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Writes s and a newline with one write. */
int puts(const char *s);

/*
 * check.c: test reporting. check() prints "<name>: ok" when ok is non-zero, otherwise
 * "<name>: FAIL <detail>" (detail formatted from fmt like printf) and records the failure.
 * It returns ok. test_exit() exits 0 if no check failed, 1 otherwise.
 */
int check(const char *name, int ok, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void test_exit(void) __attribute__((noreturn));
/*
 * check_child() checks a child's wait status (or the -errno of fork or wait4, as wait_child and
 * fork_run return it): with signal 0 the child must have exited with 0, otherwise it must have
 * been killed by signal. Returns the verdict, like check().
 */
int check_child(const char *name, long status, int signal);

/*
 * fatal.c: for programs that must be killed. Prints "<name>: about to fault", calls fault();
 * if that returns, prints "<name>: FAIL survived" and exits 1.
 */
void expect_fatal(const char *name, void (*fault)(void)) __attribute__((noreturn));

/*
 * faults.c: each function makes an access or runs an instruction that must kill the process;
 * fatal_cases lists them with a short name and the signal the process must die by.
 */
void fault_store_text(void);		/* store into the function's own text: SIGSEGV */
void fault_load_null(void);		/* load from address 0: SIGSEGV */
void fault_load_kaddr(void);		/* load from KERNEL_ADDR: SIGSEGV */
void fault_exec_data(void);		/* jump into non-executable .data: SIGSEGV */
void fault_illegal(void);		/* the all-zero (illegal) instruction: SIGILL */
void fault_priv(void);			/* csrr of the supervisor CSR sstatus: SIGILL */
void fault_stack_overflow(void);	/* endless recursion past the 8 MiB stack: SIGSEGV */

struct fatal_case {
	const char *name;
	void (*fault)(void);
	int signal;
};
#define NR_FATAL_CASES 7
extern const struct fatal_case fatal_cases[NR_FATAL_CASES];

/*
 * demo.c: for the time-sharing demos. demo_rounds() is atoi(argv[1]) if given, else 3;
 * demo_spin() burns about 8 million instructions, so the timer interleaves processes.
 * demo_print_global() prints "[<tag>] pid: <pid> is running! global_variable: <*counter>" and
 * then increments *counter; demo_print_rounds() does that and demo_spin() rounds times.
 */
int demo_rounds(int argc, char **argv);
void demo_spin(void);
void demo_print_global(const char *tag, int *counter);
void demo_print_rounds(const char *tag, int *counter, int rounds);

/*
 * pfh.c: prints "[U-MODE] pid: <pid>, sp is 0x<sp>, this is print No.<n>" for
 * n = 1..demo_rounds(), calling demo_spin() after each.
 */
void pfh_print_rounds(int argc, char **argv);

/*
 * proc.c: process helpers.
 * reap_children() calls wait4(-1) until it fails (-ECHILD once no child is left) and returns
 * how many children it reaped.
 * wait_child() waits for child pid and returns its wait4 status word, or wait4's -errno; a
 * negative pid (a failed fork's -errno) comes back unchanged.
 * fork_run() forks; the child exits with child(arg); the parent waits for that child and
 * returns its status word, or the -errno of fork or wait4. fork_exit(code) is fork_run with a
 * child that exits with code at once.
 * yield_times() calls sched_yield that many times.
 * exec_prog() calls execve(name) and, if that returns -ENOENT, execve(EXEC_HOST_DIR name):
 * this kernel finds a program by its base name in the ramdisk, while Linux (qemu-riscv64) needs
 * a path, which EXEC_HOST_DIR gives when run from the repository root. It returns only on
 * failure, with the last call's -errno.
 */
#define EXEC_HOST_DIR "build/user/"
int reap_children(void);
long wait_child(long pid);
long fork_run(int (*child)(void *arg), void *arg);
long fork_exit(int code);
void yield_times(int times);
long exec_prog(const char *name, char *const argv[], char *const envp[]);
/*
 * access_in_child() forks a child that makes one access to addr, a byte load, or a byte store of
 * value when store is non-zero, and then exits 0; it returns the child's wait status (the access
 * killed the child if WIFSIGNALED), or the -errno of fork or wait4.
 */
long access_in_child(void *addr, int store, unsigned char value);
/*
 * await_flag() calls sched_yield until *flag is non-zero (set by another process through shared
 * memory), at most AWAIT_YIELDS times; it returns the flag's last value (0: it never came).
 */
#define AWAIT_YIELDS 100000
int await_flag(volatile int *flag);

/*
 * pages.c: heap_grow() moves the break up by bytes from the next page boundary and returns that
 * boundary, or 0 if brk refused. pages_fill() writes a pattern word (from seed and the page
 * index) into the first and last word of each of pages pages from base, touching every page;
 * seed 0 writes zeros. pages_first_bad() returns the index of the first page that does not hold
 * seed's pattern (seed 0: zeros), or pages when all do.
 */
unsigned long heap_grow(unsigned long bytes);
void pages_fill(void *base, unsigned long pages, unsigned seed);
unsigned long pages_first_bad(const void *base, unsigned long pages, unsigned seed);

/*
 * files.c: test files whose bytes follow a pattern. file_pattern() is the byte at a file offset
 * for a seed; it differs between neighbouring pages, so a page at the wrong offset shows.
 * file_create() creates (or truncates) name, writes len pattern bytes of seed with write() and
 * returns the descriptor, open O_RDWR at offset len, or -errno (a short write gives -EIO and
 * removes the file). pattern_first_bad() compares len bytes at mem with the pattern from file
 * offset offset; bytes_first_not() compares len bytes at mem with byte. Both return the index of
 * the first byte that differs, or len when none does. read_at() is lseek(SEEK_SET) then read:
 * read's result, or lseek's -errno. file_size() is fstat's st_size, or fstat's -errno.
 */
unsigned char file_pattern(unsigned long offset, unsigned seed);
long file_create(const char *name, unsigned long len, unsigned seed);
unsigned long pattern_first_bad(const void *mem, unsigned long offset, unsigned long len,
				unsigned seed);
unsigned long bytes_first_not(const void *mem, unsigned char byte, unsigned long len);
long read_at(int fd, long offset, void *buf, unsigned long len);
long file_size(int fd);

/*
 * report.c: prints a benchmark figure as "bench: <name> <instructions> (target <target>)".
 * EXEC_STAMP_DIGITS and EXEC_STAMP_BASE: the exec benchmark passes an instret value to the new
 * program as a string of 16 letters, one a nibble from the most significant, each nibble + 'A'.
 */
#define EXEC_STAMP_DIGITS 16
#define EXEC_STAMP_BASE 'A'
void bench_report(const char *name, long instructions, long target);

/*
 * signals.c: sig_action() is rt_sigaction(sig, {handler, flags, mask}, old) (old may be NULL);
 * sig_procmask() rt_sigprocmask(how, &set, old); sig_blocked() and sig_pending() read the blocked
 * and the blocked-pending sets; sig_suspend() is rt_sigsuspend(&mask); sig_altstack() is
 * sigaltstack({sp, flags, size}, old); sig_alarm_us() arms ITIMER_REAL once (0 disarms). Each
 * returns the call's result (-errno). A handler is an ordinary function
 * void h(int sig, k_siginfo_t *si, struct k_ucontext *uc): the kernel's trampoline returns from it.
 */
long sig_action(int sig, unsigned long handler, unsigned long flags, unsigned long mask, struct k_sigaction *old);
long sig_procmask(int how, unsigned long set, unsigned long *old);
unsigned long sig_blocked(void);
unsigned long sig_pending(void);
long sig_suspend(unsigned long mask);
long sys_kill(int pid, int sig);
long sig_altstack(void *sp, unsigned long size, int flags, k_stack_t *old);
long sig_alarm_us(unsigned long usec);
#define HANDLER(fn) ((unsigned long)(void *)(fn))

int main(int argc, char **argv, char **envp);

#endif
