/*
 * kill_text.c: a store into the program's own (read-only) text must kill it with SIGSEGV.
 * Expected output: "kill_text: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_text", fault_store_text);
}
