/* read_write.c: read, write and lseek on descriptors: a device or pipe (its f_op), or a file at its offset. */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "uaccess.h"

long vfs_read(struct file *f, uint64_t buf, uint64_t count)
{
	long n;

	if (!file_readable(f))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (f->f_op)
		return f->f_op->read(f, buf, count);
	n = file_read(f->inode, f->pos, buf, count);
	if (n > 0)
		f->pos += n;
	return n;
}

/* read, write and lseek take an unsigned int fd (Linux): the upper half of the register is ignored. */
long sys_read(uint64_t fd, uint64_t buf, uint64_t count)
{
	struct file *f = fget((int)(unsigned int)fd);

	return f ? vfs_read(f, buf, count) : -EBADF;
}

long vfs_write(struct file *f, uint64_t buf, uint64_t count)
{
	long n;

	if (!file_writable(f))
		return -EBADF;
	if (!access_ok(buf, count))
		return -EFAULT;
	if (f->f_op)
		return f->f_op->write(f, buf, count);
	if ((f->flags & O_APPEND) && count)     /* a zero-length write leaves the offset alone (Linux) */
		f->pos = f->inode->size;
	n = file_write(f->inode, f->pos, buf, count);
	if (n > 0)
		f->pos += n;
	return n;
}

long sys_write(uint64_t fd, uint64_t buf, uint64_t count)
{
	struct file *f = fget((int)(unsigned int)fd);

	return f ? vfs_write(f, buf, count) : -EBADF;
}

/*
 * SEEK_DATA / SEEK_HOLE: holes are not tracked, so from any offset inside the file data runs on and
 * the only hole is the end of the file; at or past the end (or negative) there is neither: -ENXIO.
 */
static long seek_data_hole(struct file *f, int64_t off, unsigned int whence)
{
	if ((uint64_t)off >= f->inode->size)
		return -ENXIO;
	f->pos = whence == SEEK_DATA ? (uint64_t)off : f->inode->size;
	return (long)f->pos;
}

/* Linux: lseek(unsigned int fd, off_t offset, unsigned int whence). */
long sys_lseek(uint64_t fd, int64_t off, uint64_t uwhence)
{
	struct file *f = fget((int)(unsigned int)fd);
	unsigned int whence = (unsigned int)uwhence;
	int64_t base;

	if (!f)
		return -EBADF;
	if (!f->inode)
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (int64_t)f->pos; break;
	case SEEK_END: base = (int64_t)f->inode->size; break;
	case SEEK_DATA:
	case SEEK_HOLE: return seek_data_hole(f, off, whence);
	default: return -EINVAL;
	}
	if ((int64_t)((uint64_t)base + (uint64_t)off) < 0)   /* negative, or past 2^63 */
		return -EINVAL;
	f->pos = (uint64_t)base + (uint64_t)off;
	return (long)f->pos;
}
