/*
 * pfh2.c (zju_pfh2): the lab's second page-fault scenario in the lab's style: a page-aligned 4 KiB
 * array sits in the data segment between the code and the variable the program uses, and is never
 * touched, so its page is never mapped. Prints "[U-MODE] pid: <pid>, increment: <n>" ZJU_ROUNDS times
 * and the untouched page's address once.
 */
#include "zju.h"

#define PAGE 4096

static char placeholder[PAGE] __attribute__((aligned(PAGE), used)) = { 'Z' };
static int increment __attribute__((aligned(PAGE)));

ZJU_MAIN
{
	if (increment == 0)
		printf("zju_pfh2: untouched page: 0x%lx\n", (unsigned long)placeholder);
	while (increment < ZJU_ROUNDS) {
		printf("[U-MODE] pid: %ld, increment: %d\n", getpid(), increment++);
		wait(ZJU_WAIT);
	}
	zju_exit(0);
}
