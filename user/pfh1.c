/*
 * pfh1.c: shows time sharing: prints "[U-MODE] pid: <pid>, sp is 0x<sp>, this is print No.<n>"
 * rounds times (argv[1], default 3) with a long busy loop in between, so the timer interleaves
 * the lines of several copies. Exits 0.
 */
#include "ulib.h"

int main(int argc, char **argv, char **envp)
{
	pfh_print_rounds(argc, argv);
	return 0;
}
