/*
 * fork3.c: shows a process tree built by three forks. The program is exactly
 *     print; global++; fork(); fork(); print; global++; fork(); rounds x { print; global++; spin }
 * where print is "[U] pid: <pid> is running! global_variable: <n>" and each process increments
 * its own copy of the global (rounds = argv[1], default 3; spin is a long busy wait).
 * Expected lines: the first process prints n = 0 once; after the first two forks the four
 * processes print n = 1 once each; after the third fork the eight processes each print
 * n = 2, 3, .., rounds + 1. So with 3 rounds: 1 + 4 + 24 = 29 lines. Every process then reaps
 * its own children (wait4 until -ECHILD) and exits 0, so the tree ends cleanly.
 */
#include "ulib.h"

static int global_variable = 0;

/* A failed fork only means fewer processes; say so, and carry on. */
static void fork_or_report(void)
{
	long pid = sys_fork();

	if (pid < 0)
		printf("fork3: FAIL fork returned %ld\n", pid);
}

int main(int argc, char **argv, char **envp)
{
	int rounds = demo_rounds(argc, argv);

	demo_print_global("U", &global_variable);
	fork_or_report();
	fork_or_report();
	demo_print_global("U", &global_variable);
	fork_or_report();
	demo_print_rounds("U", &global_variable, rounds);
	reap_children();
	return 0;
}
