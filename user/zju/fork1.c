/*
 * fork1.c (zju_fork1): the lab's first fork scenario in the lab's style: one fork through the lab's
 * wrapper (a7 = 220 only), then parent and child each print their own copy of a global:
 * "[U-PARENT] pid: 1 is running! global_variable: <n>" and "[U-CHILD] pid: 2 ...", n = 0, 1, 2.
 */
#include "zju.h"

static int global_variable;

ZJU_MAIN
{
	long pid = fork();
	const char *who = pid == 0 ? "U-CHILD" : "U-PARENT";

	for (int i = 0; i < ZJU_ROUNDS; i++) {
		printf("[%s] pid: %ld is running! global_variable: %d\n", who, getpid(), global_variable++);
		wait(ZJU_WAIT);
	}
	zju_exit(0);
}
