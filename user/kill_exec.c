/*
 * kill_exec.c: jumping into writable, non-executable data must kill the process with SIGSEGV,
 * even though the data holds a valid instruction ("ret").
 * Expected output: "kill_exec: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

#define RET_INSN 0x00008067u	/* jalr zero, 0(ra) */

/* In .data (segment flags RW, no X, checked with readelf -l) and on a page of its own. */
static unsigned ret_code[PAGE_SIZE / sizeof(unsigned)] __attribute__((aligned(PAGE_SIZE))) = {
	RET_INSN
};

static void fault(void)
{
	((void (*)(void))(void *)ret_code)();
}

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_exec", fault);
}
