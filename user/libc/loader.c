/*
 * loader.c: program layouts stock toolchains produce: a static PIE (ET_DYN, no interpreter) runs,
 * loaded at the fixed base; segments sharing pages run (as lld links them: file pages shared; as
 * layout/share.ld links them: a page shared in memory, where Linux's later segment wins, which this
 * program leaves harmless); a dynamically linked program is refused with ENOENT (its interpreter,
 * /lib/ld-linux-riscv64-lp64d.so.1, does not exist), as Linux says when the interpreter is missing.
 */
#include "common.h"
#include <sys/wait.h>

static char path[256];

static int run(const char *argv0, const char *name)
{
	int status;
	char *argv[] = { (char *)name, NULL }, *envp[] = { NULL };

	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execve(sibling(path, sizeof(path), argv0, name), argv, envp);
		_exit(errno == ENOENT ? 100 : 101);
	}
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	CHECK("static_pie_runs", run(argv[0], "pie_static") == 0);
	CHECK("shared_page_gnu_ld", run(argv[0], "layout_shared") == 7);
	CHECK("shared_file_pages_lld", run(argv[0], "layout_lld") == 7);
	CHECK("dynamic_enoent", run(argv[0], "dyn_glibc") == 100);
	return done();
}
