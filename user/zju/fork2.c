/*
 * fork2.c (zju_fork2): the lab's second fork scenario in the lab's style. Before forking the parent
 * counts its global to 3 ("[U] pid: 1 is running! global_variable: 0..2") and writes "ZJU OS Lab5"
 * into a page of its own; after the fork both print the message (the child sees it in its copy) and
 * then their own counts from 3: "[U-PARENT]"/"[U-CHILD] pid: N is running! global_variable: 3, 4".
 */
#include "zju.h"

#define PAGE 4096
#define BEFORE_FORK 3

static int global_variable;
static char placeholder[PAGE] __attribute__((aligned(PAGE)));

static void copy_message(char *dst, const char *src)
{
	while ((*dst++ = *src++))
		;
}

ZJU_MAIN
{
	long pid;
	const char *who;

	while (global_variable < BEFORE_FORK) {
		printf("[U] pid: %ld is running! global_variable: %d\n", getpid(), global_variable++);
		wait(ZJU_WAIT);
	}
	copy_message(placeholder, "ZJU OS Lab5");
	pid = fork();
	who = pid == 0 ? "U-CHILD" : "U-PARENT";
	printf("[%s] pid: %ld is running! Message: %s\n", who, getpid(), placeholder);
	for (int i = 0; i < ZJU_ROUNDS - 1; i++) {
		printf("[%s] pid: %ld is running! global_variable: %d\n", who, getpid(), global_variable++);
		wait(ZJU_WAIT);
	}
	zju_exit(0);
}
