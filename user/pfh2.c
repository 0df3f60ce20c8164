/*
 * pfh2.c: pfh1 plus one bss page the program never touches. It prints
 * "untouched page: 0x<addr>" once, then the pfh1 lines; a lazy kernel never backs that page
 * with memory (inspect the page table to see it unmapped). Exits 0.
 */
#include "ulib.h"

/* Page-aligned and one page long, so it shares its page with nothing. Only its address is used. */
static char untouched[PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));

int main(int argc, char **argv, char **envp)
{
	printf("untouched page: 0x%lx\n", (unsigned long)untouched);
	pfh_print_rounds(argc, argv);
	return 0;
}
