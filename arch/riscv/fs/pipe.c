/*
 * pipe.c: pipe2 and the pipe's two open files. A pipe holds up to PIPE_SIZE (64 KiB) bytes in a ring
 * of pages allocated on first use. read blocks while the pipe is empty and a writer exists (EOF once
 * every writer has closed); write blocks while it is full, writes of at most PIPE_BUF bytes go in
 * whole (atomic), larger ones in pieces. O_NONBLOCK gives -EAGAIN instead of blocking. Writing with
 * no reader left sends SIGPIPE to the writer and returns -EPIPE. Sleepers wait on wait queues.
 */
#include "signal.h"
#include "fs.h"
#include "proc.h"
#include "mm.h"
#include "wait.h"
#include "syscall.h"
#include "errno.h"
#include "uaccess.h"
#include "uapi/signal.h"
#include "uapi/stat.h"
#include "uapi/termios.h"
#include "uapi/poll.h"

#define PIPE_SIZE (64UL << 10)
#define PIPE_PAGES (PIPE_SIZE / PGSIZE)
#define PIPE_BUF 4096                  /* writes up to this size are atomic */
#define PIPE_MODE (S_IFIFO | 0600)
#define PIPE2_FLAGS (O_CLOEXEC | O_NONBLOCK)

struct pipe {
	uint8_t *page[PIPE_PAGES];     /* the ring, allocated as written */
	uint64_t head, tail;           /* bytes ever written / read: head - tail are buffered */
	int readers, writers;          /* open files of each end */
	struct wait_queue_head rd_wait, wr_wait;
};

/* pipe_copy's general case: page by page, allocating the ring's pages as they are first written. */
static __attribute__((noinline)) long pipe_copy_pages(struct pipe *p, uint64_t pos, uint64_t ubuf, uint64_t n,
						      bool to_user)
{
	while (n) {
		uint64_t idx = (pos % PIPE_SIZE) / PGSIZE, off = pos % PGSIZE, chunk = MIN(n, PGSIZE - off);
		if (!p->page[idx] && !(p->page[idx] = alloc_page()))
			return -ENOMEM;
		long err = to_user ? copy_to_user((void __user *)ubuf, p->page[idx] + off, chunk)
				   : copy_from_user(p->page[idx] + off, (const void __user *)ubuf, chunk);
		if (err)
			return err;
		pos += chunk;
		ubuf += chunk;
		n -= chunk;
	}
	return 0;
}

/* Copy n bytes between the ring at stream position pos and user memory; 0 or -errno. A copy inside one
 * page the ring has already (every small message after the first) is a single tail call. */
static long pipe_copy(struct pipe *p, uint64_t pos, uint64_t ubuf, uint64_t n, bool to_user)
{
	uint8_t *page = p->page[(pos % PIPE_SIZE) / PGSIZE], *at;

	if (!page || pos % PGSIZE + n > PGSIZE)
		return pipe_copy_pages(p, pos, ubuf, n, to_user);
	at = page + pos % PGSIZE;     /* only now: arithmetic on a NULL page would be undefined */
	return to_user ? copy_to_user((void __user *)ubuf, at, n) : copy_from_user(at, (const void __user *)ubuf, n);
}

static long pipe_read(struct file *f, uint64_t buf, uint64_t count)
{
	struct pipe *p = f->private_data;

	if (!count)
		return 0;
	for (;;) {
		uint64_t n = MIN(count, p->head - p->tail);
		if (n) {
			long err = pipe_copy(p, p->tail, buf, n, true);
			if (err)
				return err;
			p->tail += n;
			wake_up(&p->wr_wait);
			return (long)n;
		}
		if (!p->writers)
			return 0;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		long err = wait_sleep(&p->rd_wait);
		if (err)
			return err;
	}
}

static long pipe_write(struct file *f, uint64_t buf, uint64_t count)
{
	struct pipe *p = f->private_data;
	uint64_t done = 0;

	while (done < count) {
		uint64_t space = PIPE_SIZE - (p->head - p->tail), left = count - done;
		uint64_t need = count <= PIPE_BUF ? left : 1;   /* small writes go in whole */
		long err = 0;
		if (!p->readers) {
			send_signal(current, SIGPIPE);
			return done ? (long)done : -EPIPE;
		}
		if (space >= need) {
			uint64_t n = MIN(space, left);
			err = pipe_copy(p, p->head, buf + done, n, false);
			if (err)
				return done ? (long)done : err;
			p->head += n;
			done += n;
			wake_up(&p->rd_wait);
			continue;
		}
		if (f->flags & O_NONBLOCK)
			return done ? (long)done : -EAGAIN;
		err = wait_sleep(&p->wr_wait);
		if (err)
			return done ? (long)done : err;
	}
	return (long)done;
}

static long pipe_ioctl(struct file *f, uint32_t cmd, uint64_t arg)
{
	struct pipe *p = f->private_data;
	int avail = (int)(p->head - p->tail);

	if (cmd != FIONREAD)
		return -ENOTTY;
	return copy_to_user((void __user *)arg, &avail, sizeof(avail));
}

static uint32_t pipe_poll(struct file *f)
{
	struct pipe *p = f->private_data;

	if (file_readable(f))
		return (p->head != p->tail ? POLLIN | POLLRDNORM : 0) | (p->writers ? 0 : POLLHUP);
	return (p->head - p->tail < PIPE_SIZE ? POLLOUT | POLLWRNORM : 0) | (p->readers ? 0 : POLLERR);
}

static void pipe_free(struct pipe *p)
{
	for (uint64_t i = 0; i < PIPE_PAGES; i++)
		if (p->page[i])
			put_page(p->page[i]);
	kfree(p);
}

static void pipe_release(struct file *f)
{
	struct pipe *p = f->private_data;

	if (file_readable(f)) {
		p->readers--;
		wake_up(&p->wr_wait);
	} else {
		p->writers--;
		wake_up(&p->rd_wait);
	}
	if (!p->readers && !p->writers)
		pipe_free(p);
}

static const struct file_operations pipe_fops = {
	.read = pipe_read, .write = pipe_write, .ioctl = pipe_ioctl, .release = pipe_release, .poll = pipe_poll,
	.mode = PIPE_MODE,
};

/* Two descriptors for a new pipe's ends in fds[0] (read) and fds[1] (write), or -errno. */
static long pipe_open(int fds[2], uint32_t flags)
{
	struct pipe *p = kzalloc(sizeof(*p));
	struct file *rd = p ? file_alloc(&pipe_fops, p, O_RDONLY | (flags & O_NONBLOCK)) : NULL;
	struct file *wr = rd ? file_alloc(&pipe_fops, p, O_WRONLY | (flags & O_NONBLOCK)) : NULL;

	if (!wr) {
		if (rd)
			kfree(rd);
		if (p)
			kfree(p);
		return -ENOMEM;
	}
	p->readers = p->writers = 1;
	init_waitqueue_head(&p->rd_wait);
	init_waitqueue_head(&p->wr_wait);
	fds[0] = fd_install_from(rd, 0, flags & O_CLOEXEC);
	fds[1] = fds[0] < 0 ? -EMFILE : fd_install_from(wr, 0, flags & O_CLOEXEC);
	if (fds[1] < 0) {
		if (fds[0] >= 0)
			fd_close(fds[0]);
		else
			fput(rd);
		fput(wr);
		return -EMFILE;
	}
	return 0;
}

long sys_pipe2(uint64_t ufds, uint64_t flags)
{
	int fds[2];
	long err;

	if ((uint32_t)flags & ~PIPE2_FLAGS)
		return -EINVAL;
	if (!access_ok(ufds, sizeof(fds)))
		return -EFAULT;
	err = pipe_open(fds, (uint32_t)flags);
	if (err)
		return err;
	if (copy_to_user((void __user *)ufds, fds, sizeof(fds))) {
		fd_close(fds[0]);
		fd_close(fds[1]);
		return -EFAULT;
	}
	return 0;
}
