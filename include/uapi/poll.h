/* uapi/poll.h: poll()'s descriptor entry and event bits (Linux values), for kernel and user programs. */
#ifndef _UAPI_POLL_H
#define _UAPI_POLL_H

struct pollfd {
	int fd;
	short events, revents;
};

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLWRNORM 0x100

#endif
