/*
 * poll.c: ppoll (what glibc's and musl's poll() call). Each descriptor's file says which events are
 * ready (regular files and devices without a poll operation: always readable and writable); a bad
 * descriptor is POLLNVAL, a negative one is skipped. With nothing ready the caller sleeps on
 * poll_waiters, which every wait-queue event wakes, until something is or the timeout passes. The
 * signal mask argument is accepted (there are no signal handlers to block yet).
 */
#include "fs.h"
#include "proc.h"
#include "wait.h"
#include "timer.h"
#include "syscall.h"
#include "riscv.h"
#include "errno.h"
#include "uaccess.h"
#include "uapi/poll.h"
#include "uapi/time.h"
#include "uapi/resource.h"

#define POLL_CHUNK 16                 /* pollfd entries staged on the kernel stack at a time */
#define POLL_ALWAYS (POLLERR | POLLHUP | POLLNVAL)
#define NO_DEADLINE (~0UL)

static uint32_t file_poll(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return POLLNVAL;
	if (f->f_op && f->f_op->poll)
		return f->f_op->poll(f);
	return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
}

/* One pass over the user's array: set every revents; how many are non-zero, or -EFAULT. */
static long poll_scan(uint64_t ufds, uint32_t nfds)
{
	struct pollfd p[POLL_CHUNK];
	long ready = 0;

	for (uint32_t i = 0; i < nfds; i += POLL_CHUNK) {
		uint32_t n = MIN(POLL_CHUNK, nfds - i);
		void __user *at = (void __user *)(ufds + i * sizeof(p[0]));
		if (copy_from_user(p, at, n * sizeof(p[0])))
			return -EFAULT;
		for (uint32_t j = 0; j < n; j++) {
			p[j].revents = p[j].fd < 0 ? 0 : (short)(file_poll(p[j].fd) & ((uint16_t)p[j].events | POLL_ALWAYS));
			ready += p[j].revents != 0;
		}
		if (copy_to_user(at, p, n * sizeof(p[0])))
			return -EFAULT;
	}
	return ready;
}

/* The time left until deadline, written back to the user's timespec as Linux's ppoll does. */
static void put_time_left(uint64_t uts, uint64_t deadline)
{
	struct timespec left;
	uint64_t now = rdtime();

	ticks_to_timespec(deadline > now ? deadline - now : 0, &left);
	copy_to_user((void __user *)uts, &left, sizeof(left));
}

long sys_ppoll(uint64_t ufds, uint64_t nfds, uint64_t uts, uint64_t usigmask, uint64_t sigsetsize)
{
	uint64_t deadline = NO_DEADLINE, ticks;
	long ready, err;

	if (nfds > current->rlim[RLIMIT_NOFILE].rlim_cur || (usigmask && sigsetsize != SIGSET_SIZE))
		return -EINVAL;
	if (uts) {
		err = timespec_ticks(uts, &ticks);
		if (err)
			return err;
		deadline = rdtime() + ticks;
	}
	if (usigmask) {
		err = sigmask_swap(usigmask);   /* the mask while waiting; the old one comes back below */
		if (err)
			return err;
	}
	for (;;) {
		ready = poll_scan(ufds, (uint32_t)nfds);
		if (ready || rdtime() >= deadline)
			break;
		err = timer_wait(&poll_waiters, deadline);
		if (err) {
			ready = err;
			break;
		}
	}
	if (uts && deadline != NO_DEADLINE)
		put_time_left(uts, deadline);
	if (usigmask)
		sigmask_restore(ready == -ERESTARTNOHAND);
	return ready;
}
