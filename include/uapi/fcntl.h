/* uapi/fcntl.h: openat, unlinkat and lseek constants (Linux values), shared by kernel and user programs. */
#ifndef _UAPI_FCNTL_H
#define _UAPI_FCNTL_H

#define O_ACCMODE 3
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_DIRECTORY 0200000
#define O_NONBLOCK 04000
#define O_DIRECT 040000
#define O_LARGEFILE 0100000        /* always set on 64-bit Linux: F_GETFL shows it for files */
#define O_NOCTTY 0400
#define O_CLOEXEC 02000000
#define AT_FDCWD (-100)
#define AT_REMOVEDIR 0x200
#define AT_SYMLINK_NOFOLLOW 0x100
#define AT_EACCESS 0x200           /* faccessat2 */
#define AT_NO_AUTOMOUNT 0x800
#define AT_EMPTY_PATH 0x1000       /* fstatat: an empty path means dirfd itself */

/* fcntl commands and descriptor flags. */
#define F_DUPFD 0
#define F_GETFD 1
#define F_SETFD 2
#define F_GETFL 3
#define F_SETFL 4
#define F_DUPFD_CLOEXEC 1030
#define FD_CLOEXEC 1

/* access modes for faccessat. */
#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3                /* the next byte of data at or after the offset */
#define SEEK_HOLE 4                /* the next hole (the end of the file, here) */

#endif
