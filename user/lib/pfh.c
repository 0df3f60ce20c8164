/* pfh.c: the print-then-spin loop shared by the pfh1 and pfh2 demos. */
#include "ulib.h"

#define DEFAULT_ROUNDS 3
/* Work between two prints: long enough that a timer interrupt lets other processes run. */
#define BUSY_INSTRUCTIONS 8000000UL
/* Instructions in one iteration of the volatile loop in spin() (checked with objdump at -O2). */
#define INSTRUCTIONS_PER_ITERATION 5UL

/* Burns about BUSY_INSTRUCTIONS instructions; volatile keeps the compiler from removing it. */
static void spin(void)
{
	for (volatile unsigned long i = 0; i < BUSY_INSTRUCTIONS / INSTRUCTIONS_PER_ITERATION; i++)
		;
}

void pfh_print_rounds(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : DEFAULT_ROUNDS;

	for (int n = 1; n <= rounds; n++) {
		printf("[U-MODE] pid: %ld, sp is 0x%lx, this is print No.%d\n",
		       sys_getpid(), read_sp(), n);
		spin();
	}
}
