/*
 * kill_illegal.c: an all-zero instruction word (defined to be illegal) must kill the process
 * with SIGILL.
 * Expected output: "kill_illegal: about to fault", then death by SIGILL (shell status 132).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_illegal", fault_illegal);
}
