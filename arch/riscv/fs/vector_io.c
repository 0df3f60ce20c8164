/*
 * vector_io.c: readv and writev (each vector entry is one read or write, stopping at the first short
 * one, as Linux does for these files), pread64 and pwrite64 (at an offset, leaving the file position
 * alone; only regular files can, others are -ESPIPE).
 */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "uaccess.h"
#include "uapi/uio.h"

#define MAX_RW_COUNT (0x7ffff000UL)    /* Linux's most bytes one call moves (INT_MAX & PAGE_MASK) */

typedef long (*rw_fn)(struct file *f, uint64_t buf, uint64_t count);

/* Check the whole vector first (Linux: -EINVAL for a bad count or a total past ssize_t, -EFAULT). */
static long check_iov(uint64_t uiov, uint32_t cnt)
{
	uint64_t total = 0;

	if (cnt > UIO_MAXIOV)
		return -EINVAL;
	for (uint32_t i = 0; i < cnt; i++) {
		struct iovec v;
		if (copy_from_user(&v, (const void __user *)(uiov + i * sizeof(v)), sizeof(v)))
			return -EFAULT;
		if ((int64_t)v.iov_len < 0 || v.iov_len > (uint64_t)INT64_MAX - total)
			return -EINVAL;
		total += v.iov_len;
	}
	return 0;
}

static long do_rw_vec(uint64_t fd, uint64_t uiov, uint64_t cnt, rw_fn rw)
{
	struct file *f = fget((int)fd);
	long done = 0, err = check_iov(uiov, (uint32_t)cnt);

	if (!f)
		return -EBADF;
	if (err)
		return err;
	for (uint32_t i = 0; i < (uint32_t)cnt; i++) {
		struct iovec v;
		copy_from_user(&v, (const void __user *)(uiov + i * sizeof(v)), sizeof(v));
		long n = v.iov_len ? rw(f, (uint64_t)v.iov_base, MIN(v.iov_len, MAX_RW_COUNT)) : 0;
		if (n < 0)
			return done ? done : n;
		done += n;
		if ((uint64_t)n < v.iov_len)
			break;
	}
	return done;
}

long sys_readv(uint64_t fd, uint64_t uiov, uint64_t cnt)
{
	return do_rw_vec(fd, uiov, cnt, vfs_read);
}

long sys_writev(uint64_t fd, uint64_t uiov, uint64_t cnt)
{
	return do_rw_vec(fd, uiov, cnt, vfs_write);
}

/* The regular file behind fd for positional I/O in the given mode, or -errno in *err. */
static struct file *positional_file(uint64_t fd, int64_t pos, bool write, long *err)
{
	struct file *f = fget((int)fd);

	*err = -EBADF;
	if (!f || !(write ? file_writable(f) : file_readable(f)))
		return NULL;
	*err = -ESPIPE;
	if (!f->inode)
		return NULL;
	*err = -EINVAL;
	if (pos < 0)
		return NULL;
	return f;
}

long sys_pread64(uint64_t fd, uint64_t buf, uint64_t count, int64_t pos)
{
	long err;
	struct file *f = positional_file(fd, pos, false, &err);

	if (!f)
		return err;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file_read(f->inode, (uint64_t)pos, buf, count);
}

long sys_pwrite64(uint64_t fd, uint64_t buf, uint64_t count, int64_t pos)
{
	long err;
	struct file *f = positional_file(fd, pos, true, &err);

	if (!f)
		return err;
	if (!access_ok(buf, count))
		return -EFAULT;
	return file_write(f->inode, (uint64_t)pos, buf, count);
}
