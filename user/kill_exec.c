/*
 * kill_exec.c: jumping into writable, non-executable data must kill the process with SIGSEGV,
 * even though the data holds a valid instruction ("ret").
 * Expected output: "kill_exec: about to fault", then death by SIGSEGV (shell status 139).
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	expect_fatal("kill_exec", fault_exec_data);
}
