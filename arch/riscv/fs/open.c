/* open.c: openat, close and unlinkat on the flat in-memory directory. */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"

/* Copy a path from user space and check it names something in the one directory. */
long get_path(int64_t dirfd, uint64_t upath, char *path)
{
	long len = strncpy_from_user(path, (const char __user *)upath, PATH_MAX);

	if (len < 0)
		return len;
	if (dirfd != AT_FDCWD && path[0] != '/')
		return fget((int)dirfd) ? -ENOTDIR : -EBADF;   /* no descriptor is a directory */
	return 0;
}

long sys_openat(int64_t dirfd, uint64_t upath, uint64_t flags, uint64_t mode)
{
	char path[PATH_MAX];
	long err = get_path(dirfd, upath, path);
	struct inode *ino;
	struct file *f;
	int ierr, fd;

	if (err)
		return err;
	ino = inode_lookup(path);
	if (ino && (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return -EEXIST;
	if (!ino) {
		if (!(flags & O_CREAT))
			return -ENOENT;
		ino = inode_create(path, &ierr);
		if (!ino)
			return ierr;
	}
	if (flags & O_TRUNC)
		inode_truncate(ino, 0);      /* even with O_RDONLY, as Linux does */
	f = file_open(ino, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK));
	if (!f)
		return -ENOMEM;
	fd = fd_install_from(f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_close(uint64_t fd)
{
	struct file *f = fget((int)fd);

	if (!f)
		return -EBADF;
	fd_close((int)fd);
	return 0;
}

long sys_unlinkat(int64_t dirfd, uint64_t upath, uint64_t flags)
{
	char path[PATH_MAX];
	long err = get_path(dirfd, upath, path);

	if (err)
		return err;
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flags & AT_REMOVEDIR)               /* rmdir: the one directory holds no directories */
		return inode_lookup(path) ? -ENOTDIR : -ENOENT;
	return inode_unlink(path);
}
