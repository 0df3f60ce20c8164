/*
 * fork2.c: shows that fork copies every page the parent has written, including a page written
 * only just before the fork. Prints "[U] pid: <pid> is running! global_variable: <n>" for
 * n = 0, 1, 2; writes "ZJU OS Lab5" into the second page of an 8 KiB zeroed global array;
 * forks; then each process prints the message it reads from its own copy of that page,
 *     [U-PARENT] pid: <pid> is running! Message: ZJU OS Lab5
 *     [U-CHILD] pid: <pid> is running! Message: ZJU OS Lab5
 * and loops rounds times (argv[1], default 3) printing
 *     [U-PARENT] pid: <pid> is running! global_variable: <n>   (or [U-CHILD])
 * with n = 3, 4, .. in both, a long busy wait after every line. The parent reaps the child
 * (wait4 until -ECHILD) and both exit 0.
 */
#include "ulib.h"

#define PRELUDE_PRINTS 3
#define MESSAGE "ZJU OS Lab5"

static int global_variable = 0;
/* 8 KiB, page-aligned, zero-initialised (.bss); only the second page is ever written. */
static char placeholder[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

int main(int argc, char **argv, char **envp)
{
	int rounds = demo_rounds(argc, argv);
	const char *who;
	long pid;

	demo_print_rounds("U", &global_variable, PRELUDE_PRINTS);
	strcpy(placeholder + PAGE_SIZE, MESSAGE);
	pid = sys_fork();
	if (pid < 0) {
		printf("fork2: FAIL fork returned %ld\n", pid);
		return 1;
	}
	who = pid == 0 ? "U-CHILD" : "U-PARENT";
	printf("[%s] pid: %ld is running! Message: %s\n", who, sys_getpid(),
	       placeholder + PAGE_SIZE);
	demo_spin();
	demo_print_rounds(who, &global_variable, rounds);
	reap_children();
	return 0;
}
