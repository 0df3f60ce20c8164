/*
 * echoargs.c: the program exectest runs through execve. Prints "echoargs: argc=<n>", then
 * "echoargs: argv[<i>]=<s>" for each argument and "echoargs: env=<first envp string>" (or
 * "echoargs: env=none"); exits with argc (modulo 256, as every exit status).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	printf("echoargs: argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("echoargs: argv[%d]=%s\n", i, argv[i]);
	printf("echoargs: env=%s\n", envp[0] ? envp[0] : "none");
	return argc;
}
