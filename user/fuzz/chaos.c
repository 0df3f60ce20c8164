/*
 * chaos.c: what the model cannot follow, done where it cannot hurt the model. A chaos child first
 * closes every descriptor (the console too: no garbage output) and unmaps the arena, then makes
 * CHAOS_CALLS random raw system calls whose arguments come from the pools in rand.c, typed by each
 * call's Linux prototype (CHAOS_TABLE: every system call the kernel offers belongs there), with random
 * loads, stores and jumps, mapping churn, fork storms up to the process limit and a couple of levels
 * of grandchildren. It ends by exiting or by a signal (faults, kill() of itself); the main process
 * reaps it and every orphan, and removes the files it made. bad_args_op() makes calls in the main process whose results
 * Linux defines without any model: bad pointers, descriptors, flags, lengths and numbers.
 */
#include "fuzz.h"

#define CHAOS_CALLS 300
#define MAX_DEPTH 2
#define MAX_FORKS 2                  /* per chaos process, so a round stays small */
#define STORM_MAX 140                /* more than the 128 processes the kernel allows */
#define NR_NAMES 10
#define UNKNOWN_NR 1000
#define CHAOS_MAX_CAUGHT 256         /* signals a chaos process's handler takes before it exits */

/*
 * The kinds of argument a call takes, after its Linux prototype. A few keep a chaos process from
 * hurting what is not its own or from waiting forever: A_KPID never names init (kill, prlimit64),
 * A_TIME is a short timespec or a bad pointer, A_PIPE gets a pipe of which one end is closed at once
 * (reads then see end-of-file and writes SIGPIPE, never a wait). A_SCRATCH is a path that never
 * names a program (renameat2 would otherwise put a chaos file, maybe huge, where the main process
 * never removes it). The signal kinds: A_SIGACT a struct sigaction (handler SIG_DFL, SIG_IGN, a
 * real handler or a wild address; random flags and mask) or a bad pointer, A_SIGSET a signal set or
 * a bad pointer, A_SETSIZE mostly 8, A_STACK a stack_t, A_ITIMER an itimerval of at most 2 ms. rt_sigsuspend runs with a 1 ms SIGALRM armed that it cannot
 * block or catch, and rt_sigreturn on a forged frame whose pc ends the process (chaos_special).
 */
enum arg { A_0, A_FD, A_PTR, A_LEN, A_PATH, A_EXEC, A_SCRATCH, A_INT, A_PROT, A_MFLAGS, A_OFF, A_ADDR, A_PID,
	   A_ARGV, A_KPID, A_SIG, A_TIME, A_PIPE, A_IOV, A_SIGACT, A_SIGSET, A_SETSIZE, A_STACK, A_ITIMER };

struct chaos_call {
	long nr;
	enum arg arg[6];
};

static const struct chaos_call CHAOS_TABLE[] = {
	{ __NR_read, { A_FD, A_PTR, A_LEN } },
	{ __NR_write, { A_FD, A_PTR, A_LEN } },
	{ __NR_openat, { A_FD, A_PATH, A_INT, A_INT } },
	{ __NR_close, { A_FD } },
	{ __NR_lseek, { A_FD, A_OFF, A_INT } },
	{ __NR_fstat, { A_FD, A_PTR } },
	{ __NR_unlinkat, { A_FD, A_PATH, A_INT } },
	{ __NR_brk, { A_ADDR } },
	{ __NR_mmap, { A_ADDR, A_LEN, A_PROT, A_MFLAGS, A_FD, A_OFF } },
	{ __NR_munmap, { A_ADDR, A_LEN } },
	{ __NR_mprotect, { A_ADDR, A_LEN, A_PROT } },
	{ __NR_clone, { A_INT, A_PTR, A_PTR, A_PTR, A_PTR } },
	{ __NR_execve, { A_EXEC, A_ARGV, A_ARGV } },
	{ __NR_wait4, { A_PID, A_PTR, A_INT, A_PTR } },
	{ __NR_getpid }, { __NR_getppid }, { __NR_sched_yield },
	{ __NR_sysinfo, { A_PTR } },
	{ __NR_exit, { A_INT } },
	{ __NR_exit_group, { A_INT } },
	{ __NR_getcwd, { A_PTR, A_LEN } },
	{ __NR_chdir, { A_PATH } },
	{ __NR_dup, { A_FD } },
	{ __NR_dup3, { A_FD, A_FD, A_INT } },
	{ __NR_fcntl, { A_FD, A_INT, A_INT } },
	{ __NR_ioctl, { A_FD, A_INT, A_PTR } },
	{ __NR_truncate, { A_PATH, A_OFF } },
	{ __NR_ftruncate, { A_FD, A_OFF } },
	{ __NR_faccessat, { A_FD, A_PATH, A_INT } },
	{ __NR_faccessat2, { A_FD, A_PATH, A_INT, A_INT } },
	{ __NR_pipe2, { A_PIPE, A_INT } },
	{ __NR_readv, { A_FD, A_IOV, A_INT } },
	{ __NR_writev, { A_FD, A_IOV, A_INT } },
	{ __NR_pread64, { A_FD, A_PTR, A_LEN, A_OFF } },
	{ __NR_pwrite64, { A_FD, A_PTR, A_LEN, A_OFF } },
	{ __NR_readlinkat, { A_FD, A_PATH, A_PTR, A_LEN } },
	{ __NR_newfstatat, { A_FD, A_PATH, A_PTR, A_INT } },
	{ __NR_set_tid_address, { A_PTR } },
	{ __NR_set_robust_list, { A_PTR, A_LEN } },
	{ __NR_nanosleep, { A_TIME, A_PTR } },
	{ __NR_clock_gettime, { A_INT, A_PTR } },
	{ __NR_clock_getres, { A_INT, A_PTR } },
	{ __NR_clock_nanosleep, { A_INT, A_INT, A_TIME, A_PTR } },
	{ __NR_sched_getaffinity, { A_PID, A_LEN, A_PTR } },
	{ __NR_kill, { A_KPID, A_SIG } },
	{ __NR_tkill, { A_KPID, A_SIG } },
	{ __NR_tgkill, { A_KPID, A_KPID, A_SIG } },
	{ __NR_times, { A_PTR } },
	{ __NR_uname, { A_PTR } },
	{ __NR_getrusage, { A_INT, A_PTR } },
	{ __NR_prctl, { A_INT, A_PTR, A_INT, A_INT, A_INT } },
	{ __NR_gettimeofday, { A_PTR, A_PTR } },
	{ __NR_getuid }, { __NR_geteuid }, { __NR_getgid }, { __NR_getegid }, { __NR_gettid },
	{ __NR_msync, { A_ADDR, A_LEN, A_INT } },
	{ __NR_madvise, { A_ADDR, A_LEN, A_INT } },
	{ __NR_prlimit64, { A_KPID, A_INT, A_PTR, A_PTR } },
	{ __NR_getrandom, { A_PTR, A_LEN, A_INT } },
	{ __NR_ppoll, { A_PTR, A_LEN, A_TIME, A_PTR, A_LEN } },
	{ __NR_setpgid, { A_KPID, A_KPID } },
	{ __NR_getpgid, { A_PID } },
	{ __NR_getsid, { A_PID } },
	{ __NR_setsid },
	{ __NR_mkdirat, { A_FD, A_SCRATCH, A_INT } },
	{ __NR_renameat2, { A_FD, A_SCRATCH, A_FD, A_SCRATCH, A_INT } },
	{ __NR_getdents64, { A_FD, A_PTR, A_LEN } },
	{ __NR_fchdir, { A_FD } },
	{ __NR_statfs, { A_PATH, A_PTR } },
	{ __NR_fstatfs, { A_FD, A_PTR } },
	{ __NR_rt_sigaction, { A_SIG, A_SIGACT, A_PTR, A_SETSIZE } },
	{ __NR_rt_sigprocmask, { A_INT, A_SIGSET, A_PTR, A_SETSIZE } },
	{ __NR_rt_sigpending, { A_PTR, A_SETSIZE } },
	{ __NR_rt_sigsuspend, { A_SIGSET, A_SETSIZE } },
	{ __NR_rt_sigtimedwait, { A_SIGSET, A_PTR, A_TIME, A_SETSIZE } },
	{ __NR_rt_sigreturn },
	{ __NR_sigaltstack, { A_STACK, A_PTR } },
	{ __NR_setitimer, { A_INT, A_ITIMER, A_PTR } },
	{ __NR_getitimer, { A_INT, A_PTR } },
	{ UNKNOWN_NR, { A_INT, A_PTR, A_LEN } },
};
#define NR_CHAOS_CALLS (sizeof(CHAOS_TABLE) / sizeof(CHAOS_TABLE[0]))

#define FUZZ_NAME 6
/* A name longer than NAME_MAX (255 bytes): -ENAMETOOLONG wherever it is used. */
#define TEN "0123456789"
#define LONG_NAME "a-name-longer-than-the-255-bytes-a-name-may-have-" TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN \
	TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN TEN
static const char *const names[NR_NAMES] = { "c.0", "c.1", "c.2", "", "/", "a/b", "fuzz", LONG_NAME,
					      "/proc/self/smaps", "/proc" };
static long last_fd = 3, last_map, last_pid;
static int depth, forks;

static long chaos_path(void)
{
	if (rnd_chance(15))
		return (long)pool_pointer();
	return (long)(rnd_chance(10) ? "echoargs" : names[rnd_below(NR_NAMES)]);
}

/* What a chaos process may exec: echoargs, names that fail, bad pointers; never the fuzzer itself. */
static long chaos_exec_path(void)
{
	long path = chaos_path();

	return path == (long)names[FUZZ_NAME] ? (long)"echoargs" : path;
}

/* A chaos name or a bad pointer: never a program's name. */
static long chaos_scratch_path(void)
{
	long path = rnd_chance(15) ? (long)pool_pointer() : (long)names[rnd_below(NR_NAMES)];

	return path == (long)names[FUZZ_NAME] ? (long)names[0] : path;
}

static long chaos_argv(void)
{
	static char *good[] = { "echoargs", "x", NULL };
	static char *bad[] = { "echoargs", (char *)KERNEL_ADDR, NULL };

	return rnd_chance(40) ? (long)good : rnd_chance(50) ? (long)bad : (long)pool_pointer();
}

static long chaos_mmap_flags(void)
{
	static const long types[] = { MAP_PRIVATE, MAP_SHARED, MAP_SHARED_VALIDATE, 0, MAP_TYPE };
	long flags = types[rnd_below(5)] | (rnd_chance(60) ? MAP_ANONYMOUS : 0);

	if (rnd_chance(25))
		flags |= rnd_chance(50) ? MAP_FIXED : MAP_FIXED_NOREPLACE;
	return rnd_chance(10) ? flags | (long)(rnd() & 0xfffff000) : flags;
}

/* A pid for kill or prlimit64: ourselves, our child, nobody; never init (pid 1). */
static long chaos_kill_pid(void)
{
	long pid = rnd_chance(50) ? last_pid : (long)pool_int();

	return (int)pid == 1 ? 0 : pid;
}

/* A timespec of at most a millisecond (as absolute time: long past), or a bad pointer. */
static long chaos_time(void)
{
	static long ts[2];

	ts[0] = 0;
	ts[1] = rnd_chance(10) ? -1 : (long)rnd_below(1000000);
	return rnd_chance(80) ? (long)ts : (long)(pool_pointer() | (1UL << 63));
}

/* An iovec array of pool buffers and lengths, or a pool pointer. */
static long chaos_iov(void)
{
	static unsigned long iov[8];

	for (int i = 0; i < 8; i += 2) {
		iov[i] = pool_pointer();
		iov[i + 1] = pool_length();
	}
	return rnd_chance(70) ? (long)iov : (long)pool_pointer();
}

static int pipe_fds[2];

static volatile int chaos_caught;

/*
 * The real handler chaos installs. A handler that returns from a fault signal (SIGSEGV on a page the
 * process unmapped, say) runs the faulting instruction again, which faults again: on Linux as here, a
 * loop for ever. So a chaos process that has caught CHAOS_MAX_CAUGHT signals exits.
 */
static void chaos_handler(int sig)
{
	if (++chaos_caught >= CHAOS_MAX_CAUGHT)
		sys_exit(depth);
}

static long chaos_sigaction(void)
{
	static struct k_sigaction act;
	static const unsigned long flags[] = { 0, SA_SIGINFO, SA_RESTART, SA_NODEFER, SA_RESETHAND, SA_ONSTACK };

	act.handler = rnd_chance(40) ? (unsigned long)(void *)chaos_handler : rnd_chance(50) ? rnd_below(2) :
		      pool_pointer();
	act.flags = flags[rnd_below(6)] | (rnd_chance(10) ? (unsigned long)pool_int() : 0);
	act.mask = rnd_chance(50) ? 0 : rnd();
	return rnd_chance(85) ? (long)&act : (long)pool_pointer();
}

static long chaos_sigset(void)
{
	static unsigned long set;

	set = rnd_chance(30) ? 0 : rnd_chance(50) ? 1UL << rnd_below(64) : rnd();
	return rnd_chance(85) ? (long)&set : (long)pool_pointer();
}

static long chaos_stack(void)
{
	static k_stack_t ss;
	static const int modes[] = { 0, SS_DISABLE, SS_ONSTACK, (int)SS_AUTODISARM, 7 };

	ss.ss_sp = (void *)(rnd_chance(50) ? last_map : (long)pool_pointer());
	ss.ss_size = rnd_chance(50) ? SIGSTKSZ : pool_length();
	ss.ss_flags = modes[rnd_below(5)];
	return rnd_chance(85) ? (long)&ss : (long)pool_pointer();
}

static long chaos_itimer(void)
{
	static long v[4];                       /* it_interval, it_value: timevals */

	v[0] = 0;
	v[1] = rnd_chance(80) ? (long)rnd_below(2000) : -1;
	v[2] = 0;
	v[3] = (long)rnd_below(2000);
	return rnd_chance(85) ? (long)v : (long)pool_pointer();
}

static long chaos_arg(enum arg kind)
{
	switch (kind) {
	case A_KPID: return chaos_kill_pid();
	case A_SIG: return (long)with_high_junk(rnd_below(70));
	case A_TIME: return chaos_time();
	case A_PIPE: return rnd_chance(90) ? (long)pipe_fds : (long)KERNEL_ADDR;   /* no pipe left whole */
	case A_IOV: return chaos_iov();
	case A_SIGACT: return chaos_sigaction();
	case A_SIGSET: return chaos_sigset();
	case A_SETSIZE: return rnd_chance(90) ? 8 : (long)pool_length();
	case A_STACK: return chaos_stack();
	case A_ITIMER: return chaos_itimer();
	case A_FD: return rnd_chance(50) ? (long)with_high_junk(last_fd) : (long)pool_int();
	case A_PTR: return (long)pool_pointer();
	case A_LEN: return (long)pool_length();
	case A_PATH: return chaos_path();
	case A_EXEC: return chaos_exec_path();
	case A_SCRATCH: return chaos_scratch_path();
	case A_INT: return rnd_chance(50) ? (long)with_high_junk(rnd() & 0x3fff) : (long)pool_int();
	case A_PROT: return rnd_chance(80) ? (long)rnd_below(8) : (long)pool_int();
	case A_MFLAGS: return chaos_mmap_flags();
	case A_OFF: return rnd_chance(50) ? (long)(rnd_below(8) * PAGE_SIZE) : (long)pool_length();
	case A_ADDR: return rnd_chance(30) && last_map ? last_map : (long)(pool_pointer() & ~(PAGE_SIZE - 1));
	case A_PID: return rnd_chance(50) ? last_pid : (long)pool_int();
	case A_ARGV: return chaos_argv();
	default: return 0;
	}
}

/* Remember what a call made (descriptor, mapping, child) for later calls; close half of a new pipe. */
static void chaos_after(long nr, long a0, long ret)
{
	if ((nr == __NR_openat || nr == __NR_dup || nr == __NR_dup3) && ret >= 0)
		last_fd = ret;
	else if (nr == __NR_mmap && !MMAP_FAILED(ret))
		last_map = ret;
	else if (nr == __NR_clone && ret > 0)
		last_pid = ret;
	if (nr == __NR_pipe2 && ret == 0 && a0 == (long)pipe_fds) {
		int keep = (int)rnd_below(2);
		fz_call(__NR_close, pipe_fds[!keep], 0, 0, 0, 0, 0);
		last_fd = pipe_fds[keep];
	}
	if (nr == __NR_clone && ret >= 0)
		forks++;
	if (nr == __NR_clone && ret == 0) {
		depth++;                     /* the child carries on with the loop */
		forks = 0;
	}
}

/* The calls that could wait for ever or jump anywhere, made so that they end: rt_sigsuspend with a
 * 1 ms SIGALRM it neither blocks nor catches; rt_sigreturn on a frame of random registers whose pc
 * exits. Returns whether c was one of them (1) or not (0). */
static void chaos_exit_now(void)
{
	sys_exit(depth);
}

static int chaos_special(const struct chaos_call *c, long *a)
{
	static struct k_rt_sigframe frame __attribute__((aligned(16)));
	static long alarm[4] = { 0, 0, 0, 1000 };

	if (c->nr == __NR_rt_sigsuspend) {
		struct k_sigaction dfl = { SIG_DFL, 0, 0 };

		fz_call(__NR_rt_sigaction, SIGALRM, (long)&dfl, 0, SIGSET_SIZE, 0, 0);
		fz_call(__NR_setitimer, ITIMER_REAL, (long)alarm, 0, 0, 0, 0);
		static unsigned long mask;          /* anything but SIGALRM, or a pointer that faults */
		mask = rnd() & ~(1UL << (SIGALRM - 1));
		fz_call(c->nr, rnd_chance(90) ? (long)&mask : (long)KERNEL_ADDR, a[1], 0, 0, 0, 0);
		return 1;
	}
	if (c->nr != __NR_rt_sigreturn)
		return 0;
	for (unsigned long i = 0; i < sizeof(frame) / 8; i++)
		((unsigned long *)&frame)[i] = rnd();
	frame.uc.uc_mcontext.sc_regs[0] = (unsigned long)(void *)chaos_exit_now;
	frame.uc.uc_mcontext.sc_regs[2] = (unsigned long)&frame;   /* sp */
	asm volatile("mv %0, gp" : "=r"(frame.uc.uc_mcontext.sc_regs[3]));   /* gp as it is */
	asm volatile("mv sp, %0\n li a7, %1\n ecall" : : "r"(&frame), "i"(__NR_rt_sigreturn) : "memory");
	return 1;
}

/* One call from the table (fork only while this process may still fork). */
static void chaos_call(void)
{
	const struct chaos_call *c = &CHAOS_TABLE[rnd_below(NR_CHAOS_CALLS)];
	long a[6];

	if (c->nr == __NR_exit && !rnd_chance(5))
		return;
	for (int i = 0; i < 6; i++)
		a[i] = chaos_arg(c->arg[i]);
	if (c->nr == __NR_clone && (depth >= MAX_DEPTH || forks >= MAX_FORKS))
		return;
	if (c->nr == __NR_clone && rnd_chance(70)) {
		a[0] = SIGCHLD;                  /* mostly a plain fork */
		a[1] = 0;
	}
	if (chaos_special(c, a))
		return;
	chaos_after(c->nr, a[0], fz_call(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/* Map, touch and unmap: the churn of a program using memory. */
static void chaos_churn(void)
{
	unsigned long len = (1 + rnd_below(64)) * PAGE_SIZE;
	long m = fz_call(__NR_mmap, 0, (long)len, PROT_READ | PROT_WRITE,
			 (rnd_chance(50) ? MAP_SHARED : MAP_PRIVATE) | MAP_ANONYMOUS, -1, 0);

	if (MMAP_FAILED(m))
		return;
	for (unsigned long off = 0; off < len; off += PAGE_SIZE * (1 + rnd_below(4)))
		*(volatile unsigned char *)(m + off) = (unsigned char)off;
	if (rnd_chance(70))
		fz_call(__NR_munmap, m + (long)(rnd_below(len / PAGE_SIZE) * PAGE_SIZE), (long)PAGE_SIZE, 0, 0, 0, 0);
	last_map = m;
}

/* Fork until the kernel refuses (-EAGAIN at its process limit) or STORM_MAX; reap them all. */
static void chaos_storm(void)
{
	int n = (int)rnd_below(STORM_MAX);

	for (int i = 0; i < n; i++) {
		long pid = fz_call(__NR_clone, SIGCHLD, 0, 0, 0, 0, 0);
		if (pid == 0)
			sys_exit(i & 0xff);
		if (pid < 0) {
			expect_eq("fork storm ends with -EAGAIN", pid, -EAGAIN);
			break;
		}
	}
	while (fz_call(__NR_wait4, -1, 0, 0, 0, 0, 0) > 0)
		;
}

/*
 * A load or store at a pool address, or a jump to one that holds no code of ours (running the
 * fuzzer's own code from a wild address could reach the main process's files): it may kill us.
 */
static void chaos_access(void)
{
	static const unsigned long jumps[] = { 0, 0x1000, KERNEL_ADDR, USER_END, ARENA_BASE, 1UL << 63 };
	volatile unsigned char *p = (volatile unsigned char *)pool_pointer();
	unsigned long how = rnd_below(3);

	if (how == 0)
		(void)*p;
	else if (how == 1)
		*p = (unsigned char)rnd();
	else
		((void (*)(void))jumps[rnd_below(sizeof(jumps) / sizeof(jumps[0]))])();
}

static void chaos_loop(void)
{
	for (int k = 0; k < CHAOS_CALLS; k++) {
		unsigned long r = rnd_below(100);
		if (r < 85)
			chaos_call();
		else if (r < 93)
			chaos_churn();
		else if (r < 94 && depth == 0)
			chaos_storm();
		else if (r < 96)
			chaos_access();
	}
	sys_exit(depth);
}

/* A chaos process ends by exiting (any code) or by any signal (it may kill() itself): count it. */
static void count_chaos_status(long status)
{
	stats->checks++;
	if (WIFSIGNALED(status))
		stats->killed++;
}

void chaos_child_round(void)
{
	long pid = fz_fork_child(), status;

	if (pid == 0) {
		/* A group of its own: kill(0, sig) and kill(-pgid, sig) then reach chaos processes only. */
		syscall6(__NR_setpgid, 0, 0, 0, 0, 0, 0);
		files_close_all();
		mem_drop_arena();
		rnd_seed(rnd() ^ (unsigned long)sys_getpid());   /* still deterministic, but its own stream */
		chaos_loop();
	}
	if (!expect_eq("fork of a chaos child", pid > 0, 1))
		return;
	for (status = fz_wait(-1, &pid); pid > 0; status = fz_wait(-1, &pid))
		count_chaos_status(status);     /* the child, then orphans reparented to us */
	expect_eq("nothing left to wait for", pid, -ECHILD);
	for (int i = 0; i < 3; i++) {
		fz_call(__NR_unlinkat, AT_FDCWD, (long)names[i], 0, 0, 0, 0);
		fz_call(__NR_unlinkat, AT_FDCWD, (long)names[i], AT_REMOVEDIR, 0, 0, 0);
	}
}

/* A pointer no system call may use: kernel half, past user space, null page, non-canonical. */
static long bad_pointer(void)
{
	static const unsigned long bad[] = { 0, 8, 0xff8, KERNEL_ADDR, 0xffffffe000000000UL, -1UL,
					     USER_END, 1UL << 63 };

	return (long)bad[rnd_below(sizeof(bad) / sizeof(bad[0]))];
}

/* A descriptor that is not open: its low 32 bits name no slot (the kernel must ignore the rest). */
static long bad_fd(void)
{
	static const unsigned long bad[] = { 64, 65, 1000, 0x7fffffff, 0x80000000, 0xffffffff, -1UL };

	return (long)with_high_junk(bad[rnd_below(sizeof(bad) / sizeof(bad[0]))]);
}

static void bad_io(void)
{
	char buf[8];

	expect_eq("write from a bad pointer", fz_call(__NR_write, 1, bad_pointer(), 1 + rnd_below(64), 0, 0, 0), -EFAULT);
	expect_eq("fstat into a bad pointer", fz_call(__NR_fstat, 1, bad_pointer(), 0, 0, 0, 0), -EFAULT);
	expect_eq("sysinfo into a bad pointer", fz_call(__NR_sysinfo, bad_pointer(), 0, 0, 0, 0, 0), -EFAULT);
	expect_eq("read of a bad fd", fz_call(__NR_read, bad_fd(), (long)buf, sizeof(buf), 0, 0, 0), -EBADF);
	expect_eq("close of a bad fd", fz_call(__NR_close, bad_fd(), 0, 0, 0, 0, 0), -EBADF);
	expect_eq("lseek of a bad fd", fz_call(__NR_lseek, bad_fd(), 0, SEEK_SET, 0, 0, 0), -EBADF);
	expect_eq("lseek of the console", fz_call(__NR_lseek, (long)with_high_junk(1), 0, SEEK_SET, 0, 0, 0), -ESPIPE);
}

static void bad_paths(void)
{
	expect_eq("openat of a bad path", fz_call(__NR_openat, AT_FDCWD, bad_pointer(), O_RDONLY, 0, 0, 0), -EFAULT);
	expect_eq("openat of a missing file", fz_call(__NR_openat, (long)with_high_junk(0xffffff9c), (long)"no-such",
						     O_RDONLY, 0, 0, 0), -ENOENT);
	expect_eq("execve of a bad path", fz_call(__NR_execve, bad_pointer(), 0, 0, 0, 0, 0), -EFAULT);
	expect_eq("execve of a missing file", fz_call(__NR_execve, (long)"no-such", 0, 0, 0, 0, 0), -ENOENT);
	expect_eq("unlinkat of a missing file", fz_call(__NR_unlinkat, AT_FDCWD, (long)"no-such", 0, 0, 0, 0), -ENOENT);
	expect_eq("openat O_CREAT|O_DIRECTORY", fz_call(__NR_openat, AT_FDCWD, (long)"c.9", O_CREAT | O_DIRECTORY,
							0644, 0, 0), -EINVAL);
}

static void bad_maps(void)
{
	long len = (long)PAGE_SIZE * (1 + (long)rnd_below(4)), anon = MAP_PRIVATE | MAP_ANONYMOUS;

	expect_eq("mmap of length 0", fz_call(__NR_mmap, 0, 0, PROT_READ, anon, -1, 0), -EINVAL);
	expect_eq("mmap with no type", fz_call(__NR_mmap, 0, len, PROT_READ, MAP_ANONYMOUS, -1, 0), -EINVAL);
	expect_eq("mmap of a bad fd", fz_call(__NR_mmap, 0, len, PROT_READ, MAP_PRIVATE, bad_fd(), 0), -EBADF);
	expect_eq("mmap MAP_FIXED unaligned", fz_call(__NR_mmap, ARENA_BASE + 1, len, PROT_READ, anon | MAP_FIXED, -1, 0),
		  -EINVAL);
	expect_eq("mmap MAP_FIXED at 0", fz_call(__NR_mmap, 0, len, PROT_READ, anon | MAP_FIXED, -1, 0), -EPERM);
	expect_eq("mmap MAP_FIXED past user space",
		  fz_call(__NR_mmap, (long)USER_END - PAGE_SIZE, len + PAGE_SIZE, PROT_READ, anon | MAP_FIXED, -1, 0),
		  -ENOMEM);
	expect_eq("mmap offset wrap", fz_call(__NR_mmap, 0, len, PROT_READ, anon, -1, -(long)PAGE_SIZE), -EOVERFLOW);
	expect_eq("munmap unaligned", fz_call(__NR_munmap, ARENA_BASE + 8, len, 0, 0, 0, 0), -EINVAL);
	expect_eq("munmap of length -1", fz_call(__NR_munmap, ARENA_BASE, -1, 0, 0, 0, 0), -EINVAL);
	expect_eq("mprotect of a kernel address", fz_call(__NR_mprotect, KERNEL_ADDR, len, PROT_READ, 0, 0, 0), -ENOMEM);
	expect_eq("mprotect of length -1", fz_call(__NR_mprotect, ARENA_BASE, -1, PROT_READ, 0, 0, 0), -ENOMEM);
	expect_eq("mprotect of length 0", fz_call(__NR_mprotect, ARENA_BASE, 0, 0x10 << rnd_below(20), 0, 0, 0), 0);
	expect_eq("mprotect growing both ways", fz_call(__NR_mprotect, ARENA_BASE, 0, -1, 0, 0, 0), -EINVAL);
}

static void bad_process_calls(void)
{
	long nr = rnd_chance(50) ? UNKNOWN_NR + (long)rnd_below(1000) : (long)(rnd() | (1UL << 40));

	expect_eq("an unknown system call", fz_call(nr, 0, 0, 0, 0, 0, 0), -ENOSYS);
	expect_eq("wait4 with no child", fz_call(__NR_wait4, -1, 0, (long)with_high_junk(1), 0, 0, 0), -ECHILD);
	expect_eq("wait4 WEXITED (not for wait4)", fz_call(__NR_wait4, -1, 0, 4, 0, 0, 0), -EINVAL);
	expect_eq("wait4 of INT_MIN", fz_call(__NR_wait4, (long)with_high_junk(0x80000000), 0, 0, 0, 0, 0), -ESRCH);
	expect_eq("getpid", fz_call(__NR_getpid, 0, 0, 0, 0, 0, 0), 1);
	expect_eq("getppid of init", fz_call(__NR_getppid, 0, 0, 0, 0, 0, 0), 0);
}

void bad_args_op(void)
{
	static void (*const ops[])(void) = { bad_io, bad_paths, bad_maps, bad_process_calls };

	ops[rnd_below(sizeof(ops) / sizeof(ops[0]))]();
}
