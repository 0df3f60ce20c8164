/*
 * stat.c: what a name or descriptor is: fstat, newfstatat (AT_EMPTY_PATH: the descriptor itself),
 * faccessat/faccessat2 (the caller is root: read and write always allowed, execute when some x bit is
 * set), readlinkat (there are no symbolic links: -EINVAL for an existing name), statfs/fstatfs (a
 * tmpfs); and the current directory: getcwd, chdir, fchdir.
 */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "uapi/stat.h"
#include "uapi/statfs.h"
#include "uapi/time.h"
#include "timer.h"
#include "mm.h"
#include "memlayout.h"

#define BLKSIZE 4096
#define BLOCK_UNIT 512          /* st_blocks counts 512-byte blocks */
#define STATAT_FLAGS (AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT)
#define ACCESS_MODES (R_OK | W_OK | X_OK)
#define EXEC_BITS 0111
#define TMPFS_MAGIC 0x01021994
#define STATFS_NAMELEN NAME_MAX

static void stat_inode(struct inode *ino, struct stat *st)
{
	struct timespec ts;

	st->st_ino = ino->ino;
	st->st_mode = ino->mode;
	st->st_nlink = ino->nlink;
	st->st_size = (int64_t)ino->size;
	st->st_blocks = (int64_t)(PGROUNDUP(ino->size) / BLOCK_UNIT);
	ticks_to_realtime(ino->mtime, &ts);
	st->st_atime = st->st_mtime = ts.tv_sec;
	st->st_atime_nsec = st->st_mtime_nsec = (unsigned long)ts.tv_nsec;
	ticks_to_realtime(ino->ctime, &ts);
	st->st_ctime = ts.tv_sec;
	st->st_ctime_nsec = (unsigned long)ts.tv_nsec;
}

/* Fill *st for an inode, or with none for a special file (f_op) that has no inode. */
static long put_stat(struct inode *ino, const struct file_operations *f_op, uint64_t ustat)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_blksize = BLKSIZE;
	st.st_nlink = 1;
	if (ino)
		stat_inode(ino, &st);
	else
		st.st_mode = f_op->mode;
	return copy_to_user((void __user *)ustat, &st, sizeof(st));
}

/* Linux: fstat(unsigned int fd, struct stat *st). */
long sys_fstat(uint64_t fd, uint64_t ustat)
{
	struct file *f = fget((int)(unsigned int)fd);

	if (!f)
		return -EBADF;
	return put_stat(f->inode, f->f_op, ustat);
}

/* AT_EMPTY_PATH with an empty path: dirfd itself (the current directory for AT_FDCWD). */
static long stat_empty(int32_t dirfd, uint64_t ustat)
{
	if (dirfd == AT_FDCWD)
		return put_stat(current->files->cwd, NULL, ustat);
	return sys_fstat((uint64_t)dirfd, ustat);
}

long sys_newfstatat(int64_t dirfd, uint64_t upath, uint64_t ustat, uint64_t flags)
{
	long err;
	char *path;
	struct inode *ino;

	if ((uint32_t)flags & ~STATAT_FLAGS)
		return -EINVAL;
	path = getname(upath, &err);
	if (!path)
		return err;
	err = path[0];
	putname(path);
	if (!err)
		return (uint32_t)flags & AT_EMPTY_PATH ? stat_empty((int32_t)dirfd, ustat) : -ENOENT;
	ino = user_path_at(dirfd, upath, &err);
	return ino ? put_stat(ino, NULL, ustat) : err;
}

static long do_faccessat(int64_t dirfd, uint64_t upath, uint64_t mode, uint64_t flags)
{
	long err;
	struct inode *ino;

	if ((uint32_t)mode & ~ACCESS_MODES)
		return -EINVAL;
	ino = user_path_at(dirfd, upath, &err);
	if (!ino)
		return err;
	if (((uint32_t)mode & X_OK) && !(ino->mode & EXEC_BITS))
		return -EACCES;
	return 0;
}

long sys_faccessat(int64_t dirfd, uint64_t upath, uint64_t mode)
{
	return do_faccessat(dirfd, upath, mode, 0);
}

long sys_faccessat2(int64_t dirfd, uint64_t upath, uint64_t mode, uint64_t flags)
{
	if ((uint32_t)flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return do_faccessat(dirfd, upath, mode, flags);
}

/* The only links are /proc/<pid>/exe: any other existing name is -EINVAL, as Linux says for a non-link. */
long sys_readlinkat(int64_t dirfd, uint64_t upath, uint64_t buf, uint64_t bufsiz)
{
	long err;
	struct inode *ino;
	char *target;

	if ((int32_t)bufsiz <= 0)
		return -EINVAL;
	ino = user_path_at(dirfd, upath, &err);
	if (!ino)
		return err;
	target = alloc_page();
	if (!target)
		return -ENOMEM;
	err = proc_readlink(ino, target, PATH_MAX);
	if (err > 0) {
		err = MIN(err, (long)(uint32_t)bufsiz);
		if (copy_to_user((void __user *)buf, target, (size_t)err))
			err = -EFAULT;
	}
	put_page(target);
	return err;
}

/* Linux: getcwd(char *buf, unsigned long size): the length with the NUL, -ERANGE, -ENOENT if removed. */
long sys_getcwd(uint64_t buf, uint64_t size)
{
	char *path = alloc_page();
	long len;

	if (!path)
		return -ENOMEM;
	len = d_path(current->files->cwd, path, PATH_MAX);
	if (len > 0 && (uint64_t)len > size)
		len = -ERANGE;
	if (len > 0 && copy_to_user((void __user *)buf, path, (size_t)len))
		len = -EFAULT;
	put_page(path);
	return len;
}

/* Make dir the current directory: -ENOTDIR unless it is one. */
static long set_cwd(struct inode *dir)
{
	struct files_struct *files = current->files;

	if (!inode_is_dir(dir))
		return -ENOTDIR;
	iget(dir);
	iput(files->cwd);
	files->cwd = dir;
	return 0;
}

long sys_chdir(uint64_t upath)
{
	long err;
	struct inode *dir = user_path_at(AT_FDCWD, upath, &err);

	return dir ? set_cwd(dir) : err;
}

/* Linux: fchdir(unsigned int fd). */
long sys_fchdir(uint64_t fd)
{
	struct file *f = fget((int)(unsigned int)fd);

	if (!f)
		return -EBADF;
	return f->inode ? set_cwd(f->inode) : -ENOTDIR;
}

/* What statfs reports: a tmpfs of all RAM, with free pages as free blocks. */
static long put_statfs(uint64_t ubuf)
{
	struct statfs st;

	memset(&st, 0, sizeof(st));
	st.f_type = TMPFS_MAGIC;
	st.f_bsize = st.f_frsize = PGSIZE;
	st.f_blocks = phy_size / PGSIZE;
	st.f_bfree = st.f_bavail = nr_free_pages();
	st.f_files = st.f_blocks;
	st.f_ffree = nr_free_pages();
	st.f_namelen = STATFS_NAMELEN;
	return copy_to_user((void __user *)ubuf, &st, sizeof(st));
}

long sys_statfs(uint64_t upath, uint64_t ubuf)
{
	long err;

	return user_path_at(AT_FDCWD, upath, &err) ? put_statfs(ubuf) : err;
}

long sys_fstatfs(uint64_t fd, uint64_t ubuf)
{
	return fget((int)(unsigned int)fd) ? put_statfs(ubuf) : -EBADF;
}
