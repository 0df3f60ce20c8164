/*
 * sigtest.c: signals with raw system calls, as a user would check them: user-level demand paging
 * (64 PROT_NONE pages mapped one by one from a SIGSEGV handler), a write barrier, a stack overflow
 * caught on sigaltstack, a handler skipping a faulting instruction by changing the saved pc, SIGBUS
 * past EOF fixed by the handler, kill between processes (handlers and default actions), masks and
 * pending signals, SA_NODEFER/SA_RESETHAND, an interval timer interrupting a blocking read (-EINTR,
 * or restarted with SA_RESTART), nanosleep's time left, SIGPIPE, SIGCHLD, and what fork and exec
 * keep. `sigtest exec-check` is the program exec'd by the inheritance check.
 */
#include "ulib.h"

#define PAGING_PAGES 64
#define SIG_BIT(sig) (1UL << ((sig) - 1))
#define INSN_LEN 4

static volatile int hits, last_code, last_sig, nested, max_nested;
static volatile unsigned long last_addr, last_sp;
static volatile int last_pid, last_status;
static volatile unsigned char *region;             /* the demand-paged region */

static void on_paging_fault(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	unsigned long page = (unsigned long)si->u.si_addr & ~(PAGE_SIZE - 1);

	hits++;
	last_code = si->si_code;
	last_addr = (unsigned long)si->u.si_addr;
	sys_mprotect((void *)page, PAGE_SIZE, PROT_READ | PROT_WRITE);
}

static void test_demand_paging(void)
{
	long r = sys_mmap(0, PAGING_PAGES * PAGE_SIZE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int bad = 0;

	region = (volatile unsigned char *)r;
	sig_action(SIGSEGV, HANDLER(on_paging_fault), SA_SIGINFO, 0, 0);
	hits = 0;
	for (int i = 0; i < PAGING_PAGES; i++)
		region[i * PAGE_SIZE + 7] = (unsigned char)i;
	for (int i = 0; i < PAGING_PAGES; i++)
		bad += region[i * PAGE_SIZE + 7] != (unsigned char)i;
	check("paging_64_faults", hits == PAGING_PAGES && bad == 0, "%d faults, %d bad pages", hits, bad);
	check("paging_si_code", last_code == SEGV_ACCERR && last_addr == (unsigned long)region + 63 * PAGE_SIZE + 7,
	      "code %d addr 0x%lx", last_code, last_addr);
	sys_munmap((void *)region, PAGING_PAGES * PAGE_SIZE);
}

static void on_barrier(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	hits++;
	last_addr = (unsigned long)si->u.si_addr;
	last_code = si->si_code;
	sys_mprotect((void *)(last_addr & ~(PAGE_SIZE - 1)), PAGE_SIZE, PROT_READ | PROT_WRITE);
}

static void test_write_barrier(void)
{
	volatile unsigned long *heap = (volatile unsigned long *)sys_mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
							 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	heap[0] = 1;
	heap[PAGE_SIZE / 8] = 2;
	sys_mprotect((void *)heap, 2 * PAGE_SIZE, PROT_READ);
	sig_action(SIGSEGV, HANDLER(on_barrier), SA_SIGINFO, 0, 0);
	hits = 0;
	heap[PAGE_SIZE / 8 + 5] = 42;             /* the second page only */
	heap[PAGE_SIZE / 8 + 6] = 43;             /* already unprotected: no fault */
	check("barrier_recorded", hits == 1 && last_addr == (unsigned long)&heap[PAGE_SIZE / 8 + 5] &&
	      last_code == SEGV_ACCERR, "%d hits at 0x%lx code %d", hits, last_addr, last_code);
	check("barrier_values", heap[PAGE_SIZE / 8 + 5] == 42 && heap[0] == 1, "values %lu %lu",
	      heap[PAGE_SIZE / 8 + 5], heap[0]);
	sys_munmap((void *)heap, 2 * PAGE_SIZE);
}

static char altstack[4 * MINSIGSTKSZ] __attribute__((aligned(16)));

static void on_overflow(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	unsigned long sp = read_sp();
	int on_alt = sp > (unsigned long)altstack && sp <= (unsigned long)altstack + sizeof(altstack);
	k_stack_t now;

	syscall6(__NR_sigaltstack, 0, (long)&now, 0, 0, 0, 0);
	printf("overflow handler: code %d, on the alternate stack %d, ss_flags %d\n", si->si_code, on_alt,
	       now.ss_flags);
	sys_exit(on_alt && si->si_code == SEGV_MAPERR && now.ss_flags == SS_ONSTACK &&
		 sig_altstack(altstack, sizeof(altstack), 0, 0) == -EPERM ? 0 : 1);
}

static int overflow_child(void *arg)
{
	check("altstack_small", sig_altstack(altstack, MINSIGSTKSZ - 1, 0, 0) == -ENOMEM, "small stack accepted");
	check("altstack_flags", sig_altstack(altstack, sizeof(altstack), 77, 0) == -EINVAL, "bad flags accepted");
	sig_altstack(altstack, sizeof(altstack), 0, 0);
	sig_action(SIGSEGV, HANDLER(on_overflow), SA_SIGINFO | SA_ONSTACK, 0, 0);
	fault_stack_overflow();
	return 2;
}

static void on_skip(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	hits++;
	last_sig = sig;
	last_code = si->si_code;
	last_addr = (unsigned long)si->u.si_addr;
	uc->uc_mcontext.sc_regs[0] += INSN_LEN;   /* the saved pc: skip the faulting instruction */
}

static void on_clobber(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	asm volatile("li s0, 0\n li s1, 0\n li s2, 0\n li s11, 0\n li t6, 0\n li a5, 0\n li gp, 0\n li tp, 0"
		     ::: "s0", "s1", "s2", "s11", "t6", "a5", "memory");
	hits++;
}

/* Every register but a0 (kill's result) comes back from a handler as it was: each set to a known
 * value, a signal sent by ecall, then each stored and compared. */
static void test_registers_kept(void)
{
	static unsigned long saved[32];
	int bad = -1;

	sig_action(SIGUSR1, HANDLER(on_clobber), SA_SIGINFO, 0, 0);
	hits = 0;
	asm volatile(
		"mv t0, %0\n"
		"sd gp, 3*8(t0)\n sd tp, 4*8(t0)\n sd s0, 8*8(t0)\n sd s1, 9*8(t0)\n sd ra, 1*8(t0)\n"
		"sd s2, 18*8(t0)\n sd s3, 19*8(t0)\n sd s4, 20*8(t0)\n sd s5, 21*8(t0)\n sd s6, 22*8(t0)\n"
		"sd s7, 23*8(t0)\n sd s8, 24*8(t0)\n sd s9, 25*8(t0)\n sd s10, 26*8(t0)\n sd s11, 27*8(t0)\n"
		"sd sp, 2*8(t0)\n"
		"li s0, 0x1008\n li s1, 0x1009\n li s2, 0x1012\n li s3, 0x1013\n li s4, 0x1014\n li s5, 0x1015\n"
		"li s6, 0x1016\n li s7, 0x1017\n li s8, 0x1018\n li s9, 0x1019\n li s10, 0x1020\n li s11, 0x1021\n"
		"li t1, 0x1006\n li t2, 0x1007\n li t3, 0x1028\n li t4, 0x1029\n li t5, 0x1030\n li t6, 0x1031\n"
		"li a3, 0x1013\n li a4, 0x1014\n li a5, 0x1015\n li a6, 0x1016\n li ra, 0x1001\n"
		"li gp, 0x1003\n li tp, 0x1004\n"
		"mv a1, t0\n li a2, 0x1012\n"
		"li a7, %1\n ecall\n"                      /* getpid */
		"li a1, %3\n li a7, %2\n ecall\n"          /* kill(getpid(), SIGUSR1) */
		"li a1, 0x1011\n"
		"sd ra, 10*8(t0)\n sd gp, 11*8(t0)\n sd tp, 12*8(t0)\n sd s0, 13*8(t0)\n sd s1, 14*8(t0)\n"
		"sd s2, 15*8(t0)\n sd s11, 16*8(t0)\n sd t6, 17*8(t0)\n sd a5, 28*8(t0)\n sd a2, 29*8(t0)\n"
		"sd a7, 30*8(t0)\n sd t1, 31*8(t0)\n"
		"ld gp, 3*8(t0)\n ld tp, 4*8(t0)\n ld s0, 8*8(t0)\n ld s1, 9*8(t0)\n ld ra, 1*8(t0)\n"
		"ld s2, 18*8(t0)\n ld s3, 19*8(t0)\n ld s4, 20*8(t0)\n ld s5, 21*8(t0)\n ld s6, 22*8(t0)\n"
		"ld s7, 23*8(t0)\n ld s8, 24*8(t0)\n ld s9, 25*8(t0)\n ld s10, 26*8(t0)\n ld s11, 27*8(t0)\n"
		: : "r"(saved), "i"(__NR_getpid), "i"(__NR_kill), "i"(SIGUSR1)
		: "t0", "t1", "t2", "t3", "t4", "t5", "t6", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "memory");
	static const unsigned long want[] = { 0x1001, 0x1003, 0x1004, 0x1008, 0x1009, 0x1012, 0x1021, 0x1031,
					      0x1015, 0x1012, __NR_kill, 0x1006 };
	static const int slot[] = { 10, 11, 12, 13, 14, 15, 16, 17, 28, 29, 30, 31 };
	for (int i = 0; i < 12 && bad < 0; i++)
		if (saved[slot[i]] != want[i])
			bad = i;
	check("registers_kept", hits == 1 && bad < 0, "hits %d, register %d is 0x%lx", hits, bad,
	      bad < 0 ? 0 : saved[slot[bad]]);
	sig_action(SIGUSR1, SIG_DFL, 0, 0, 0);
}

static void test_skip_instruction(void)
{
	unsigned long pc;

	sig_action(SIGSEGV, HANDLER(on_skip), SA_SIGINFO, 0, 0);
	sig_action(SIGILL, HANDLER(on_skip), SA_SIGINFO, 0, 0);
	hits = 0;
	asm volatile(".option push\n.option norvc\n1: auipc %0, 0\n lw zero, 0(zero)\n.option pop" : "=r"(pc));
	check("skip_load", hits == 1 && last_sig == SIGSEGV && last_code == SEGV_MAPERR && last_addr == 0,
	      "hits %d sig %d code %d addr 0x%lx", hits, last_sig, last_code, last_addr);
	asm volatile(".option push\n.option norvc\n auipc %0, 0\n csrr zero, sstatus\n.option pop" : "=r"(pc));
	check("skip_illegal", hits == 2 && last_sig == SIGILL && last_code == ILL_ILLOPC && last_addr == pc + 4,
	      "hits %d sig %d code %d addr 0x%lx pc 0x%lx", hits, last_sig, last_code, last_addr, pc);
	sig_action(SIGSEGV, SIG_DFL, 0, 0, 0);
	sig_action(SIGILL, SIG_DFL, 0, 0, 0);
}

static int bus_fd;

static void on_bus(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	hits++;
	last_code = si->si_code;
	last_addr = (unsigned long)si->u.si_addr;
	syscall6(__NR_ftruncate, bus_fd, 2 * PAGE_SIZE, 0, 0, 0, 0);   /* the file now reaches the page */
}

static void test_sigbus(void)
{
	volatile unsigned char *map;

	bus_fd = (int)file_create("sigbus.dat", 100, 3);
	map = (volatile unsigned char *)sys_mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, bus_fd, 0);
	sig_action(SIGBUS, HANDLER(on_bus), SA_SIGINFO, 0, 0);
	hits = 0;
	map[PAGE_SIZE + 1] = 9;
	check("sigbus_caught", hits == 1 && last_code == BUS_ADRERR && last_addr == (unsigned long)map + PAGE_SIZE + 1,
	      "hits %d code %d addr 0x%lx", hits, last_code, last_addr);
	check("sigbus_retried", map[PAGE_SIZE + 1] == 9 && file_size(bus_fd) == 2 * PAGE_SIZE, "not retried");
	sys_munmap((void *)map, 2 * PAGE_SIZE);
	sys_close(bus_fd);
	sys_unlinkat(AT_FDCWD, "sigbus.dat", 0);
	sig_action(SIGBUS, SIG_DFL, 0, 0, 0);
}

static void on_note(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	hits++;
	last_sig = sig;
	last_code = si->si_code;
	last_pid = si->u.proc.si_pid;
	last_status = si->u.proc.si_status;
	nested++;
	if (nested > max_nested)
		max_nested = nested;
	if (sig == SIGUSR2 && hits == 1)
		sys_kill(sys_getpid(), SIGUSR2);    /* nested at once with SA_NODEFER, else after return */
	nested--;
}

/* The child waits for SIGUSR1 in sigsuspend and exits 0 if it came from the parent with SI_USER. */
static int kill_child(void *arg)
{
	int *fds = arg;

	sig_procmask(SIG_BLOCK, SIG_BIT(SIGUSR1), 0);
	sig_action(SIGUSR1, HANDLER(on_note), SA_SIGINFO, 0, 0);
	sys_write(fds[1], "r", 1);
	hits = 0;
	long r = sig_suspend(0);
	return !(r == -EINTR && hits == 1 && last_pid == sys_getppid() && last_code == SI_USER &&
		 sig_blocked() == SIG_BIT(SIGUSR1));
}

static void test_kill(void)
{
	int fds[2];
	char c;
	long pid, status;

	syscall6(__NR_pipe2, (long)fds, 0, 0, 0, 0, 0);
	pid = sys_fork();
	if (pid == 0)
		sys_exit(kill_child(fds));
	sys_read(fds[0], &c, 1);
	sys_kill((int)pid, SIGUSR1);
	check_child("kill_handler", wait_child(pid), 0);
	pid = sys_fork();
	if (pid == 0) {
		for (;;)
			sig_suspend(0);
	}
	sys_sched_yield();
	sys_kill((int)pid, SIGTERM);
	check_child("kill_default_term", wait_child(pid), SIGTERM);
	pid = sys_fork();
	if (pid == 0)
		for (;;)
			sys_sched_yield();
	sys_kill((int)pid, SIGQUIT);
	status = wait_child(pid);
	check("kill_default_core", status == SIGQUIT, "status 0x%lx (no core bit without a core file)", status);
	check("kill_bad_signal", sys_kill(sys_getpid(), 65) == -EINVAL && sys_kill(sys_getpid(), -1) == -EINVAL,
	      "accepted");
	check("kill_no_process", sys_kill(99999, SIGUSR1) == -ESRCH, "found");
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void test_masks(void)
{
	sig_action(SIGUSR2, HANDLER(on_note), SA_SIGINFO, 0, 0);
	sig_procmask(SIG_BLOCK, SIG_BIT(SIGUSR2), 0);
	hits = 0;
	sys_kill(sys_getpid(), SIGUSR2);
	sys_kill(sys_getpid(), SIGUSR2);          /* a standard signal is pending once */
	check("mask_blocked", hits == 0 && sig_pending() == SIG_BIT(SIGUSR2), "hits %d pending 0x%lx", hits,
	      sig_pending());
	max_nested = 0;
	sig_procmask(SIG_UNBLOCK, SIG_BIT(SIGUSR2), 0);
	/* the handler sends SIGUSR2 again: blocked in it, so it runs after the first returns */
	check("mask_delivered", hits == 2 && max_nested == 1 && sig_pending() == 0, "hits %d nested %d", hits,
	      max_nested);
	sig_action(SIGUSR2, HANDLER(on_note), SA_SIGINFO | SA_NODEFER, 0, 0);
	hits = max_nested = 0;
	sys_kill(sys_getpid(), SIGUSR2);
	check("mask_nodefer", hits == 2 && max_nested == 2, "hits %d nested %d", hits, max_nested);
	sig_action(SIGUSR2, HANDLER(on_note), SA_SIGINFO | SA_RESETHAND, 0, 0);
	hits = 5;                                 /* the handler sends nothing more */
	sys_kill(sys_getpid(), SIGUSR2);
	struct k_sigaction old;
	sig_action(SIGUSR2, SIG_IGN, 0, 0, &old);
	check("mask_resethand", hits == 6 && old.handler == SIG_DFL, "hits %d handler 0x%lx", hits, old.handler);
	sig_action(SIGUSR2, HANDLER(on_note), SA_SIGINFO, 0, 0);
	sig_procmask(SIG_SETMASK, SIG_BIT(SIGUSR2), 0);
	sys_kill(sys_getpid(), SIGUSR2);
	hits = 5;
	unsigned long open_mask = 0;
	struct timespec ts = { 1, 0 };
	long r = syscall6(__NR_ppoll, 0, 0, (long)&ts, (long)&open_mask, SIGSET_SIZE, 0);
	check("ppoll_sigmask", r == -EINTR && hits == 6 && sig_blocked() == SIG_BIT(SIGUSR2), "ppoll %ld hits %d blocked 0x%lx",
	      r, hits, sig_blocked());
	sig_action(SIGUSR2, SIG_DFL, 0, 0, 0);
	sig_procmask(SIG_SETMASK, SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP) | SIG_BIT(SIGINT), 0);
	check("mask_unblockable", sig_blocked() == SIG_BIT(SIGINT), "blocked 0x%lx", sig_blocked());
	sig_procmask(SIG_SETMASK, 0, 0);
}

static int wfd;                               /* the pipe's write end, for on_alarm */

static void on_alarm(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	hits++;
	last_code = si->si_code;
	if (wfd)
		sys_write(wfd, "x", 1);
}

static void test_alarm(void)
{
	int fds[2];
	char c;
	long r;

	syscall6(__NR_pipe2, (long)fds, 0, 0, 0, 0, 0);
	sig_action(SIGALRM, HANDLER(on_alarm), SA_SIGINFO, 0, 0);
	hits = 0;
	wfd = 0;
	sig_alarm_us(20000);
	r = sys_read(fds[0], &c, 1);
	check("alarm_eintr", r == -EINTR && hits == 1 && last_code == SI_KERNEL, "read %ld hits %d code %d", r, hits,
	      last_code);
	sig_action(SIGALRM, HANDLER(on_alarm), SA_SIGINFO | SA_RESTART, 0, 0);
	wfd = fds[1];
	sig_alarm_us(20000);
	r = sys_read(fds[0], &c, 1);
	check("alarm_restart", r == 1 && c == 'x' && hits == 2, "read %ld hits %d", r, hits);
	wfd = 0;
	struct timespec req = { 1, 0 }, rem = { 0, 0 };
	sig_alarm_us(100000);
	r = syscall6(__NR_nanosleep, (long)&req, (long)&rem, 0, 0, 0, 0);
	check("nanosleep_rem", r == -EINTR && rem.tv_sec == 0 && rem.tv_nsec > 850000000 && rem.tv_nsec < 910000000,
	      "result %ld rem %ld.%09ld", r, rem.tv_sec, rem.tv_nsec);
	sys_close(fds[0]);
	sys_close(fds[1]);
}

static void test_sigpipe(void)
{
	int fds[2];
	long r, pid;

	syscall6(__NR_pipe2, (long)fds, 0, 0, 0, 0, 0);
	sys_close(fds[0]);
	sig_action(SIGPIPE, HANDLER(on_note), SA_SIGINFO, 0, 0);
	hits = 0;
	r = sys_write(fds[1], "x", 1);
	check("sigpipe_handled", r == -EPIPE && hits == 1 && last_sig == SIGPIPE, "write %ld hits %d", r, hits);
	sig_action(SIGPIPE, SIG_DFL, 0, 0, 0);
	pid = sys_fork();
	if (pid == 0)
		sys_exit(sys_write(fds[1], "x", 1) == -EPIPE ? 3 : 4);
	check_child("sigpipe_default", wait_child(pid), SIGPIPE);
	sys_close(fds[1]);
}

static void test_sigchld(void)
{
	long pid, r;

	sig_action(SIGCHLD, HANDLER(on_note), SA_SIGINFO, 0, 0);
	sig_procmask(SIG_BLOCK, SIG_BIT(SIGCHLD), 0);
	hits = 0;
	pid = sys_fork();
	if (pid == 0)
		sys_exit(3);
	r = sig_suspend(0);
	check("sigchld_handler", r == -EINTR && hits == 1 && last_sig == SIGCHLD && last_pid == pid &&
	      last_code == CLD_EXITED && last_status == 3, "hits %d pid %d code %d status %d", hits, last_pid,
	      last_code, last_status);
	wait_child(pid);
	sig_procmask(SIG_UNBLOCK, SIG_BIT(SIGCHLD), 0);
	sig_action(SIGCHLD, SIG_IGN, 0, 0, 0);
	pid = sys_fork();
	if (pid == 0)
		sys_exit(4);
	r = sys_wait4(-1, 0, 0, 0);            /* waits for the child, then finds nothing to reap */
	check("sigchld_ignored_no_zombie", r == -ECHILD, "wait4 %ld", r);
	sig_action(SIGCHLD, SIG_DFL, 0, 0, 0);
}

/* Handlers and mask copied by fork with nothing pending; exec resets handlers, keeps SIG_IGN and the mask. */
static void test_inheritance(void)
{
	long pid;

	sig_action(SIGUSR1, HANDLER(on_note), SA_SIGINFO, 0, 0);
	sig_action(SIGUSR2, SIG_IGN, 0, 0, 0);
	sig_procmask(SIG_SETMASK, SIG_BIT(SIGINT) | SIG_BIT(SIGHUP), 0);
	sys_kill(sys_getpid(), SIGHUP);
	pid = sys_fork();
	if (pid == 0) {
		struct k_sigaction a;
		syscall6(__NR_rt_sigaction, SIGUSR1, 0, (long)&a, SIGSET_SIZE, 0, 0);
		sys_exit(a.handler == HANDLER(on_note) && sig_pending() == 0 &&
			 sig_blocked() == (SIG_BIT(SIGINT) | SIG_BIT(SIGHUP)) ? 0 : 1);
	}
	check_child("fork_inherits", wait_child(pid), 0);
	pid = sys_fork();
	if (pid == 0) {
		char *argv[] = { "sigtest", "exec-check", 0 };
		sys_kill(sys_getpid(), SIGHUP);   /* blocked: still pending in the new program */
		exec_prog("sigtest", argv, 0);
		sys_exit(9);
	}
	check_child("exec_inherits", wait_child(pid), 0);
	check("fork_pending_parent", sig_pending() == SIG_BIT(SIGHUP), "0x%lx", sig_pending());
	sig_action(SIGHUP, SIG_IGN, 0, 0, 0);     /* drops the pending SIGHUP */
	check("ignore_drops_pending", sig_pending() == 0, "0x%lx", sig_pending());
	sig_procmask(SIG_SETMASK, 0, 0);
	sig_action(SIGHUP, SIG_DFL, 0, 0, 0);
	sig_action(SIGUSR2, SIG_DFL, 0, 0, 0);
}

/* A handler at a kernel address: jumping there faults, and SIGSEGV (default) kills. */
static int bad_handler_child(void *arg)
{
	sig_action(SIGUSR1, KERNEL_ADDR, 0, 0, 0);
	sys_kill(sys_getpid(), SIGUSR1);
	return 0;
}

static void on_any(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	hits++;
}

/* An alternate stack that is not mapped: the frame cannot be written, SIGSEGV kills. */
static int unmapped_stack_child(void *arg)
{
	void *gone = (void *)sys_mmap(0, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	sys_munmap(gone, 4 * PAGE_SIZE);
	sig_altstack(gone, 4 * PAGE_SIZE, 0, 0);
	sig_action(SIGUSR1, HANDLER(on_any), SA_ONSTACK, 0, 0);
	sig_action(SIGSEGV, HANDLER(on_any), SA_ONSTACK, 0, 0);   /* its frame cannot go there either */
	sys_kill(sys_getpid(), SIGUSR1);
	return 0;
}

/* A fault in a SIGSEGV handler, with SIGSEGV blocked there: the default action kills. */
static void on_fault_again(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	hits++;
	fault_load_null();
}

static int fault_in_handler_child(void *arg)
{
	sig_action(SIGSEGV, HANDLER(on_fault_again), SA_SIGINFO, 0, 0);
	fault_load_null();
	return 0;
}

static struct k_rt_sigframe forged __attribute__((aligned(16)));

/* Runs after a forged rt_sigreturn: still in user mode, so reading sstatus is illegal (SIGILL). */
static void forged_target(void)
{
	unsigned long v;

	puts("forged frame: reached its pc");
	asm volatile("csrr %0, sstatus" : "=r"(v));
	sys_exit(5);
}

/* rt_sigreturn with a frame made up from scratch: every sstatus bit set somewhere in it changes
 * nothing, the pc is the frame's, the mode stays user. */
static int forged_frame_child(void *arg)
{
	memset(&forged, 0xff, sizeof(forged));
	for (int i = 1; i < 32; i++)
		forged.uc.uc_mcontext.sc_regs[i] = 0x100 | 0x40000 | (1UL << 8);   /* SPP, SUM, SPP-like bits */
	forged.uc.uc_mcontext.sc_regs[0] = (unsigned long)forged_target;
	forged.uc.uc_mcontext.sc_regs[2] = (unsigned long)&forged;           /* sp */
	forged.uc.uc_sigmask = 0;
	asm volatile("mv sp, %0\n li a7, %1\n ecall" : : "r"(&forged), "i"(__NR_rt_sigreturn) : "memory");
	return 0;
}

/* rt_sigreturn with sp on an unmapped address: SIGSEGV. */
static int unmapped_frame_child(void *arg)
{
	asm volatile("li sp, 16\n li a7, %0\n ecall" : : "i"(__NR_rt_sigreturn) : "memory");
	return 0;
}

static void test_bad_input(void)
{
	struct k_sigaction a;

	check("sigaction_bad_numbers", sig_action(0, SIG_IGN, 0, 0, 0) == -EINVAL &&
	      sig_action(65, SIG_IGN, 0, 0, 0) == -EINVAL, "accepted");
	check("sigaction_kill_stop", sig_action(SIGKILL, SIG_IGN, 0, 0, 0) == -EINVAL &&
	      sig_action(SIGSTOP, HANDLER(on_any), 0, 0, 0) == -EINVAL &&
	      syscall6(__NR_rt_sigaction, SIGKILL, 0, (long)&a, SIGSET_SIZE, 0, 0) == 0 && a.handler == SIG_DFL,
	      "SIGKILL or SIGSTOP caught");
	check("sigaction_setsize", syscall6(__NR_rt_sigaction, SIGUSR1, 0, 0, 4, 0, 0) == -EINVAL, "size 4 accepted");
	check("sigaction_efault", syscall6(__NR_rt_sigaction, SIGUSR1, KERNEL_ADDR, 0, SIGSET_SIZE, 0, 0) == -EFAULT &&
	      syscall6(__NR_rt_sigaction, SIGUSR1, 0, 8, SIGSET_SIZE, 0, 0) == -EFAULT, "bad pointer accepted");
	check("sigprocmask_how", syscall6(__NR_rt_sigprocmask, 7, (long)&a, 0, SIGSET_SIZE, 0, 0) == -EINVAL,
	      "how 7 accepted");
	check_child("bad_handler_address", fork_run(bad_handler_child, 0), SIGSEGV);
	check_child("frame_on_unmapped_stack", fork_run(unmapped_stack_child, 0), SIGSEGV);
	check_child("fault_in_handler", fork_run(fault_in_handler_child, 0), SIGSEGV);
	check_child("forged_sigreturn", fork_run(forged_frame_child, 0), SIGILL);
	check_child("sigreturn_unmapped", fork_run(unmapped_frame_child, 0), SIGSEGV);
}

static int exec_check(void)
{
	struct k_sigaction a1, a2;

	syscall6(__NR_rt_sigaction, SIGUSR1, 0, (long)&a1, SIGSET_SIZE, 0, 0);
	syscall6(__NR_rt_sigaction, SIGUSR2, 0, (long)&a2, SIGSET_SIZE, 0, 0);
	check("exec_handler_reset", a1.handler == SIG_DFL, "handler 0x%lx", a1.handler);
	check("exec_ignored_kept", a2.handler == SIG_IGN, "handler 0x%lx", a2.handler);
	check("exec_mask_kept", sig_blocked() == (SIG_BIT(SIGINT) | SIG_BIT(SIGHUP)), "0x%lx", sig_blocked());
	check("exec_pending_kept", sig_pending() == SIG_BIT(SIGHUP), "0x%lx", sig_pending());
	test_exit();
}

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && strcmp(argv[1], "exec-check") == 0)
		return exec_check();
	test_demand_paging();
	test_write_barrier();
	check_child("altstack_overflow", fork_run(overflow_child, 0), 0);
	test_skip_instruction();
	test_registers_kept();
	test_sigbus();
	test_kill();
	test_masks();
	test_alarm();
	test_sigpipe();
	test_sigchld();
	test_inheritance();
	test_bad_input();
	test_exit();
}
