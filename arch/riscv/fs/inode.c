/*
 * inode.c: inodes and the tree's shape. At boot the root directory is made and every ramdisk file
 * becomes a static inode under its path (missing directories made on the way) whose pages are read
 * from the ramdisk on first use; mkdir, creat and unlink change the tree at run time. Inodes live
 * while referenced (see fs.h).
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
#include "riscv.h"

#define MODE_PROGRAM (S_IFREG | 0755)
#define MODE_DIR (S_IFDIR | 0755)
#define MODE_PERMS 07777

#define BOOT_INODES (RAMDISK_MAX_FILES + 8)   /* directories of ramdisk paths, /dev and its nodes, /tmp */

static struct inode ramdisk_inodes[RAMDISK_MAX_FILES];
static struct inode boot_inodes[BOOT_INODES];
static int nr_boot_inodes;
bool fs_booting;
static struct inode root_dir;
struct inode *root_inode = &root_dir;
static uint64_t last_ino = ROOT_INO;   /* inode numbers handed out so far (the root has 1) */

void inode_touch(struct inode *ino)
{
	ino->mtime = ino->ctime = rdtime();
}

/* Name, mode and one reference (the caller's) for a new inode; no pages yet, no mappings. */
static void inode_init(struct inode *ino, const char *name, uint32_t mode)
{
	strncpy_s(ino->name, name, sizeof(ino->name));
	ino->count = 1;
	ino->nlink = 1;
	ino->mode = mode;
	ino->ino = ++last_ino;
	INIT_LIST_HEAD(&ino->i_mmap);
	if (inode_is_dir(ino))
		dir_init(ino);
	inode_touch(ino);
}

struct inode *inode_alloc(const char *name, uint32_t len, uint32_t mode)
{
	struct inode *ino;

	if (fs_booting && nr_boot_inodes < BOOT_INODES) {
		ino = &boot_inodes[nr_boot_inodes++];
		ino->is_static = true;
	} else {
		ino = kzalloc(sizeof(*ino));
	}
	if (ino) {
		inode_init(ino, "", mode);
		memcpy(ino->name, name, MIN(len, (uint32_t)TRACE_NAME_MAX));
	}
	return ino;
}

/* A new inode of mode (type and permissions) named name in dir; NULL with *err set. */
static struct inode *vfs_make(struct inode *dir, const char *name, uint32_t len, uint32_t mode, int *err)
{
	struct inode *ino = inode_alloc(name, len, mode);

	*err = -ENOMEM;
	if (!ino)
		return NULL;
	*err = d_add(dir, name, len, ino);
	if (*err) {
		iput(ino);
		return NULL;
	}
	return ino;
}

struct inode *vfs_mkdir(struct inode *dir, const char *name, uint32_t len, uint32_t mode, int *err)
{
	return vfs_make(dir, name, len, S_IFDIR | (mode & MODE_PERMS), err);
}

struct inode *vfs_create(struct inode *dir, const char *name, uint32_t len, uint32_t mode, int *err)
{
	return vfs_make(dir, name, len, S_IFREG | (mode & MODE_PERMS), err);
}

static bool dir_is_empty(struct inode *dir)
{
	return !d_next(dir, &dir->children);
}

int vfs_unlink(struct dentry *d, bool rmdir)
{
	struct inode *ino = d->inode;

	if (rmdir && !inode_is_dir(ino))
		return -ENOTDIR;
	if (!rmdir && inode_is_dir(ino))
		return -EISDIR;
	if (rmdir && !dir_is_empty(ino))
		return -ENOTEMPTY;
	d_delete(d);
	return 0;
}

/*
 * The directory for the next component of a ramdisk name (made if missing), from the start of name
 * up to the '/' at slash; the parent directory is dir. NULL if a file is in the way or memory is out.
 */
static struct inode *ramdisk_dir(struct inode *dir, const char *name, uint32_t len)
{
	struct dentry *d = d_lookup(dir, name, len);
	char part[RAMDISK_NAME_SIZE];
	int err;

	if (d)
		return inode_is_dir(d->inode) ? d->inode : NULL;
	memcpy(part, name, len);
	part[len] = 0;
	return vfs_mkdir(dir, part, len, MODE_DIR, &err);
}

/* Give the static inode its name: a path under "/" whose missing directories are made. */
static void ramdisk_link(struct inode *ino, const char *path)
{
	struct inode *dir = root_inode;
	const char *slash;

	while (*path == '/')
		path++;
	while (dir && (slash = strchr(path, '/'))) {
		dir = ramdisk_dir(dir, path, (uint32_t)(slash - path));
		path = slash + 1;
	}
	if (!dir || d_add(dir, path, (uint32_t)strlen(path), ino))
		iput(ino);            /* the first file of a name wins (ELF= and FILES= come first) */
}

void ramdisk_init(void)
{
	uint64_t n = ramdisk_nr_files();

	fs_booting = true;
	inode_init(root_inode, "/", MODE_DIR);
	root_inode->ino = ROOT_INO;
	root_inode->parent = root_inode;
	root_inode->is_static = true;
	for (uint64_t i = 0; i < n; i++) {
		const struct ramdisk_entry *e = ramdisk_entry(i);
		struct inode *ino = &ramdisk_inodes[i];
		inode_init(ino, basename(e->name), MODE_PROGRAM);
		ino->rd_data = (const uint8_t *)e->data;
		ino->size = ino->rd_size = e->size;
		ino->is_static = true;
		ramdisk_link(ino, e->name);
	}
	devices_init();
	proc_init();
	fs_booting = false;
}

struct inode *inode_anon(uint64_t size)
{
	struct inode *ino = inode_alloc("[shared anon]", sizeof("[shared anon]") - 1, S_IFREG | 0600);

	if (ino) {
		ino->nlink = 0;
		ino->size = size;
	}
	return ino;
}

uint64_t file_size(const struct inode *ino)
{
	return ino->size;
}

uint64_t file_ino(const struct inode *ino)
{
	return ino->ino;
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

/* A directory's last reference also drops the one it holds on its parent: a loop, not recursion. */
void iput(struct inode *ino)
{
	while (ino) {
		struct inode *parent = NULL;
		BUG_ON(ino->count <= 0);
		if (--ino->count)
			return;
		if (inode_is_dir(ino) && ino->parent != ino)
			parent = ino->parent;
		inode_free_pages(ino);
		if (!ino->is_static)
			kfree(ino);
		ino = parent;
	}
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

/* Remove every entry of the tree, deepest first, without recursion (the kernel stack is small). */
void fs_shutdown(void)
{
	struct inode *dir = root_inode;

	for (;;) {
		struct dentry *d = d_next(dir, &dir->children);
		if (d && inode_is_dir(d->inode) && d_next(d->inode, &d->inode->children)) {
			dir = d->inode;            /* empty it first */
		} else if (d) {
			d_delete(d);
		} else if (dir != root_inode) {
			dir = dir->parent;
		} else {
			return;
		}
	}
}
