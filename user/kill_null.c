/*
 * kill_null.c: a load from address 0 must kill the process with SIGSEGV.
 * Expected output: "kill_null: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_null", fault_load_null);
}
