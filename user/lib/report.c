/* report.c: the one output format of benchmark figures (bench.c and execbench.c). */
#include "ulib.h"

void bench_report(const char *name, long instructions, long target)
{
	printf("bench: %s %ld (target %ld)\n", name, instructions, target);
}
