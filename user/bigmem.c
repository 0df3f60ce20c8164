/*
 * bigmem.c: all of a bigger RAM is usable (make run MEM=2G): sysinfo reports at least MIN_MIB MiB,
 * and a heap of TOUCH_MIB MiB (more than the default machine's whole 128 MiB) takes a store in every
 * page and reads each page's own pattern back. Usage: bigmem [min_mib]
 */
#include "ulib.h"
#include "uapi/sysinfo.h"

#define MIN_MIB 1900UL
#define TOUCH_MIB 512UL
#define SEED 0x5b

int main(int argc, char **argv, char **envp)
{
	unsigned long min_mib = argc > 1 ? (unsigned long)atoi(argv[1]) : MIN_MIB;
	unsigned long pages = (TOUCH_MIB << 20) / PAGE_SIZE, base = sys_brk(0), total = 0;
	struct sysinfo si;

	if (!sys_sysinfo(&si))
		total = (si.totalram * si.mem_unit) >> 20;
	check("bigmem_sysinfo", total >= min_mib, "totalram %lu MiB, want >= %lu", total, min_mib);
	base = PAGE_ROUND_UP(base);
	check("bigmem_brk", (unsigned long)sys_brk(base + pages * PAGE_SIZE) == base + pages * PAGE_SIZE,
	      "brk of %lu MiB refused", TOUCH_MIB);
	pages_fill((void *)base, pages, SEED);
	check("bigmem_touch", pages_first_bad((void *)base, pages, SEED) == pages, "a page lost its pattern");
	sys_brk(base);
	test_exit();
}
