/* open.c: openat and close; the calls that change names: mkdirat, unlinkat, renameat2. */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "uapi/stat.h"

#define DEFAULT_UMASK 022        /* there is no umask call: every process has Linux's default */
#define RENAME_NOREPLACE 1

/* The last component of a path, as path_parent() splits it. */
struct last {
	const char *name;
	uint32_t len;
	bool trailing;           /* the path ended with '/' */
};

static bool is_dot(const struct last *l)
{
	return l->len == 1 && l->name[0] == '.';
}

static bool is_dotdot(const struct last *l)
{
	return l->len == 2 && l->name[0] == '.' && l->name[1] == '.';
}

/* "/", "." or "..": a last component that names no entry of its directory. */
static bool is_special(const struct last *l)
{
	return !l->len || is_dot(l) || is_dotdot(l);
}

/* The directory holding path's last component (described in *l), from dirfd; NULL with *err. */
static struct inode *parent_at(int64_t dirfd, const char *path, struct last *l, long *err)
{
	struct inode *dir = path[0] == '/' ? root_inode : dirfd_inode((int)dirfd, err);

	return dir ? path_parent(dir, path, &l->name, &l->len, &l->trailing, err) : NULL;
}

/* openat with O_CREAT: the existing file (not with O_EXCL) or a new one; NULL with *err set. */
static struct inode *open_create(int64_t dirfd, const char *path, uint32_t flags, uint32_t mode, long *err)
{
	struct last l;
	struct inode *dir = parent_at(dirfd, path, &l, err), *ino;
	struct dentry *d;
	int ierr;

	if (!dir)
		return NULL;
	if (is_special(&l) || l.trailing) {
		*err = (flags & O_EXCL) && is_special(&l) ? -EEXIST : -EISDIR;
		return NULL;
	}
	d = d_lookup(dir, l.name, l.len);
	*err = -EEXIST;
	if (d && (flags & O_EXCL))
		return NULL;
	if (d)
		return d->inode;
	ino = vfs_create(dir, l.name, l.len, mode & ~DEFAULT_UMASK, &ierr);
	*err = ierr;
	return ino;
}

/* The inode openat's path and flags name; NULL with *err set. */
static struct inode *open_lookup(int64_t dirfd, const char *path, uint32_t flags, uint32_t mode, long *err)
{
	struct inode *dir;

	if (flags & O_CREAT)
		return open_create(dirfd, path, flags, mode, err);
	dir = path[0] == '/' ? root_inode : dirfd_inode((int)dirfd, err);
	return dir ? path_lookup(dir, path, err) : NULL;
}

/* An open file for ino with openat's flags, or NULL with *err set. */
static struct file *open_inode(struct inode *ino, uint32_t flags, long *err)
{
	uint32_t fflags = flags & (O_ACCMODE | O_APPEND | O_NONBLOCK);
	struct file *f;
	int ierr;

	*err = -ENOTDIR;
	if ((flags & O_DIRECTORY) && !inode_is_dir(ino))
		return NULL;
	*err = -EISDIR;
	if (inode_is_dir(ino) && ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC)))
		return NULL;
	if (ino->i_fop) {
		f = file_alloc(ino->i_fop, NULL, fflags);
		*err = f ? (ino->i_fop->open ? ino->i_fop->open(f, ino) : 0) : -ENOMEM;
		if (f && *err) {
			fput(f);
			f = NULL;
		}
		return f;
	}
	*err = -ETXTBSY;
	if ((flags & O_TRUNC) && ino->writecount < 0)
		return NULL;             /* a running program */
	f = file_open(ino, fflags, &ierr);
	*err = ierr;
	if (f && (flags & O_TRUNC))
		inode_truncate(ino, 0);  /* even with O_RDONLY, as Linux does */
	return f;
}

/* Linux: openat(int dirfd, const char *path, int flags, umode_t mode); the upper halves are ignored. */
long sys_openat(int64_t dirfd, uint64_t upath, uint64_t uflags, uint64_t mode)
{
	uint32_t flags = (uint32_t)uflags;
	struct inode *ino;
	struct file *f = NULL;
	long err;
	char *path;

	if ((flags & (O_CREAT | O_DIRECTORY)) == (O_CREAT | O_DIRECTORY))
		return -EINVAL;
	path = getname(upath, &err);
	if (!path)
		return err;
	err = -EMFILE;               /* before anything is created or truncated, as Linux */
	ino = get_unused_fd(0) < 0 ? NULL : open_lookup(dirfd, path, flags, (uint32_t)mode, &err);
	putname(path);
	if (ino)
		f = open_inode(ino, flags, &err);
	if (f) {
		err = fd_install_from(f, 0, flags & O_CLOEXEC);
		if (err < 0)
			fput(f);
	}
	return err;
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

/* unlink (rmdir false) or rmdir of the last component of path. */
static long do_unlink(int64_t dirfd, const char *path, bool rmdir)
{
	struct last l;
	long err;
	struct inode *dir = parent_at(dirfd, path, &l, &err);
	struct dentry *d;

	if (!dir)
		return err;
	if (!l.len)
		return rmdir ? -EBUSY : -EISDIR;
	if (is_dot(&l))
		return rmdir ? -EINVAL : -EISDIR;
	if (is_dotdot(&l))
		return rmdir ? -ENOTEMPTY : -EISDIR;
	d = d_lookup(dir, l.name, l.len);
	if (!d)
		return -ENOENT;
	if (l.trailing && !inode_is_dir(d->inode))
		return -ENOTDIR;
	return vfs_unlink(d, rmdir);
}

/* Linux: unlinkat(int dirfd, const char *path, int flags): AT_REMOVEDIR makes it rmdir. */
long sys_unlinkat(int64_t dirfd, uint64_t upath, uint64_t uflags)
{
	uint32_t flags = (uint32_t)uflags;
	long err;
	char *path;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	path = getname(upath, &err);
	if (!path)
		return err;
	err = do_unlink(dirfd, path, flags & AT_REMOVEDIR);
	putname(path);
	return err;
}

/* Linux: mkdirat(int dirfd, const char *path, umode_t mode). */
long sys_mkdirat(int64_t dirfd, uint64_t upath, uint64_t mode)
{
	char *path = NULL;
	struct inode *dir = NULL;
	struct last l;
	long err;
	int ierr;

	path = getname(upath, &err);
	if (path)
		dir = parent_at(dirfd, path, &l, &err);
	if (dir && is_special(&l))
		err = -EEXIST;
	else if (dir)
		err = vfs_mkdir(dir, l.name, l.len, (uint32_t)mode & ~DEFAULT_UMASK, &ierr) ? 0 : ierr;
	if (path)
		putname(path);
	return err;
}

/* Is dir the directory anc or below it? */
static bool is_subdir(struct inode *dir, struct inode *anc)
{
	for (; dir != root_inode; dir = dir->parent)
		if (dir == anc)
			return true;
	return anc == root_inode;
}

/* May entry od replace nd (NULL: nothing there)? 0 or Linux's error. */
static long rename_check(struct dentry *od, struct dentry *nd, struct inode *new_dir, uint32_t flags)
{
	bool dir = inode_is_dir(od->inode);

	if (dir && is_subdir(new_dir, od->inode))
		return -EINVAL;          /* a directory moved under itself */
	if (!nd)
		return 0;
	if (flags & RENAME_NOREPLACE)
		return -EEXIST;
	if (dir && !inode_is_dir(nd->inode))
		return -ENOTDIR;
	if (!dir && inode_is_dir(nd->inode))
		return -EISDIR;
	if (dir && d_next(nd->inode, &nd->inode->children))
		return -ENOTEMPTY;
	return 0;
}

/* rename the last component of oldpath (from olddir) to that of newpath (from newdir). */
static long do_rename(int64_t olddir, const char *oldpath, int64_t newdir, const char *newpath, uint32_t flags)
{
	struct last ol, nl;
	long err;
	struct inode *odir = parent_at(olddir, oldpath, &ol, &err), *ndir;
	struct dentry *od, *nd;

	if (!odir)
		return err;
	ndir = parent_at(newdir, newpath, &nl, &err);
	if (!ndir)
		return err;
	if (is_special(&ol) || is_special(&nl))
		return -EBUSY;
	od = d_lookup(odir, ol.name, ol.len);
	if (!od)
		return -ENOENT;
	if ((ol.trailing || nl.trailing) && !inode_is_dir(od->inode))
		return -ENOTDIR;
	nd = d_lookup(ndir, nl.name, nl.len);
	if (nd == od)
		return 0;
	err = rename_check(od, nd, ndir, flags);
	if (!err)
		err = d_move(od, ndir, nl.name, nl.len);   /* the new entry hides nd until it goes */
	if (!err && nd)
		d_delete(nd);
	return err;
}

/* Linux: renameat2(int olddirfd, const char *old, int newdirfd, const char *new, unsigned int flags). */
long sys_renameat2(int64_t olddirfd, uint64_t uold, int64_t newdirfd, uint64_t unew, uint64_t uflags)
{
	uint32_t flags = (uint32_t)uflags;
	char *oldpath, *newpath = NULL;
	long err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;          /* RENAME_EXCHANGE and RENAME_WHITEOUT are not supported */
	oldpath = getname(uold, &err);
	if (oldpath)
		newpath = getname(unew, &err);
	if (newpath)
		err = do_rename(olddirfd, oldpath, newdirfd, newpath, flags);
	if (newpath)
		putname(newpath);
	if (oldpath)
		putname(oldpath);
	return err;
}
