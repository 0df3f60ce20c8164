/* fdt.h: reading the boot command line and the ISA string from the device tree OpenSBI passes in a1. */
#ifndef _FDT_H
#define _FDT_H

#include "types.h"

/* The NUL-terminated /chosen/bootargs string inside fdt, or NULL. */
const char *fdt_bootargs(const void *fdt);
/* The size of the RAM at base from the first memory node (QEMU virt: 2-cell address and size), or 0. */
uint64_t fdt_memory_size(const void *fdt, uint64_t base);
/* Whether the first cpu's riscv,isa string names the multi-letter extension ext (e.g. "sstc"). */
bool fdt_isa_has(const void *fdt, const char *ext);

#endif
