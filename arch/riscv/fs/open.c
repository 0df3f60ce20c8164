/* open.c: openat, close and unlinkat on the flat in-memory directory. */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "uapi/stat.h"

/* Copy a path from user space and check it names something in the one directory. */
long get_path(int64_t udirfd, uint64_t upath, char *path)
{
	int dirfd = (int)udirfd;
	long len = strncpy_from_user(path, (const char __user *)upath, PATH_MAX);

	if (len < 0)
		return len;
	if (dirfd != AT_FDCWD && path[0] != '/')
		return fget(dirfd) ? -ENOTDIR : -EBADF;   /* no descriptor is a directory */
	return 0;
}

/* The inode path names for openat's flags: found, or made with O_CREAT; NULL with *err set. */
static struct inode *open_lookup(const char *path, uint32_t flags, int *err)
{
	struct inode *ino = inode_lookup(path);

	*err = -EEXIST;
	if (ino && (flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return NULL;
	*err = -ENOTDIR;
	if (ino && (flags & O_DIRECTORY))
		return NULL;                 /* every file here is a regular file */
	if (ino)
		return ino;
	*err = -ENOENT;
	if (!(flags & O_CREAT))
		return NULL;
	return inode_create(path, err);
}

/* Linux: openat(int dirfd, const char *path, int flags, umode_t mode); the upper halves are ignored. */
long sys_openat(int64_t dirfd, uint64_t upath, uint64_t uflags, uint64_t mode)
{
	char path[PATH_MAX];
	uint32_t flags = (uint32_t)uflags;
	long err = (flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY) ? -EINVAL
										: get_path((int)dirfd, upath, path);
	struct inode *ino;
	struct file *f;
	int ierr, fd;

	if (err)
		return err;
	if (get_unused_fd(0) < 0)
		return -EMFILE;              /* before anything is created or truncated, as Linux */
	f = device_open(path, flags);
	if (f) {
		fd = fd_install_from(f, 0, flags & O_CLOEXEC);
		if (fd < 0)
			fput(f);
		return fd;
	}
	ino = open_lookup(path, flags, &ierr);
	if (!ino)
		return ierr;
	if ((flags & O_TRUNC) && ino->writecount < 0)
		return -ETXTBSY;             /* a running program */
	f = file_open(ino, flags & (O_ACCMODE | O_APPEND | O_NONBLOCK), &ierr);
	if (!f)
		return ierr;
	if (flags & O_TRUNC)
		inode_truncate(ino, 0);      /* even with O_RDONLY, as Linux does */
	fd = fd_install_from(f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}

/* Linux: close(unsigned int fd): fd is truncated once, here, and used only truncated. */
long sys_close(uint64_t ufd)
{
	unsigned int fd = (unsigned int)ufd;
	struct file *f = fget((int)fd);

	if (!f)
		return -EBADF;
	fd_close((int)fd);
	return 0;
}

/* Linux: unlinkat(int dirfd, const char *path, int flags). */
long sys_unlinkat(int64_t dirfd, uint64_t upath, uint64_t uflags)
{
	char path[PATH_MAX];
	long err = get_path((int)dirfd, upath, path);
	uint32_t flags = (uint32_t)uflags;

	if (err)
		return err;
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	if (flags & AT_REMOVEDIR)               /* rmdir: the one directory holds no directories */
		return inode_lookup(path) ? -ENOTDIR : -ENOENT;
	return inode_unlink(path);
}
