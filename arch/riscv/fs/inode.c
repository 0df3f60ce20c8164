/*
 * inode.c: the flat directory of files. At boot every ramdisk file becomes a static inode whose pages
 * are read from the ramdisk on first use; openat(O_CREAT) adds runtime inodes. Names are base names:
 * a leading '/' is ignored and no other '/' is allowed. Inodes live while referenced (see fs.h).
 */
#include "fs.h"
#include "mapping.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "kernel.h"
#include "memlayout.h"
#include "riscv.h"
#include "ramdisk.h"

#define MAX_FILES 128             /* directory entries */
#define MODE_PROGRAM 0755
#define MODE_FILE 0644

static struct inode ramdisk_inodes[RAMDISK_MAX_FILES];
static struct inode *dir[MAX_FILES];
static uint64_t last_ino = ROOT_INO;   /* inode numbers handed out so far (the root has 1) */

static int dir_add(struct inode *ino)
{
	for (int i = 0; i < MAX_FILES; i++) {
		if (!dir[i]) {
			dir[i] = ino;
			ino->linked = true;
			return 0;
		}
	}
	return -ENOSPC;
}

/* Name, mode and one reference (the caller's) for a new inode; no pages yet, no mappings. */
static void inode_init(struct inode *ino, const char *name, uint32_t mode)
{
	strncpy_s(ino->name, name, sizeof(ino->name));
	ino->count = 1;
	ino->mode = mode;
	ino->ino = ++last_ino;
	INIT_LIST_HEAD(&ino->i_mmap);
}

void ramdisk_init(void)
{
	uint64_t n = ramdisk_nr_files();

	for (uint64_t i = 0; i < n; i++) {
		const struct ramdisk_entry *e = ramdisk_entry(i);
		struct inode *ino = &ramdisk_inodes[i];
		inode_init(ino, e->name, MODE_PROGRAM);
		ino->rd_data = (const uint8_t *)e->data;
		ino->size = ino->rd_size = e->size;
		ino->is_static = true;
		if (!inode_lookup(ino->name))
			dir_add(ino);         /* the first file of a name wins (ELF= and FILES= come first) */
	}
}

static bool has_slash(const char *name)
{
	for (; *name; name++)
		if (*name == '/')
			return true;
	return false;
}

static const char *skip_slashes(const char *name)
{
	while (*name == '/')
		name++;
	return name;
}

struct inode *inode_lookup(const char *name)
{
	name = skip_slashes(name);
	for (int i = 0; i < MAX_FILES; i++)
		if (dir[i] && !strcmp(dir[i]->name, name))
			return dir[i];
	return NULL;
}

struct inode *inode_create(const char *name, int *err)
{
	struct inode *ino;

	name = skip_slashes(name);
	*err = -ENOENT;
	if (!*name || has_slash(name))
		return NULL;
	*err = -ENAMETOOLONG;
	if (strlen(name) > NAME_MAX)
		return NULL;
	*err = -ENOMEM;
	ino = kzalloc(sizeof(*ino));
	if (!ino)
		return NULL;
	inode_init(ino, name, MODE_FILE);
	*err = dir_add(ino);
	if (*err) {
		kfree(ino);
		return NULL;
	}
	return ino;
}

struct inode *inode_anon(uint64_t size)
{
	struct inode *ino = kzalloc(sizeof(*ino));

	if (ino) {
		inode_init(ino, "[shared anon]", MODE_FILE);
		ino->size = size;
	}
	return ino;
}

int inode_unlink(const char *name)
{
	name = skip_slashes(name);
	for (int i = 0; i < MAX_FILES; i++) {
		if (dir[i] && !strcmp(dir[i]->name, name)) {
			struct inode *ino = dir[i];
			dir[i] = NULL;
			ino->linked = false;
			iput(ino);
			return 0;
		}
	}
	return -ENOENT;
}

uint64_t file_size(const struct inode *ino)
{
	return ino->size;
}

const char *file_name(const struct inode *ino)
{
	return ino->name;
}

struct list_head *file_mappings(struct inode *ino)
{
	return &ino->i_mmap;
}

void iget(struct inode *ino)
{
	ino->count++;
}

int get_write_access(struct inode *ino)
{
	if (ino->writecount < 0)
		return -ETXTBSY;
	ino->writecount++;
	return 0;
}

void put_write_access(struct inode *ino)
{
	BUG_ON(ino->writecount <= 0);
	ino->writecount--;
}

int deny_write_access(struct inode *ino)
{
	if (ino->writecount > 0)
		return -ETXTBSY;
	ino->writecount--;
	return 0;
}

void allow_write_access(struct inode *ino)
{
	BUG_ON(ino->writecount >= 0);
	ino->writecount++;
}

static void inode_free_pages(struct inode *ino)
{
	truncate_pagecache(ino, 0);
	ino->rd_size = 0;
}

void iput(struct inode *ino)
{
	BUG_ON(ino->count <= 0);
	if (--ino->count)
		return;
	inode_free_pages(ino);
	if (!ino->is_static)
		kfree(ino);
}

int inode_truncate(struct inode *ino, uint64_t size)
{
	if (size > FILE_MAX_PAGES * PGSIZE)
		return -EFBIG;
	if (size < ino->size) {
		unmap_mapping_pages(ino, PGROUNDUP(size) >> PGSHIFT);
		truncate_pagecache(ino, PGROUNDUP(size) >> PGSHIFT);
		ino->rd_size = MIN(ino->rd_size, size);
		pagecache_zero_tail(ino, size);
	} else {
		pagecache_zero_tail(ino, ino->size);   /* bytes stored past the old end by shared maps */
	}
	ino->size = size;
	return 0;
}

void fs_shutdown(void)
{
	for (int i = 0; i < MAX_FILES; i++) {
		struct inode *ino = dir[i];
		if (!ino)
			continue;
		dir[i] = NULL;
		ino->linked = false;
		iput(ino);
	}
}
