/*
 * kill_null.c: a load from address 0 must kill the process with SIGSEGV.
 * Expected output: "kill_null: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

/* Read through a volatile variable so the compiler cannot see a null dereference and
 * replace it with a trap instruction of its own. */
static volatile unsigned long null_addr = 0;

static void fault(void)
{
	(void)*(volatile int *)null_addr;
}

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_null", fault);
}
