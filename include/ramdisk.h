/*
 * ramdisk.h: the layout of the ramdisk, the one place both sides read it. tools/mkramdisk.py (which
 * takes these numbers from this file) writes it at build time into the kernel's .ramdisk section:
 *
 *   ramdisk_count: .quad n                                  number of files, at most RAMDISK_MAX_FILES
 *   ramdisk_table: n x struct ramdisk_entry                 in build order: ELF=, FILES=, user programs
 *   then each file's bytes, each starting on a page boundary
 *
 * A name is a base name of at most RAMDISK_NAME_SIZE - 1 bytes, NUL padded; names are unique. The
 * file bytes of all entries together (page-rounded) stay under RAMDISK_MAX_BYTES, so the kernel keeps
 * most of RAM free to run them.
 */
#ifndef _RAMDISK_H
#define _RAMDISK_H

#define RAMDISK_NAME_SIZE 48                  /* bytes of a name slot, NUL included */
#define RAMDISK_MAX_FILES 80                  /* entries in the table */
#define RAMDISK_MAX_BYTES (96 * 1024 * 1024)  /* file bytes, each file rounded up to whole pages */

#ifndef __ASSEMBLER__
#include "types.h"

struct ramdisk_entry {
	char name[RAMDISK_NAME_SIZE];
	uint64_t data;      /* kernel virtual address, page aligned */
	uint64_t size;      /* bytes */
};

/* The number of embedded files; panics if the table breaks the layout above (a build bug). */
uint64_t ramdisk_nr_files(void);

/* Entry i (i < ramdisk_nr_files()). */
const struct ramdisk_entry *ramdisk_entry(uint64_t i);
#endif

#endif
