/* assert.c: a failed assert prints glibc's message on stderr and aborts (SIGABRT, 134). */
#include <assert.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("assert: checking that argc is 2\n");
	fflush(stdout);
	assert(argc == 2);
	printf("assert: FAIL still running\n");
	return 1;
}
