/* uapi/uio.h: scatter/gather vectors for readv and writev (Linux layout and limit). */
#ifndef _UAPI_UIO_H
#define _UAPI_UIO_H

struct iovec {
	void *iov_base;
	unsigned long iov_len;
};
#define UIO_MAXIOV 1024          /* most vector entries one call takes (-EINVAL beyond) */

#endif
