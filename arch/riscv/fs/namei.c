/*
 * namei.c: from a path to an inode. Paths are absolute (from the root) or relative (from the current
 * directory or a directory descriptor); components are separated by any number of '/'; "." is the
 * directory itself and ".." its parent ("/.." is "/"). Errors are Linux's: -ENOENT for a missing
 * component or an empty path, -ENOTDIR for a file used as a directory (or a trailing '/' after a file),
 * -ENAMETOOLONG for a component over NAME_MAX bytes or a path of PATH_MAX bytes without its NUL.
 * There are no symbolic links, so a walk never loops. Also: getcwd's path of a directory.
 */
#include "fs.h"
#include "proc.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "printk.h"

char *getname(uint64_t upath, long *err)
{
	char *name = alloc_page();
	long len;

	*err = -ENOMEM;
	if (!name)
		return NULL;
	len = strncpy_from_user(name, (const char __user *)upath, PATH_MAX);
	if (len < 0) {
		*err = len;
		put_page(name);
		return NULL;
	}
	return name;
}

void putname(char *name)
{
	put_page(name);
}

struct inode *dirfd_inode(int dirfd, long *err)
{
	struct file *f;

	if (dirfd == AT_FDCWD)
		return current->files->cwd;
	f = fget(dirfd);
	*err = -EBADF;
	if (!f)
		return NULL;
	*err = -ENOTDIR;
	return f->inode && inode_is_dir(f->inode) ? f->inode : NULL;
}

/* One step: the entry name[0..len) of dir, or NULL with *err set. */
static struct inode *walk_component(struct inode *dir, const char *name, uint32_t len, long *err)
{
	struct dentry *d;

	*err = -ENOTDIR;
	if (!inode_is_dir(dir))
		return NULL;
	if (len == 1 && name[0] == '.')
		return dir;
	if (len == 2 && name[0] == '.' && name[1] == '.')
		return dir->parent;
	*err = -ENAMETOOLONG;
	if (len > NAME_MAX)
		return NULL;
	if (dir->lookup)
		return dir->lookup(dir, name, len, err);
	d = d_lookup(dir, name, len);
	*err = -ENOENT;
	return d ? d->inode : NULL;
}

/* Walk the components of [p, end) from dir (the root if p starts with '/'). */
static struct inode *walk_path(struct inode *dir, const char *p, const char *end, long *err)
{
	if (*p == '/')
		dir = root_inode;
	while (dir) {
		const char *q;
		while (p < end && *p == '/')
			p++;
		if (p == end)
			break;
		for (q = p; q < end && *q != '/'; q++)
			;
		dir = walk_component(dir, p, (uint32_t)(q - p), err);
		p = q;
	}
	return dir;
}

struct inode *path_lookup(struct inode *dir, const char *path, long *err)
{
	size_t len = strlen(path);
	struct inode *ino;

	*err = -ENOENT;
	if (!len)
		return NULL;
	ino = walk_path(dir, path, path + len, err);
	if (ino && path[len - 1] == '/' && !inode_is_dir(ino)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return ino;
}

struct inode *path_parent(struct inode *dir, const char *path, const char **last, uint32_t *len,
			  bool *trailing, long *err)
{
	const char *end = path + strlen(path), *start;

	*err = -ENOENT;
	if (path == end)
		return NULL;
	*trailing = end[-1] == '/';
	while (end > path && end[-1] == '/')
		end--;
	for (start = end; start > path && start[-1] != '/'; start--)
		;
	*last = start;
	*len = (uint32_t)(end - start);
	*err = -ENAMETOOLONG;
	if (*len > NAME_MAX)
		return NULL;
	dir = walk_path(dir, path, start, err);
	if (dir && !inode_is_dir(dir)) {
		*err = -ENOTDIR;
		return NULL;
	}
	return dir;
}

struct inode *user_path_at(int64_t dirfd, uint64_t upath, long *err)
{
	char *path = getname(upath, err);
	struct inode *dir, *ino = NULL;

	if (!path)
		return NULL;
	dir = path[0] == '/' ? root_inode : dirfd_inode((int)dirfd, err);
	if (dir)
		ino = path_lookup(dir, path, err);
	putname(path);
	return ino;
}

uint64_t file_path(struct inode *ino, char *buf, uint64_t size)
{
	struct dentry *d = ino->dentry;
	long n = d ? d_path(d->dir, buf, size) : -ENOENT;
	uint64_t len;

	if (n < 0)
		return MIN((uint64_t)snprintf(buf, size, "/%s (deleted)", ino->name), size);
	len = (uint64_t)n - 1;
	if (d->dir != root_inode && len < size)
		buf[len++] = '/';
	len += (uint64_t)snprintf(buf + len, size - len, "%s", d->name);
	return MIN(len, size);
}

long d_path(struct inode *dir, char *buf, uint64_t size)
{
	char *end = buf + size, *p = end;

	if (dir != root_inode && !dir->dentry)
		return -ENOENT;                 /* removed: Linux's getcwd says so too */
	*--p = 0;
	for (; dir != root_inode; dir = dir->parent) {
		struct dentry *d = dir->dentry;
		if ((uint64_t)(p - buf) < d->len + 1)
			return -ERANGE;
		p -= d->len;
		memcpy(p, d->name, d->len);
		*--p = '/';
	}
	if (p == end - 1) {
		if (p == buf)
			return -ERANGE;
		*--p = '/';
	}
	memcpy(buf, p, (size_t)(end - p));   /* memcpy copies forwards: overlap is safe */
	return end - p;
}
