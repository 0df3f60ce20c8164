/* fdt.h: reading the boot command line from the device tree OpenSBI passes in a1. */
#ifndef _FDT_H
#define _FDT_H

#include "types.h"

/* The NUL-terminated /chosen/bootargs string inside fdt, or NULL. */
const char *fdt_bootargs(const void *fdt);

#endif
