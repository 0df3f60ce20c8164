/*
 * ramdisk.c: the files embedded in the kernel image by tools/mkramdisk.py (layout in ramdisk.h). The
 * only code that reads the generated table; inode.c turns each entry into a static inode at boot.
 */
#include "ramdisk.h"
#include "fs.h"
#include "kernel.h"
#include "memlayout.h"

_Static_assert(RAMDISK_NAME_SIZE <= NAME_MAX + 1, "a ramdisk path fits where a file name does");

extern const struct ramdisk_entry ramdisk_table[];
extern const uint64_t ramdisk_count;

uint64_t ramdisk_nr_files(void)
{
	if (ramdisk_count > RAMDISK_MAX_FILES)
		panic("ramdisk holds %lu files, at most %d fit", ramdisk_count, RAMDISK_MAX_FILES);
	for (uint64_t i = 0; i < ramdisk_count; i++)
		if (ramdisk_table[i].name[RAMDISK_NAME_SIZE - 1] || !PAGE_ALIGNED(ramdisk_table[i].data))
			panic("ramdisk entry %lu is malformed", i);
	return ramdisk_count;
}

const struct ramdisk_entry *ramdisk_entry(uint64_t i)
{
	return &ramdisk_table[i];
}
