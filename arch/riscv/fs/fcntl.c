/*
 * fcntl.c: descriptor-table calls: dup, dup3, fcntl (F_DUPFD, F_DUPFD_CLOEXEC, F_GETFD/F_SETFD,
 * F_GETFL/F_SETFL: only O_APPEND and O_NONBLOCK change; other commands -EINVAL) and ioctl (the
 * descriptor's own ioctl, -ENOTTY for regular files; FIOCLEX/FIONCLEX for any descriptor).
 */
#include "fs.h"
#include "proc.h"
#include "syscall.h"
#include "errno.h"
#include "uapi/resource.h"
#include "uapi/termios.h"

#define SETFL_MASK (O_APPEND | O_NONBLOCK)

static int nofile_limit(void)
{
	return (int)MIN((uint64_t)NR_OPEN, current->rlim[RLIMIT_NOFILE].rlim_cur);
}

/* A second descriptor >= min for f (it takes a reference), or -errno. */
static long dup_from(struct file *f, int min, bool cloexec)
{
	int fd = fd_install_from(f, min, cloexec);

	if (fd >= 0)
		f->count++;
	return fd;
}

long sys_dup(uint64_t oldfd)
{
	struct file *f = fget((int)oldfd);

	return f ? dup_from(f, 0, false) : -EBADF;
}

long sys_dup3(uint64_t oldfd, uint64_t newfd, uint64_t flags)
{
	struct file *f = fget((int)oldfd);
	int fd = (int)newfd;

	if ((uint32_t)flags & ~O_CLOEXEC)
		return -EINVAL;
	if ((int)oldfd == fd)
		return -EINVAL;
	if (!f)
		return -EBADF;
	if (fd < 0 || fd >= nofile_limit())
		return -EBADF;
	if (current->files->fd[fd])
		fd_close(fd);
	return dup_from(f, fd, flags & O_CLOEXEC);
}

static long set_fl(struct file *f, uint32_t flags)
{
	f->flags = (f->flags & ~SETFL_MASK) | (flags & SETFL_MASK);
	return 0;
}

long sys_fcntl(uint64_t fd, uint64_t cmd, uint64_t arg)
{
	struct file *f = fget((int)fd);
	uint64_t bit = 1UL << (fd & (NR_OPEN - 1));

	if (!f)
		return -EBADF;
	switch ((uint32_t)cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if ((uint32_t)arg >= (uint32_t)nofile_limit())
			return -EINVAL;
		return dup_from(f, (int)arg, (uint32_t)cmd == F_DUPFD_CLOEXEC);
	case F_GETFD:
		return current->files->cloexec & bit ? FD_CLOEXEC : 0;
	case F_SETFD:
		if (arg & FD_CLOEXEC)
			current->files->cloexec |= bit;
		else
			current->files->cloexec &= ~bit;
		return 0;
	case F_GETFL:
		return f->flags;
	case F_SETFL:
		return set_fl(f, (uint32_t)arg);
	default:
		return -EINVAL;
	}
}

long sys_ioctl(uint64_t fd, uint64_t cmd, uint64_t arg)
{
	struct file *f = fget((int)fd);

	if (!f)
		return -EBADF;
	switch ((uint32_t)cmd) {
	case FIOCLEX:
		return sys_fcntl(fd, F_SETFD, FD_CLOEXEC);
	case FIONCLEX:
		return sys_fcntl(fd, F_SETFD, 0);
	}
	if (!f->f_op || !f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, (uint32_t)cmd, arg);
}
