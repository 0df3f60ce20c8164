/*
 * fork1.c: shows that fork gives the child its own copy of the parent's memory. A global starts
 * at 0; after one fork each process prints, then increments, its own copy every round:
 *     [U-PARENT] pid: <pid> is running! global_variable: <n>
 *     [U-CHILD] pid: <pid> is running! global_variable: <n>
 * with n = 0, 1, .., rounds - 1 in both (rounds = argv[1], default 3), a long busy wait after
 * each line so the timer interleaves the two. The parent reaps the child (wait4 until -ECHILD)
 * and both exit 0.
 */
#include "ulib.h"

static int global_variable = 0;

int main(int argc, char **argv, char **envp)
{
	int rounds = demo_rounds(argc, argv);
	long pid = sys_fork();
	const char *who = pid == 0 ? "U-CHILD" : "U-PARENT";

	if (pid < 0) {
		printf("fork1: FAIL fork returned %ld\n", pid);
		return 1;
	}
	demo_print_rounds(who, &global_variable, rounds);
	reap_children();
	return 0;
}
