/*
 * kill_kaddr.c: a load from a kernel address must kill the process with SIGSEGV.
 * Expected output: "kill_kaddr: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_kaddr", fault_load_kaddr);
}
