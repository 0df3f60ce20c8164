/*
 * dir.c: directory entries. Every name of the tree sits in one hash table keyed by (directory, name),
 * so a lookup costs the same in a directory of 10 or 10,000 entries; each directory also lists its
 * entries in creation order (children), which is the stable order getdents64 returns them in, each
 * with a position (cookie) that stays valid while the entry lives.
 */
#include "fs.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "kernel.h"
#include "ramdisk.h"

#define HASH_BITS 13
#define HASH_BUCKETS (1U << HASH_BITS)       /* 8192 chains: 64 KiB of bss */
#define FNV_OFFSET 2166136261U
#define FNV_PRIME 16777619U
#define FIRST_COOKIE 2                       /* positions 0 and 1 are "." and ".." */

#define BOOT_DENTRIES (2 * RAMDISK_MAX_FILES + 8)   /* each file, a directory each, /dev, /tmp */

static struct dentry *hash_table[HASH_BUCKETS];
/* Entries of the boot tree (see fs_booting), each with room for a ramdisk path component. */
static struct boot_dentry {
	struct dentry d;
	char name[RAMDISK_NAME_SIZE];
} boot_dentries[BOOT_DENTRIES];
static int nr_boot_dentries;

/* FNV-1a of the name, mixed with the directory's inode number. */
static uint32_t name_hash(const struct inode *dir, const char *name, uint32_t len)
{
	uint32_t h = FNV_OFFSET ^ (uint32_t)dir->ino;

	for (uint32_t i = 0; i < len; i++)
		h = (h ^ (uint8_t)name[i]) * FNV_PRIME;
	return h;
}

static struct dentry **bucket(uint32_t hash)
{
	return &hash_table[(hash ^ (hash >> HASH_BITS)) & (HASH_BUCKETS - 1)];
}

struct dentry *d_lookup(struct inode *dir, const char *name, uint32_t len)
{
	uint32_t hash = name_hash(dir, name, len);

	for (struct dentry *d = *bucket(hash); d; d = d->hash_next)
		if (d->hash == hash && d->dir == dir && d->len == len && !memcmp(d->name, name, len))
			return d;
	return NULL;
}

static void hash_remove(struct dentry *d)
{
	struct dentry **p = bucket(d->hash);

	while (*p != d)
		p = &(*p)->hash_next;
	*p = d->hash_next;
}

/* Put d under the name in dir: hashed and last in dir's list, with a new position. */
static void d_attach(struct dentry *d, struct inode *dir, const char *name, uint32_t len)
{
	struct dentry **b;

	memcpy(d->name, name, len);
	d->name[len] = 0;
	d->len = len;
	d->dir = dir;
	d->hash = name_hash(dir, name, len);
	d->cookie = dir->next_cookie++;
	b = bucket(d->hash);
	d->hash_next = *b;
	*b = d;
	list_add_tail(&d->sibling, &dir->children);
}

static struct dentry *d_alloc(uint32_t len)
{
	if (fs_booting && len < RAMDISK_NAME_SIZE && nr_boot_dentries < BOOT_DENTRIES) {
		struct dentry *d = &boot_dentries[nr_boot_dentries++].d;
		d->is_static = true;
		return d;
	}
	return kzalloc(sizeof(struct dentry) + len + 1);
}

static void d_free(struct dentry *d)
{
	if (!d->is_static)
		kfree(d);
}

/* A removed directory (or a /proc one, which has no entry): it takes no new names. */
static bool dir_is_dead(const struct inode *dir)
{
	return !dir->dentry && dir != root_inode;
}

int d_add(struct inode *dir, const char *name, uint32_t len, struct inode *ino)
{
	struct dentry *d;

	if (dir_is_dead(dir))
		return -ENOENT;
	if (d_lookup(dir, name, len))
		return -EEXIST;
	d = d_alloc(len);
	if (!d)
		return -ENOMEM;
	d->inode = ino;
	d_attach(d, dir, name, len);
	ino->dentry = d;                /* its latest name, for paths in maps */
	if (inode_is_dir(ino)) {
		ino->parent = dir;          /* one reference: ".." works even after a removal */
		iget(dir);
		dir->nlink++;               /* the new directory's ".." */
	}
	inode_touch(dir);
	return 0;
}

void d_delete(struct dentry *d)
{
	struct inode *ino = d->inode, *dir = d->dir;

	hash_remove(d);
	list_del(&d->sibling);
	if (ino->dentry == d)
		ino->dentry = NULL;
	if (inode_is_dir(ino)) {
		ino->nlink = 0;
		dir->nlink--;
	} else {
		ino->nlink--;
	}
	inode_touch(dir);
	d_free(d);
	iput(ino);
}

int d_move(struct dentry *d, struct inode *new_dir, const char *name, uint32_t len)
{
	struct dentry *nd;
	struct inode *ino = d->inode;

	if (dir_is_dead(new_dir))
		return -ENOENT;             /* what moved there could never be reached (nor freed) again */
	nd = d_alloc(len);
	if (!nd)
		return -ENOMEM;
	hash_remove(d);
	list_del(&d->sibling);
	inode_touch(d->dir);
	if (inode_is_dir(ino)) {
		d->dir->nlink--;
		new_dir->nlink++;
		iget(new_dir);
		iput(ino->parent);          /* still named by its own parent: never the last reference */
		ino->parent = new_dir;
	}
	ino->dentry = nd;
	nd->inode = ino;
	d_attach(nd, new_dir, name, len);
	strncpy_s(ino->name, nd->name, sizeof(ino->name));
	inode_touch(new_dir);
	d_free(d);
	return 0;
}

struct dentry *d_next(struct inode *dir, struct list_head *pos)
{
	for (pos = pos->next; pos != &dir->children; pos = pos->next) {
		struct dentry *d = list_entry(pos, struct dentry, sibling);
		if (d->inode)
			return d;
	}
	return NULL;
}

/* A new directory's own fields: empty, positions counting from FIRST_COOKIE. */
void dir_init(struct inode *dir)
{
	INIT_LIST_HEAD(&dir->children);
	dir->next_cookie = FIRST_COOKIE;
	dir->nlink = 2;
}
