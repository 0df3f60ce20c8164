/* abort.c: abort() ends the process with SIGABRT (a shell reports 134), after flushing nothing. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	printf("abort: calling abort()\n");
	fflush(stdout);
	abort();
	printf("abort: FAIL still running\n");
	return 1;
}
