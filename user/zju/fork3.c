/*
 * fork3.c (zju_fork3): the lab's third fork scenario in the lab's style: print; fork; fork; print;
 * fork; then ZJU_ROUNDS prints, each "[U] pid: <pid> is running! global_variable: <n>" with n the
 * process's own count. Eight processes; run as the lab's kernel runs them, their first values by pid
 * 1..8 are 0, 1, 1, 2, 1, 2, 2, 2.
 */
#include "zju.h"

static int global_variable;

static void print_global(void)
{
	printf("[U] pid: %ld is running! global_variable: %d\n", getpid(), global_variable++);
}

ZJU_MAIN
{
	print_global();
	fork();
	fork();
	print_global();
	fork();
	for (int i = 0; i < ZJU_ROUNDS; i++) {
		print_global();
		wait(ZJU_WAIT);
	}
	zju_exit(0);
}
