/*
 * orphan.c: a child forks a grandchild and exits at once; the grandchild, now an orphan, is handed
 * to init (pid 1, this program), whose getppid() it then reports, and init reaps it with wait4(-1).
 * Expected: "orphan_child: ok", "orphan_reparented: ok", "orphan_reaped: ok", exit status 0. Run it as
 * init: under Linux as an ordinary process, orphans go to the real init and the second check fails.
 */
#include "ulib.h"

#define GRANDCHILD_YIELDS 50    /* long enough for its parent to exit first */
#define GRANDCHILD_CODE 7

int main(int argc, char **argv, char **envp)
{
	long child = sys_fork(), pid;
	int status = 0;

	if (child == 0) {
		if (sys_fork() == 0) {
			yield_times(GRANDCHILD_YIELDS);
			/* Exit code 7 if we were handed to init, 1 otherwise. */
			sys_exit(sys_getppid() == 1 ? GRANDCHILD_CODE : 1);
		}
		sys_exit(0);
	}
	pid = sys_wait4(child, &status, 0, 0);
	check("orphan_child", pid == child && status == 0, "wait4 gave %ld status 0x%x", pid, status);
	pid = sys_wait4(-1, &status, 0, 0);
	check("orphan_reparented", pid > 0 && WEXITSTATUS(status) == GRANDCHILD_CODE,
	      "grandchild %ld exited with %d (7: its parent was init)", pid, WEXITSTATUS(status));
	check("orphan_reaped", sys_wait4(-1, &status, 0, 0) == -ECHILD, "a child is left");
	test_exit();
}
