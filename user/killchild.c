/*
 * killchild.c: checks that a fault kills only the faulting process and that its parent learns
 * the signal through wait4. Each of the seven fatal cases (store to text, load from 0, load from
 * a kernel address, execute data, illegal instruction, csrr sstatus, stack overflow; see
 * faults.c) runs in its own forked child, which prints "killchild_<case>: about to fault"; the
 * parent then checks that the child was killed by SIGSEGV or SIGILL as the case requires.
 * Expected output: "killchild_<case>: about to fault" then "killchild_<case>: ok" for the cases
 * text, null, kaddr, exec, illegal, priv, stack; exit status 0.
 */
#include "ulib.h"

#define NAME_MAX 32

int main(int argc, char **argv, char **envp)
{
	char name[NAME_MAX];

	for (int i = 0; i < NR_FATAL_CASES; i++) {
		const struct fatal_case *c = &fatal_cases[i];
		long pid, status;

		snprintf(name, sizeof(name), "killchild_%s", c->name);
		pid = sys_fork();
		if (pid == 0)
			expect_fatal(name, c->fault);
		status = wait_child(pid);
		check(name, status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == c->signal,
		      "fork/wait4 gave status %ld, expected death by signal %d", status, c->signal);
	}
	test_exit();
}
