/*
 * stat.c: what a name or descriptor is: fstat, newfstatat (AT_EMPTY_PATH: the descriptor itself),
 * faccessat/faccessat2 (the caller is root: read and write always allowed, execute when some x bit is
 * set), readlinkat (there are no symbolic links: -EINVAL for an existing name), getcwd and chdir
 * (the one directory is "/").
 */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "uapi/stat.h"

#define BLKSIZE 4096
#define BLOCK_UNIT 512          /* st_blocks counts 512-byte blocks */
#define ROOT_MODE (S_IFDIR | 0755)
#define STATAT_FLAGS (AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT)
#define ACCESS_MODES (R_OK | W_OK | X_OK)
#define EXEC_BITS 0111

static void stat_inode(struct inode *ino, struct stat *st)
{
	st->st_ino = ino->ino;
	st->st_mode = S_IFREG | ino->mode;
	st->st_nlink = ino->linked;
	st->st_size = (int64_t)ino->size;
	st->st_blocks = (int64_t)(PGROUNDUP(ino->size) / BLOCK_UNIT);
}

/* Fill *st for a regular file (ino), a special file (f_op) or, with neither, the root directory. */
static long put_stat(struct inode *ino, const struct file_operations *f_op, uint64_t ustat)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_blksize = BLKSIZE;
	st.st_nlink = 1;
	if (ino) {
		stat_inode(ino, &st);
	} else if (f_op) {
		st.st_mode = f_op->mode;
	} else {
		st.st_mode = ROOT_MODE;
		st.st_ino = ROOT_INO;
		st.st_nlink = 2;
	}
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

/* "/" (any number of slashes) and "." name the one directory. */
static bool is_root(const char *path)
{
	if (!strcmp(path, "."))
		return true;
	if (*path != '/')
		return false;
	while (*path == '/')
		path++;
	return !*path;
}

long sys_newfstatat(int64_t dirfd, uint64_t upath, uint64_t ustat, uint64_t flags)
{
	char path[PATH_MAX];
	long err;
	struct inode *ino;

	if ((uint32_t)flags & ~STATAT_FLAGS)
		return -EINVAL;
	err = strncpy_from_user(path, (const char __user *)upath, PATH_MAX);
	if (err < 0)
		return err;
	if (!path[0]) {
		if (!((uint32_t)flags & AT_EMPTY_PATH))
			return -ENOENT;
		if ((int32_t)dirfd == AT_FDCWD)
			return put_stat(NULL, NULL, ustat);
		return sys_fstat((uint64_t)(int32_t)dirfd, ustat);
	}
	err = get_path((int32_t)dirfd, upath, path);
	if (err)
		return err;
	if (is_root(path))
		return put_stat(NULL, NULL, ustat);
	ino = inode_lookup(path);
	return ino ? put_stat(ino, NULL, ustat) : -ENOENT;
}

static long do_faccessat(int64_t dirfd, uint64_t upath, uint64_t mode, uint64_t flags)
{
	char path[PATH_MAX];
	long err;
	struct inode *ino;

	if ((uint32_t)mode & ~ACCESS_MODES)
		return -EINVAL;
	err = get_path((int32_t)dirfd, upath, path);
	if (err)
		return err;
	if (is_root(path))
		return 0;
	ino = inode_lookup(path);
	if (!ino)
		return -ENOENT;
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

long sys_readlinkat(int64_t dirfd, uint64_t upath, uint64_t buf, uint64_t bufsiz)
{
	char path[PATH_MAX];
	long err;

	if ((int32_t)bufsiz <= 0)
		return -EINVAL;
	err = get_path((int32_t)dirfd, upath, path);
	if (err)
		return err;
	return is_root(path) || inode_lookup(path) ? -EINVAL : -ENOENT;
}

long sys_getcwd(uint64_t buf, uint64_t size)
{
	static const char cwd[] = "/";

	if (size < sizeof(cwd))
		return -ERANGE;
	if (copy_to_user((void __user *)buf, cwd, sizeof(cwd)))
		return -EFAULT;
	return sizeof(cwd);
}

long sys_chdir(uint64_t upath)
{
	char path[PATH_MAX];
	long err = get_path(AT_FDCWD, upath, path);

	if (err)
		return err;
	if (is_root(path))
		return 0;
	return inode_lookup(path) ? -ENOTDIR : -ENOENT;
}
