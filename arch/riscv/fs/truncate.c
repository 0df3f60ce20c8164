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
	long err;
	struct inode *ino = user_path_at(AT_FDCWD, upath, &err);

	if (!ino)
		return err;
	if (length < 0)
		return -EINVAL;
	if (inode_is_dir(ino))
		return -EISDIR;
	if (!inode_is_regular(ino))
		return -EINVAL;
	err = get_write_access(ino);
	if (err)
		return err;
	err = inode_truncate(ino, (uint64_t)length);
	put_write_access(ino);
	return err;
}
