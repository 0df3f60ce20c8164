/*
 * fork.c: processes through glibc: fork (glibc issues clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID
 * | SIGCHLD)), exit status and signal death seen by waitpid, WNOHANG, getppid, execve of another
 * program with arguments and environment, and O_CLOEXEC descriptors closed across execve.
 */
#include "common.h"
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

static char path[256];

static void check_exit_code(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0)
		exit(7);
	CHECK("fork_exit_code", pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
				  WEXITSTATUS(status) == 7);
}

static void check_child_ids(void)
{
	pid_t parent = getpid();
	pid_t pid = fork();
	int status;

	if (pid == 0)
		_exit(getppid() == parent && getpid() != parent && gettid() == getpid() ? 0 : 1);
	CHECK("fork_ids", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void check_signal_death(void)
{
	pid_t pid = fork();
	int status;

	if (pid == 0)
		abort();
	CHECK("fork_abort_child", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
				    WTERMSIG(status) == SIGABRT);
}

static void check_wnohang(void)
{
	int fds[2], status;
	char c;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[1]);
		_exit(read(fds[0], &c, 1) == 1 ? 3 : 4);   /* waits for the parent's byte */
	}
	close(fds[0]);
	CHECK("wait_wnohang_running", waitpid(pid, &status, WNOHANG) == 0);
	write(fds[1], "x", 1);
	close(fds[1]);
	CHECK("wait_after_release", waitpid(pid, &status, 0) == pid && WEXITSTATUS(status) == 3);
	CHECK("wait_no_child", waitpid(-1, &status, WNOHANG) == -1 && errno == ECHILD);
}

static void check_exec(const char *argv0)
{
	int keep = open("fork.keep", O_CREAT | O_RDWR | O_TRUNC, 0644);
	int drop = open("fork.drop", O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0644);
	char keep_s[16], drop_s[16];
	int status;

	snprintf(keep_s, sizeof(keep_s), "%d", keep);
	snprintf(drop_s, sizeof(drop_s), "%d", drop);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "libc_echo", "one", "two words", keep_s, drop_s, NULL };
		char *envp[] = { "GREETING=hello", "EMPTY=", NULL };
		execve(sibling(path, sizeof(path), argv0, "libc_echo"), argv, envp);
		_exit(127);
	}
	CHECK("exec_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(keep);
	close(drop);
	unlink("fork.keep");
	unlink("fork.drop");
}

int main(int argc, char **argv)
{
	check_exit_code();
	check_child_ids();
	check_signal_death();
	check_wnohang();
	check_exec(argv[0]);
	return done();
}
