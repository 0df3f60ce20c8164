/*
 * ramdisk.c: the files embedded in the kernel image. The build generates ramdisk_table (one entry per
 * file, name and location) in the read-only .ramdisk section; each file starts on a page boundary.
 */
#include "fs.h"
#include "string.h"
#include "kernel.h"

#define RAMDISK_MAX_FILES 64

/* Layout written by the Makefile's ramdisk generator. */
struct ramdisk_entry {
	char name[NAME_MAX + 1];
	uint64_t data;      /* kernel virtual address */
	uint64_t size;      /* bytes */
};

extern const struct ramdisk_entry ramdisk_table[];
extern const uint64_t ramdisk_count;

static struct inode ramdisk_inodes[RAMDISK_MAX_FILES];
static int nr_inodes;

void ramdisk_init(void)
{
	if (ramdisk_count > RAMDISK_MAX_FILES)
		panic("ramdisk holds %lu files, at most %d fit", ramdisk_count, RAMDISK_MAX_FILES);
	for (uint64_t i = 0; i < ramdisk_count; i++) {
		struct inode *ino = &ramdisk_inodes[nr_inodes++];
		strncpy_s(ino->name, ramdisk_table[i].name, sizeof(ino->name));
		ino->data = (const uint8_t *)ramdisk_table[i].data;
		ino->size = ramdisk_table[i].size;
	}
}

struct inode *ramdisk_lookup(const char *name)
{
	while (*name == '/')
		name++;
	for (int i = 0; i < nr_inodes; i++)
		if (!strcmp(ramdisk_inodes[i].name, name))
			return &ramdisk_inodes[i];
	return NULL;
}
