/*
 * pipe.c: pipes between processes through glibc: a 1 MiB stream checked byte for byte, EOF once the
 * writer has closed, a program's output read through a pipe (dup2 + execve), O_NONBLOCK (-EAGAIN on
 * an empty or full pipe, a 64 KiB buffer), writing with no reader (SIGPIPE kills the writer; EPIPE),
 * fstat and lseek on a pipe.
 */
#include "common.h"
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define STREAM_BYTES (1 << 20)
#define CHUNK 3000
#define PIPE_CAPACITY 65536

static char path[256];

static unsigned char pattern(long i)
{
	return (unsigned char)(i * 7 + (i >> 12));
}

static void check_stream(void)
{
	int fds[2], status;
	static unsigned char buf[CHUNK];
	long got = 0, ok = 1, n;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		close(fds[0]);
		for (long off = 0; off < STREAM_BYTES; off += n) {
			n = STREAM_BYTES - off < CHUNK ? STREAM_BYTES - off : CHUNK;
			for (long i = 0; i < n; i++)
				buf[i] = pattern(off + i);
			if (write(fds[1], buf, n) != n)
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0) {
		for (long i = 0; i < n; i++)
			ok &= buf[i] == pattern(got + i);
		got += n;
	}
	CHECK("pipe_stream", ok && got == STREAM_BYTES && n == 0);
	CHECK("pipe_writer_status", waitpid(pid, &status, 0) == pid && WIFEXITED(status) && !WEXITSTATUS(status));
	close(fds[0]);
}

static void check_exec_output(const char *argv0)
{
	int fds[2], status;
	char buf[512];
	long len = 0, n;

	pipe(fds);
	pid_t pid = fork();
	if (pid == 0) {
		char *argv[] = { "libc_echo", "via a pipe", NULL };
		char *envp[] = { NULL };
		dup2(fds[1], 1);
		close(fds[0]);
		close(fds[1]);
		execve(sibling(path, sizeof(path), argv0, "libc_echo"), argv, envp);
		_exit(127);
	}
	close(fds[1]);
	while ((n = read(fds[0], buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	buf[len] = 0;
	waitpid(pid, &status, 0);
	CHECK("pipe_exec_output", strstr(buf, "echo: argv[1] = \"via a pipe\"\n") != NULL && WEXITSTATUS(status) == 0);
	close(fds[0]);
}

static void check_nonblock(void)
{
	int fds[2];
	char buf[4096] = { 0 };
	long total = 0, n;

	CHECK("pipe2_nonblock", pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0);
	CHECK("pipe_read_empty", read(fds[0], buf, 1) == -1 && errno == EAGAIN);
	while ((n = write(fds[1], buf, sizeof(buf))) > 0)
		total += n;
	CHECK("pipe_capacity", total == PIPE_CAPACITY && n == -1 && errno == EAGAIN);
	CHECK("pipe_flags", (fcntl(fds[0], F_GETFL) & O_NONBLOCK) && fcntl(fds[0], F_GETFD) == FD_CLOEXEC);
	struct stat st;
	CHECK("pipe_fstat", fstat(fds[0], &st) == 0 && S_ISFIFO(st.st_mode));
	CHECK("pipe_lseek", lseek(fds[0], 0, SEEK_SET) == -1 && errno == ESPIPE);
	close(fds[1]);
	while ((n = read(fds[0], buf, sizeof(buf))) > 0)
		total -= n;
	CHECK("pipe_drain_then_eof", total == 0 && n == 0);
	close(fds[0]);
}

static void check_no_reader(void)
{
	int fds[2], status;

	pipe(fds);
	close(fds[0]);
	pid_t pid = fork();
	if (pid == 0) {
		write(fds[1], "x", 1);
		_exit(0);       /* not reached: SIGPIPE */
	}
	CHECK("pipe_sigpipe", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	close(fds[1]);
	CHECK("pipe2_bad_flags", pipe2(fds, O_APPEND) == -1 && errno == EINVAL);
}

int main(int argc, char **argv)
{
	check_stream();
	check_exec_output(argv[0]);
	check_nonblock();
	check_no_reader();
	return done();
}
