/*
 * kill_priv.c: reading a supervisor CSR (sstatus) from user mode must kill the process with
 * SIGILL.
 * Expected output: "kill_priv: about to fault", then death by SIGILL (shell status 132).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_priv", fault_priv);
}
