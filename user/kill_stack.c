/*
 * kill_stack.c: recursion without end must overflow the stack (8 MiB) and be killed with
 * SIGSEGV rather than run into other memory.
 * Expected output: "kill_stack: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

/* Under a page, so every stack page gets touched in order and no guard page is skipped. */
#define FRAME_BYTES 2048

/* Effectively unbounded; volatile so the compiler cannot prove the recursion endless. */
static volatile unsigned long depth_limit = ~0UL;

static unsigned long descend(unsigned long depth)
{
	volatile unsigned char frame[FRAME_BYTES];

	frame[0] = (unsigned char)depth;
	if (depth < depth_limit)
		return descend(depth + 1) + frame[0];	/* not a tail call: each frame stays */
	return 0;
}

static void fault(void)
{
	descend(0);
}

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_stack", fault);
}
