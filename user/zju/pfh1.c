/*
 * pfh1.c (zju_pfh1): the lab's first page-fault scenario, written here in the lab's style. Each copy
 * prints "[U-MODE] pid: <pid>, sp is 0x<sp>, this is print No.<n>" ZJU_ROUNDS times with a busy wait
 * between. Its first accesses, in order: the instruction at the entry point, main's store on the
 * stack, the load of counter on the data page, then printf on the next text page.
 */
#include "zju.h"

static int counter;     /* in .data (not .bss): the data page is file-backed, as in the lab */
static int placed_in_data __attribute__((used)) = 1;

ZJU_MAIN
{
	register unsigned long sp asm("sp");

	while (counter < ZJU_ROUNDS) {
		int n = ++counter;
		printf("[U-MODE] pid: %ld, sp is 0x%lx, this is print No.%d\n", getpid(), sp, n);
		wait(ZJU_WAIT);
	}
	zju_exit(0);
}
