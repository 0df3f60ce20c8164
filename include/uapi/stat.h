/* uapi/stat.h: struct stat as riscv64 Linux fills it (asm-generic, 128 bytes) and the file-type bits. */
#ifndef _UAPI_STAT_H
#define _UAPI_STAT_H

struct stat {
	unsigned long st_dev, st_ino;
	unsigned int st_mode, st_nlink, st_uid, st_gid;
	unsigned long st_rdev, __pad1;
	long st_size;
	int st_blksize, __pad2;
	long st_blocks;
	long st_atime, st_atime_nsec, st_mtime, st_mtime_nsec, st_ctime, st_ctime_nsec;
	unsigned int __unused4, __unused5;
};

#define S_IFMT 0170000
#define S_IFIFO 0010000
#define S_IFCHR 0020000
#define S_IFDIR 0040000
#define S_IFREG 0100000

#endif
