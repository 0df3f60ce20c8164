/*
 * signal.c: signals through glibc, as programs use them: a user-level pager (mprotect + SIGSEGV with
 * SA_SIGINFO), a guard page caught on sigaltstack then left with siglongjmp, alarm() interrupting a
 * blocking read (EINTR) and the same read restarted under SA_RESTART, sigprocmask/sigpending/
 * sigsuspend, sigwait, raise() of a default-action signal in a child, SIGCHLD with the child's pid
 * and status, strsignal texts. Expected lines: what Linux prints (user/libc/learn.sh signal).
 */
#include "common.h"
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <ucontext.h>

#define PAGES 64

static long page_size;
static volatile int faults, alarms, chld_pid, chld_status, chld_code;
static sigjmp_buf guard_jump;
static char *guard_base;
static int pipe_w;

static void pager(int sig, siginfo_t *si, void *uc)
{
	char *page = (char *)((unsigned long)si->si_addr & ~(page_size - 1));

	faults++;
	mprotect(page, page_size, PROT_READ | PROT_WRITE);
}

static void test_pager(void)
{
	struct sigaction sa = { .sa_sigaction = pager, .sa_flags = SA_SIGINFO };
	char *region = mmap(NULL, PAGES * page_size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int bad = 0;

	sigaction(SIGSEGV, &sa, NULL);
	for (int i = 0; i < PAGES; i++)
		((volatile char *)region)[i * page_size] = (char)i;
	for (int i = 0; i < PAGES; i++)
		bad += region[i * page_size] != (char)i;
	printf("pager: %d faults for %d pages\n", faults, PAGES);
	CHECK("pager", faults == PAGES && bad == 0);
	munmap(region, PAGES * page_size);
	signal(SIGSEGV, SIG_DFL);
}

static void on_guard(int sig, siginfo_t *si, void *uc)
{
	int on_alt = 0;
	stack_t ss;

	sigaltstack(NULL, &ss);
	on_alt = ss.ss_flags & SS_ONSTACK;
	siglongjmp(guard_jump, si->si_addr == guard_base && si->si_code == SEGV_ACCERR && on_alt ? 1 : 2);
}

static void test_guard(void)
{
	static char alt[16384];
	stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt) };
	struct sigaction sa = { .sa_sigaction = on_guard, .sa_flags = SA_SIGINFO | SA_ONSTACK };
	int r;

	CHECK("sigaltstack_small", sigaltstack(&(stack_t){ .ss_sp = alt, .ss_size = 100 }, NULL) == -1 &&
	      errno == ENOMEM);
	sigaltstack(&ss, NULL);
	sigaction(SIGSEGV, &sa, NULL);
	guard_base = mmap(NULL, page_size, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	r = sigsetjmp(guard_jump, 1);
	if (r == 0)
		*(volatile char *)guard_base = 1;
	CHECK("guard_page_on_altstack", r == 1);
	CHECK("siglongjmp_mask", ({ sigset_t m; sigprocmask(SIG_BLOCK, NULL, &m); !sigismember(&m, SIGSEGV); }));
	signal(SIGSEGV, SIG_DFL);
	munmap(guard_base, page_size);
}

static void on_alarm(int sig)
{
	alarms++;
	if (pipe_w >= 0)
		write(pipe_w, "a", 1);
}

static void test_alarm(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };
	int fds[2];
	char c;
	ssize_t n;

	pipe(fds);
	pipe_w = -1;
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	n = read(fds[0], &c, 1);
	CHECK("alarm_eintr", n == -1 && errno == EINTR && alarms == 1);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	pipe_w = fds[1];
	alarm(1);
	n = read(fds[0], &c, 1);
	CHECK("alarm_restart", n == 1 && c == 'a' && alarms == 2);
	CHECK("alarm_remaining", alarm(5) == 0 && alarm(0) == 5);
	close(fds[0]);
	close(fds[1]);
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	chld_pid = si->si_pid;
	chld_status = si->si_status;
	chld_code = si->si_code;
}

static void test_masks(void)
{
	struct sigaction sa = { .sa_sigaction = on_chld, .sa_flags = SA_SIGINFO };
	sigset_t block, old, pending;
	int sig = 0, status;
	pid_t pid;

	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &old);
	raise(SIGUSR1);
	sigpending(&pending);
	CHECK("sigpending", sigismember(&pending, SIGUSR1) && !sigismember(&pending, SIGCHLD));
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	CHECK("sigwait", sigwait(&block, &sig) == 0 && sig == SIGUSR1);
	sigaction(SIGCHLD, &sa, NULL);
	pid = fork();
	if (pid == 0)
		_exit(42);
	sigsuspend(&old);
	printf("SIGCHLD: status %d, %s\n", chld_status, chld_code == CLD_EXITED ? "CLD_EXITED" : "other");
	CHECK("sigchld_info", chld_pid == pid && chld_status == 42 && chld_code == CLD_EXITED);
	waitpid(pid, &status, 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	signal(SIGCHLD, SIG_DFL);
	pid = fork();
	if (pid == 0) {
		raise(SIGTERM);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	printf("raise(SIGTERM) in a child: %s\n", WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "exited");
	pid = fork();
	if (pid == 0)
		abort();
	waitpid(pid, &status, 0);
	printf("abort in a child: %s, core bit %d\n", strsignal(WTERMSIG(status)), WCOREDUMP(status) ? 1 : 0);
}

int main(void)
{
	page_size = sysconf(_SC_PAGESIZE);
	test_pager();
	test_guard();
	test_alarm();
	test_masks();
	return done();
}
