/*
 * fs.h: the in-memory file system: one flat directory of inodes, each file's bytes in whole pages
 * (its page cache), open-file objects shared across fork, and per-process descriptor tables.
 *
 * Reference counting: an inode is pinned by its directory entry (while it has a name), by every open
 * file and by every VMA that maps it; iput() of the last reference frees its pages (and the inode,
 * unless it is one of the static ramdisk inodes). The page cache holds one reference on each cached
 * page; every user PTE mapping such a page holds another.
 */
#ifndef _FS_H
#define _FS_H

#include "types.h"
#include "list.h"
#include "mapping.h"

#define NAME_MAX 47
#define ROOT_INO 1               /* the root directory's inode number; files count up from 2 */
#define PATH_MAX 256             /* path bytes a call copies in, NUL included */
#define NR_OPEN 64               /* descriptors per process */
#define FILE_MAX_PAGES (512UL * 512)   /* largest regular file: 1 GiB */
/* What the page index can hold: 512 GiB, more than user space, so any shared anonymous map fits. */
#define PAGECACHE_MAX_PAGES (512UL * 512 * 512)

struct vm_area_struct;

struct inode {
	char name[NAME_MAX + 1];
	uint64_t size;           /* bytes */
	int count;               /* references: name, open files, mappings */
	bool linked;             /* has a name in the directory */
	bool is_static;          /* a ramdisk inode: the struct is never freed */
	const uint8_t *rd_data;  /* initial contents in the ramdisk, or NULL */
	uint64_t rd_size;        /* bytes of rd_data still backing the file (0 after truncation) */
	void **pages;            /* page cache: a 3-level index of 512-entry pages, allocated on demand */
	struct list_head i_mmap;         /* VMAs mapping this inode (their vm_shared), see mm/rmap.c */
	uint32_t mode;           /* permission bits for fstat */
	uint64_t ino;            /* inode number for fstat: assigned once, from 1 up (never an address) */
	/*
	 * > 0: that many writers (open files that may write, shared writable maps); < 0: that many
	 * address spaces run it as their program. Never both: the other side gets -ETXTBSY.
	 */
	int writecount;
};

#include "uapi/fcntl.h"   /* open flags */

struct file;

/*
 * What a descriptor that is not a regular file does (the console, pipes). read and write get a user
 * buffer whose range access_ok has already accepted; they return bytes done or -errno. ioctl
 * returns -ENOTTY for commands it does not know. release runs when the last reference goes.
 */
struct file_operations {
	long (*read)(struct file *f, uint64_t buf, uint64_t count);
	long (*write)(struct file *f, uint64_t buf, uint64_t count);
	long (*ioctl)(struct file *f, uint32_t cmd, uint64_t arg);
	void (*release)(struct file *f);
	uint32_t (*poll)(struct file *f);   /* the POLL* events ready now (POLLIN, POLLOUT, POLLHUP...) */
	uint32_t mode;           /* st_mode for fstat: type and permission bits */
};

struct file {
	struct inode *inode;     /* the regular file, or NULL (then f_op says what it is) */
	const struct file_operations *f_op;   /* NULL for regular files */
	void *private_data;      /* f_op's object (the pipe) */
	uint64_t pos;
	uint32_t flags;          /* O_ACCMODE | O_APPEND | O_NONBLOCK | O_LARGEFILE */
	int count;               /* descriptors referring to it, in any process */
};

struct files_struct {
	struct file *fd[NR_OPEN];
	uint64_t cloexec;        /* bit n: descriptor n is closed by execve (FD_CLOEXEC) */
};

/* Access mode 3 (O_RDONLY|O_WRONLY|O_RDWR all wrong) opens for neither, as in Linux. */
static inline bool file_readable(struct file *f)
{
	return (f->flags & O_ACCMODE) == O_RDONLY || (f->flags & O_ACCMODE) == O_RDWR;
}
static inline bool file_writable(struct file *f)
{
	return (f->flags & O_ACCMODE) == O_WRONLY || (f->flags & O_ACCMODE) == O_RDWR;
}

/* Directory and inodes (inode.c). */
void ramdisk_init(void);
struct inode *inode_lookup(const char *name);            /* no reference taken */
struct inode *inode_create(const char *name, int *err);  /* new linked inode, count 1 (the name) */
int inode_unlink(const char *name);
/* Set the size; shrinking drops the pages past it and unmaps them from every process. */
int inode_truncate(struct inode *ino, uint64_t size);
/* Power-off: drop every cached page and runtime inode, so the free-page count can be compared. */
void fs_shutdown(void);

/* Page cache (filemap.c). */
/* The cached page idx of ino, or NULL if it is not cached. */
void *find_cached_page(struct inode *ino, uint64_t idx);
/* Zero the cached bytes from offset from to the end of its page (bytes past end-of-file). */
void pagecache_zero_tail(struct inode *ino, uint64_t from);
/* Drop cached pages from index first on. */
void truncate_pagecache(struct inode *ino, uint64_t first);
/* Copy between the file at pos and a user buffer; returns bytes done or -errno. */
long file_read(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count);
long file_write(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count);

/* Copy a path into path[PATH_MAX] and check dirfd (only AT_FDCWD names the one directory). 0 or -errno. */
long get_path(int64_t dirfd, uint64_t upath, char *path);

/* read() and write() on an open file (read_write.c): mode and range checks, then the file's kind. */
long vfs_read(struct file *f, uint64_t buf, uint64_t count);
long vfs_write(struct file *f, uint64_t buf, uint64_t count);

/* Open files and descriptor tables (file.c). */
/* count 1, takes an inode reference (and write access if it may write); NULL with *err set. */
struct file *file_open(struct inode *ino, uint32_t flags, int *err);
void fput(struct file *f);
struct file *fget(int fd);                                  /* current's file for fd, or NULL */
int get_unused_fd(int min);            /* lowest free fd >= min under RLIMIT_NOFILE (not taken), or -EMFILE */
int fd_install(struct file *f);                             /* lowest free fd, or -EMFILE */
/* The lowest free fd >= min below the RLIMIT_NOFILE limit gets f (FD_CLOEXEC if cloexec); or -EMFILE. */
int fd_install_from(struct file *f, int min, bool cloexec);
/* Close fd of current (no check that it is open). */
void fd_close(int fd);
/* execve: close every FD_CLOEXEC descriptor. */
void files_close_on_exec(struct files_struct *files);
/* devices.c: a new open file for a device path (/dev/null, /dev/tty, /dev/console), else NULL. */
struct file *device_open(const char *path, uint32_t flags);
/* A new open file for a descriptor that is not a regular file (count 1), or NULL. */
struct file *file_alloc(const struct file_operations *f_op, void *private_data, uint32_t flags);
struct files_struct *files_alloc_console(void);             /* 0, 1, 2 = console */
struct files_struct *files_dup(struct files_struct *files);
void files_put(struct files_struct *files);

#endif
