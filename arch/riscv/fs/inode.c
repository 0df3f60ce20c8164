/*
 * inode.c: the flat directory of files. At boot every ramdisk file becomes a static inode whose pages
 * are read from the ramdisk on first use; openat(O_CREAT) adds runtime inodes. Names are base names:
 * a leading '/' is ignored and no other '/' is allowed. Inodes live while referenced (see fs.h).
 */
#include "fs.h"
#include "vm.h"
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

void ramdisk_init(void)
{
	uint64_t n = ramdisk_nr_files();

	for (uint64_t i = 0; i < n; i++) {
		const struct ramdisk_entry *e = ramdisk_entry(i);
		struct inode *ino = &ramdisk_inodes[i];
		strncpy_s(ino->name, e->name, sizeof(ino->name));
		ino->rd_data = (const uint8_t *)e->data;
		ino->size = ino->rd_size = e->size;
		ino->is_static = true;
		ino->count = 1;
		ino->mode = MODE_PROGRAM;
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
	strncpy_s(ino->name, name, sizeof(ino->name));
	ino->count = 1;
	ino->mode = MODE_FILE;
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
		strncpy_s(ino->name, "[shared anon]", sizeof(ino->name));
		ino->size = size;
		ino->count = 1;
		ino->mode = MODE_FILE;
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

void iget(struct inode *ino)
{
	ino->count++;
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

/* Unmap, in every process mapping ino, the pages at file index first and beyond. */
static void unmap_mapping_range(struct inode *ino, uint64_t first)
{
	uint64_t from = first * PGSIZE;

	for (struct vm_area_struct *vma = ino->i_mmap; vma; vma = vma->vm_file_next) {
		uint64_t start = vma->vm_start;
		if (from > vma->vm_pgoff)
			start += from - vma->vm_pgoff;
		if (start < vma->vm_end)
			unmap_range(vma->vm_mm->pgd, start, vma->vm_end);
	}
	flush_tlb_all();
}

int inode_truncate(struct inode *ino, uint64_t size)
{
	if (size > FILE_MAX_PAGES * PGSIZE)
		return -EFBIG;
	if (size < ino->size) {
		unmap_mapping_range(ino, PGROUNDUP(size) >> PGSHIFT);
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
