/* uapi/statfs.h: struct statfs as riscv64 Linux fills it (asm-generic, 120 bytes). */
#ifndef _UAPI_STATFS_H
#define _UAPI_STATFS_H

struct statfs {
	long f_type;
	long f_bsize;
	unsigned long f_blocks;
	unsigned long f_bfree;
	unsigned long f_bavail;
	unsigned long f_files;
	unsigned long f_ffree;
	int f_fsid[2];
	long f_namelen;
	long f_frsize;
	long f_flags;
	long f_spare[4];
};
_Static_assert(sizeof(struct statfs) == 120, "struct statfs must match Linux riscv64");

#endif
