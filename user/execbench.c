/*
 * execbench.c: the end of bench's exec figure. bench's child passes argv[1], the instret value
 * read just before its execve (EXEC_STAMP_DIGITS letters, see ulib.h), and argv[2], the
 * instructions of its own window outside the kernel (decimal). The first instruction of _start
 * recorded instret in __start_instret, so the kernel's share of execve, from the system call to
 * this program's first instruction, is __start_instret - argv[1] - argv[2]. Prints
 * "bench: exec <instructions> (target 30000)", or "bench: exec skipped (...)" when run without
 * those arguments; exit status 0. "execbench -x [...]" exits at once, silent: vmatest's
 * exec_per_arg_byte runs it with arguments of different sizes.
 */
#include "ulib.h"

#define EXEC_TARGET 30000
#define NIBBLE_BITS 4
#define NIBBLE_MASK 0xfUL

/* Returns 1 and the value in *value when s is a well-formed stamp, else 0. */
static int decode_stamp(const char *s, unsigned long *value)
{
	unsigned long v = 0;

	if (strlen(s) != EXEC_STAMP_DIGITS)
		return 0;
	for (int i = 0; i < EXEC_STAMP_DIGITS; i++) {
		unsigned long nibble = (unsigned long)(s[i] - EXEC_STAMP_BASE);

		if (nibble > NIBBLE_MASK)
			return 0;
		v = v << NIBBLE_BITS | nibble;
	}
	*value = v;
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	unsigned long start;

	if (argc >= 2 && !strcmp(argv[1], "-x"))
		return 0;
	if (argc != 3 || !decode_stamp(argv[1], &start)) {
		printf("bench: exec skipped (execbench expects the instret stamp that bench passes)\n");
		return 0;
	}
	bench_report("exec", (long)(__start_instret - start - (unsigned long)atoi(argv[2])),
		     EXEC_TARGET);
	return 0;
}
