/* pfh.c: the print-then-spin loop shared by the pfh1 and pfh2 demos. */
#include "ulib.h"

void pfh_print_rounds(int argc, char **argv)
{
	int rounds = demo_rounds(argc, argv);

	for (int n = 1; n <= rounds; n++) {
		printf("[U-MODE] pid: %ld, sp is 0x%lx, this is print No.%d\n",
		       sys_getpid(), read_sp(), n);
		demo_spin();
	}
}
