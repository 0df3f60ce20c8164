/*
 * stacktest.c: shows that the stack grows on demand: recursion that uses 512 KiB of stack
 * (1 KiB of locals per call, 512 calls deep) and checks a checksum of every frame's contents.
 * Expected output: "stack_deep: ok"; exit status 0.
 */
#include "ulib.h"

#define FRAME_BYTES 1024
#define DEPTH 512

static unsigned char frame_byte(int depth, int i)
{
	return (unsigned char)(depth * 31 + i);
}

/* Fills a FRAME_BYTES local with a pattern, recurses, then sums the local after the return,
 * so every frame must still hold its own data when the deeper calls are done. */
static unsigned long descend(int depth)
{
	volatile unsigned char local[FRAME_BYTES];
	unsigned long sum = 0;

	for (int i = 0; i < FRAME_BYTES; i++)
		local[i] = frame_byte(depth, i);
	if (depth + 1 < DEPTH)
		sum = descend(depth + 1);
	for (int i = 0; i < FRAME_BYTES; i++)
		sum += local[i];
	return sum;
}

int main(int argc, char **argv, char **envp)
{
	unsigned long expected = 0, got;

	for (int depth = 0; depth < DEPTH; depth++)
		for (int i = 0; i < FRAME_BYTES; i++)
			expected += frame_byte(depth, i);
	got = descend(0);
	check("stack_deep", got == expected, "checksum 0x%lx, expected 0x%lx", got, expected);
	test_exit();
}
