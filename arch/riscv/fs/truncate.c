/*
 * truncate.c: ftruncate and truncate set a regular file's size (shrinking drops its pages and unmaps
 * them from every process; growing reads as zeros). Linux's errors: a descriptor not open for
 * writing or not a regular file is -EINVAL, a negative length -EINVAL; truncate() of a running
 * program is -ETXTBSY (an ftruncate descriptor already holds write access).
 */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"

long sys_ftruncate(uint64_t fd, int64_t length)
{
	struct file *f = fget((int)fd);

	if (!f)
		return -EBADF;
	if (length < 0 || !f->inode || !file_writable(f))
		return -EINVAL;
	return inode_truncate(f->inode, (uint64_t)length);
}

long sys_truncate(uint64_t upath, int64_t length)
{
	char path[PATH_MAX];
	long err = get_path(AT_FDCWD, upath, path);
	struct inode *ino;

	if (err)
		return err;
	if (length < 0)
		return -EINVAL;
	ino = inode_lookup(path);
	if (!ino)
		return -ENOENT;
	err = get_write_access(ino);
	if (err)
		return err;
	err = inode_truncate(ino, (uint64_t)length);
	put_write_access(ino);
	return err;
}
