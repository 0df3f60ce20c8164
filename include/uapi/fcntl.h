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
#define AT_FDCWD (-100)
#define AT_REMOVEDIR 0x200
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3                /* the next byte of data at or after the offset */
#define SEEK_HOLE 4                /* the next hole (the end of the file, here) */

#endif
