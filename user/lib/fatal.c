/* fatal.c: runs a fault that must kill the process, and reports if the process survived it. */
#include "ulib.h"

void expect_fatal(const char *name, void (*fault)(void))
{
	printf("%s: about to fault\n", name);
	fault();
	printf("%s: FAIL survived\n", name);
	sys_exit(1);
}
