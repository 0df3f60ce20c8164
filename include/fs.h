/*
 * fs.h: the in-memory file system: a tree of directories (entries found through one hash table, listed
 * in creation order), regular files whose bytes live in whole pages (their page cache), device nodes,
 * open-file objects shared across fork, and per-process descriptor tables with the current directory.
 *
 * Reference counting: an inode is pinned by each directory entry naming it, by every open file, by
 * every VMA that maps it and by every process whose current directory it is; iput() of the last
 * reference frees its pages (and the inode, unless it is one of the static ramdisk inodes). The page
 * cache holds one reference on each cached page; every user PTE mapping such a page holds another.
 */
#ifndef _FS_H
#define _FS_H

#include "types.h"
#include "list.h"
#include "mapping.h"
#include "uapi/stat.h"

#define NAME_MAX 255             /* bytes of one path component (Linux) */
#define TRACE_NAME_MAX 47        /* bytes of an inode's name kept for traces and maps dumps */
#define ROOT_INO 1               /* the root directory's inode number; others count up from 2 */
#define PATH_MAX 4096            /* path bytes a call copies in, NUL included (Linux) */
#define NR_OPEN 64               /* descriptors per process */
#define FILE_MAX_PAGES (512UL * 512)   /* largest regular file: 1 GiB */
/* What the page index can hold: 512 GiB, more than user space, so any shared anonymous map fits. */
#define PAGECACHE_MAX_PAGES (512UL * 512 * 512)

struct vm_area_struct;

struct dentry;
struct file_operations;

struct inode {
	char name[TRACE_NAME_MAX + 1];   /* base name at creation or rename (cut), for traces */
	uint64_t size;           /* bytes */
	int count;               /* references: names, open files, mappings, current directories */
	uint32_t nlink;          /* names: files count their entries; a directory 2 + its subdirectories */
	bool is_static;          /* a ramdisk inode: the struct is never freed */
	uint8_t index_levels;    /* levels of pages' index: 1 below page 512, up to 3 (unused while pages is NULL) */
	const uint8_t *rd_data;  /* initial contents in the ramdisk, or NULL */
	uint64_t rd_size;        /* bytes of rd_data still backing the file (0 after truncation) */
	void **pages;            /* page cache: an index of 512-entry pages, allocated on demand; NULL: empty */
	struct list_head i_mmap;         /* VMAs mapping this inode (their vm_shared), see mm/rmap.c */
	uint32_t mode;           /* st_mode: type (S_IFREG, S_IFDIR, S_IFCHR) and permission bits */
	uint64_t ino;            /* inode number for fstat: assigned once, from 1 up (never an address) */
	/*
	 * > 0: that many writers (open files that may write, shared writable maps); < 0: that many
	 * address spaces run it as their program. Never both: the other side gets -ETXTBSY.
	 */
	int writecount;
	uint64_t mtime, ctime;   /* time CSR of the last change of contents / of the inode (see stat.c) */
	/* Directories (and dentry for every inode): */
	struct inode *parent;    /* the directory holding it (the root: itself); unused once removed */
	struct dentry *dentry;   /* its latest name (a directory's only one), NULL once that is removed */
	struct list_head children;   /* its entries (and readdir cursors) in creation order */
	uint64_t next_cookie;    /* readdir position of the next entry made (0 and 1 are . and ..) */
	/* Device nodes and /proc files: what an open does. */
	const struct file_operations *i_fop;
	/* /proc directories: the entry name of dir, made on demand (NULL, *err set, if there is none). */
	struct inode *(*lookup)(struct inode *dir, const char *name, uint32_t len, long *err);
	/*
	 * /proc: entries made on demand that getdents64 lists after the real ones: the first at readdir
	 * position pos or later, its name into name (NAME_MAX + 1 bytes) and inode; its position, or 0.
	 */
	uint64_t (*next_extra)(struct inode *dir, uint64_t pos, char *name, struct inode **ino);
	uint64_t i_data;         /* /proc: which process (slot) or view the inode stands for */
};

/* One name in a directory. A readdir cursor is a dentry with no inode that only sits in children. */
struct dentry {
	struct dentry *hash_next;    /* chain of its hash bucket */
	struct list_head sibling;    /* in dir->children */
	struct inode *dir;           /* the directory holding it */
	struct inode *inode;         /* what it names (one reference), NULL for a cursor */
	uint64_t cookie;             /* its readdir position: stable while it lives */
	uint32_t hash;
	uint32_t len;                /* name bytes, without the NUL */
	bool is_static;              /* made at boot from a static pool: never freed */
	char name[];                 /* NUL terminated */
};

static inline bool inode_is_dir(const struct inode *ino)
{
	return (ino->mode & S_IFMT) == S_IFDIR;
}

/* A file whose bytes live in its page cache: not a directory, device or /proc view. */
static inline bool inode_is_regular(const struct inode *ino)
{
	return S_ISREG(ino->mode) && !ino->i_fop;
}

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
	int (*open)(struct file *f, struct inode *ino);   /* optional: set up f for ino; 0 or -errno */
	uint32_t (*poll)(struct file *f);   /* the POLL* events ready now (POLLIN, POLLOUT, POLLHUP...) */
	uint32_t mode;           /* st_mode for fstat: type and permission bits */
	bool mmap_anon;          /* mmap of it is anonymous memory (/dev/zero) */
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
	struct inode *cwd;       /* the current directory (one reference); each process has its own */
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

/* Inodes (inode.c). */
void ramdisk_init(void);
/*
 * While the boot tree is made, inodes and entries come from static pools, so the pages counted free
 * before the first process are the same after fs_shutdown() has emptied the tree.
 */
extern bool fs_booting;
extern struct inode *root_inode;
/* A new inode of mode (type and permissions) with the caller's one reference, or NULL. */
struct inode *inode_alloc(const char *name, uint32_t len, uint32_t mode);
/* The file's contents changed now: mtime and ctime. */
void inode_touch(struct inode *ino);
/* Directories (dir.c): the entries of dir, through the one hash table. No reference is taken. */
struct dentry *d_lookup(struct inode *dir, const char *name, uint32_t len);
/* Give ino (its reference passes to the entry) the name in dir: 0, -EEXIST, -ENOENT (dir removed), -ENOMEM. */
int d_add(struct inode *dir, const char *name, uint32_t len, struct inode *ino);
/* Remove the entry and drop its reference on the inode. */
void d_delete(struct dentry *d);
/* Move entry d to the name in new_dir (which hides any entry of that name): 0, -ENOENT (new_dir removed), -ENOMEM. */
int d_move(struct dentry *d, struct inode *new_dir, const char *name, uint32_t len);
/* An empty directory's own fields (no entries, nlink 2). */
void dir_init(struct inode *dir);
/* The next entry after pos in dir->children (skipping cursors), or NULL at the end. */
struct dentry *d_next(struct inode *dir, struct list_head *pos);
/* Make directory name in dir with mode's permission bits: the new inode, or NULL with *err set. */
struct inode *vfs_mkdir(struct inode *dir, const char *name, uint32_t len, uint32_t mode, int *err);
/* Make an empty regular file: the new inode (its name holds the only reference), or NULL with *err. */
struct inode *vfs_create(struct inode *dir, const char *name, uint32_t len, uint32_t mode, int *err);
/* Remove entry d: a file (rmdir false) or an empty directory (rmdir true). 0 or -errno. */
int vfs_unlink(struct dentry *d, bool rmdir);

/* Path walks (namei.c). */
/* A path copied from user space into a page of its own (putname frees it), or NULL with *err set. */
char *getname(uint64_t upath, long *err);
void putname(char *name);
/* The directory dirfd names (AT_FDCWD: the current one) for a relative path: no reference. */
struct inode *dirfd_inode(int dirfd, long *err);
/* The inode path names from dir (absolute paths start at the root), or NULL with *err set. */
struct inode *path_lookup(struct inode *dir, const char *path, long *err);
/*
 * The directory holding path's last component, and that component (*last, *len: "" for "/"), or NULL
 * with *err set. *trailing tells whether the path ended with '/' (it must then name a directory).
 */
struct inode *path_parent(struct inode *dir, const char *path, const char **last, uint32_t *len,
			  bool *trailing, long *err);
/* The absolute path of directory dir into buf (size bytes): its length with the NUL, or -errno. */
long d_path(struct inode *dir, char *buf, uint64_t size);
/* Copy a path and resolve it from dirfd: the inode (no reference) or NULL with *err. */
struct inode *user_path_at(int64_t dirfd, uint64_t upath, long *err);
/* Set the size; shrinking drops the pages past it and unmaps them from every process. */
int inode_truncate(struct inode *ino, uint64_t size);
/* Power-off: drop every cached page and runtime inode, so the free-page count can be compared. */
void fs_shutdown(void);

/* Page cache (filemap.c). */
/* Zero the cached bytes from offset from to the end of its page (bytes past end-of-file). */
void pagecache_zero_tail(struct inode *ino, uint64_t from);
/* Drop cached pages from index first on. */
void truncate_pagecache(struct inode *ino, uint64_t first);
/* Copy between the file at pos and a user buffer; returns bytes done or -errno. */
long file_read(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count);
long file_write(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count);

/* read() and write() on an open file (read_write.c): mode and range checks, then the file's kind. */
long vfs_read(struct file *f, uint64_t buf, uint64_t count);
long vfs_write(struct file *f, uint64_t buf, uint64_t count);

/* Open files and descriptor tables (file.c). */
/* count 1, takes an inode reference (and write access if it may write); NULL with *err set. */
struct file *file_open(struct inode *ino, uint32_t flags, int *err);
void fput(struct file *f);
struct file *fget(int fd);                                  /* current's file for fd, or NULL */
int get_unused_fd(int min);            /* lowest free fd >= min under RLIMIT_NOFILE (not taken), or -EMFILE */
/* The lowest free fd >= min below the RLIMIT_NOFILE limit gets f (FD_CLOEXEC if cloexec); or -EMFILE. */
int fd_install_from(struct file *f, int min, bool cloexec);
/* Close fd of current (no check that it is open). */
void fd_close(int fd);
/* execve: close every FD_CLOEXEC descriptor. */
void files_close_on_exec(struct files_struct *files);
/* devices.c: make /dev and its device nodes (null, zero, tty, console) at boot. */
void devices_init(void);
/* proc.c: make /proc at boot. */
void proc_init(void);
/* readlinkat of a /proc link (exe): the target path into buf (no NUL), its length; -EINVAL if not one. */
long proc_readlink(struct inode *ino, char *buf, uint64_t size);
extern uint64_t nr_cached_pages;   /* pages in every file's page cache (filemap.c) */
/* A new open file for a descriptor that is not a regular file (count 1), or NULL. */
struct file *file_alloc(const struct file_operations *f_op, void *private_data, uint32_t flags);
struct files_struct *files_alloc_console(void);             /* 0, 1, 2 = console */
struct files_struct *files_dup(struct files_struct *files);
void files_put(struct files_struct *files);
#define EXTRA_POS (1UL << 40)   /* readdir positions of next_extra entries start here */
/* readdir.c: drop an open directory's readdir cursor. */
void dir_release(struct file *f);

#endif
