/* errno.h: Linux error numbers, returned negated by system calls. */
#ifndef _ERRNO_H
#define _ERRNO_H

#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EEXIST 17
#define ENOTDIR 20
#define EINVAL 22
#define EMFILE 24
#define ENODEV 19
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define ENAMETOOLONG 36
#define ENOSYS 38

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((uint64_t)(x) >= (uint64_t)-MAX_ERRNO)

#endif
