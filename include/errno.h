/* errno.h: the Linux error numbers (uapi/errno.h) and the kernel's helpers for them. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include "uapi/errno.h"

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) ((uint64_t)(x) >= (uint64_t)-MAX_ERRNO)

#endif
