/*
 * oom.c: grows the heap far past physical memory (the kernel allows it: nothing is allocated until
 * touched) and stores to every page. The fault that finds no free page kills this process with
 * SIGKILL; the kernel runs on and every page comes back.
 * Expected: "oom: touching" then death by SIGKILL (QEMU exit status 137 when run as init).
 */
#include "ulib.h"

#define HEAP_BYTES (256UL << 20)   /* twice the machine's RAM */

int main(int argc, char **argv, char **envp)
{
	unsigned long base = PAGE_ROUND_UP((unsigned long)sys_brk(0));
	unsigned long end = base + HEAP_BYTES;

	if ((unsigned long)sys_brk(end) != end) {
		printf("oom: FAIL brk could not grow by %lu MiB\n", HEAP_BYTES >> 20);
		return 1;
	}
	printf("oom: touching %lu MiB\n", HEAP_BYTES >> 20);
	for (unsigned long p = base; p < end; p += PAGE_SIZE)
		*(volatile char *)p = 1;
	printf("oom: FAIL survived\n");
	return 1;
}
