/* read_write.c: read, write and lseek on descriptors: the console, or a file at its offset. */
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

long sys_read(uint64_t fd, uint64_t buf, uint64_t count)
{
	struct file *f = fget((int)fd);

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
	if (f->flags & O_APPEND)
		f->pos = f->inode->size;
	n = file_write(f->inode, f->pos, buf, count);
	if (n > 0)
		f->pos += n;
	return n;
}

long sys_write(uint64_t fd, uint64_t buf, uint64_t count)
{
	struct file *f = fget((int)fd);

	return f ? vfs_write(f, buf, count) : -EBADF;
}

long sys_lseek(uint64_t fd, int64_t off, uint64_t whence)
{
	struct file *f = fget((int)fd);
	int64_t base;

	if (!f)
		return -EBADF;
	if (!f->inode)
		return -ESPIPE;
	switch (whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = (int64_t)f->pos; break;
	case SEEK_END: base = (int64_t)f->inode->size; break;
	default: return -EINVAL;
	}
	if (base + off < 0)
		return -EINVAL;
	f->pos = (uint64_t)(base + off);
	return (long)f->pos;
}
