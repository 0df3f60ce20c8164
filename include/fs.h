/* fs.h: files. For now the read-only files embedded in the ramdisk, looked up by base name. */
#ifndef _FS_H
#define _FS_H

#include "types.h"

#define NAME_MAX 47

struct inode {
	char name[NAME_MAX + 1];
	uint64_t size;          /* bytes */
	const uint8_t *data;    /* contents in the ramdisk (page aligned, read-only mapping) */
};

void ramdisk_init(void);
/* The ramdisk file named name (a leading '/' is ignored), or NULL. */
struct inode *ramdisk_lookup(const char *name);

#endif
