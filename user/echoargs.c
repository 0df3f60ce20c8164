/*
 * echoargs.c: the program exectest runs through execve. Prints "echoargs: argc=<n>", then
 * "echoargs: argv[<i>]=<s>" for each argument and "echoargs: env=<first envp string>" (or
 * "echoargs: env=none"), then "echoargs: strings=packed" when the argv strings, the envp strings and
 * the AT_EXECFN path lie end to end in that order as Linux places them (else the index of the first
 * string out of place, argv's then envp's); exits with argc (modulo 256, as every exit status).
 */
#include "ulib.h"

/* The index of the first string (argv's, then envp's, then AT_EXECFN) not right after the one before
 * it, or -1 when all lie end to end. */
static int first_unpacked(int argc, char **argv, char **envp)
{
	const char *next = argv[0];
	unsigned long execfn = 0;
	int i = 0;

	for (; i < argc; next += strlen(next) + 1, i++)
		if (argv[i] != next)
			return i;
	for (char **e = envp; *e; next += strlen(next) + 1, e++, i++)
		if (*e != next)
			return i;
	return auxv_get(AT_EXECFN, &execfn) && (const char *)execfn == next ? -1 : i;
}

int main(int argc, char **argv, char **envp)
{
	int unpacked = argc ? first_unpacked(argc, argv, envp) : -1;

	printf("echoargs: argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("echoargs: argv[%d]=%s\n", i, argv[i]);
	printf("echoargs: env=%s\n", envp[0] ? envp[0] : "none");
	if (unpacked < 0)
		printf("echoargs: strings=packed\n");
	else
		printf("echoargs: strings=string %d out of place\n", unpacked);
	return argc;
}
