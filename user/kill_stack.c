/*
 * kill_stack.c: recursion without end must overflow the stack (8 MiB) and be killed with
 * SIGSEGV rather than run into other memory.
 * Expected output: "kill_stack: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_stack", fault_stack_overflow);
}
