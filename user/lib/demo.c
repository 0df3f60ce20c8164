/* demo.c: what the time-sharing demos (pfh*, fork*) share: the round count, the busy wait, the fork demos' line. */
#include "ulib.h"

#define DEFAULT_ROUNDS 3
/* Work between two prints: long enough that a timer interrupt lets other processes run. */
#define BUSY_INSTRUCTIONS 8000000UL
/* Instructions in one iteration of the volatile loop in demo_spin() (checked with objdump at -O2). */
#define INSTRUCTIONS_PER_ITERATION 5UL

int demo_rounds(int argc, char **argv)
{
	return argc > 1 ? atoi(argv[1]) : DEFAULT_ROUNDS;
}

/* volatile keeps the compiler from removing the loop. */
void demo_spin(void)
{
	for (volatile unsigned long i = 0; i < BUSY_INSTRUCTIONS / INSTRUCTIONS_PER_ITERATION; i++)
		;
}

void demo_print_global(const char *tag, int *counter)
{
	printf("[%s] pid: %ld is running! global_variable: %d\n", tag, sys_getpid(), *counter);
	(*counter)++;
}

void demo_print_rounds(const char *tag, int *counter, int rounds)
{
	for (int round = 0; round < rounds; round++) {
		demo_print_global(tag, counter);
		demo_spin();
	}
}
