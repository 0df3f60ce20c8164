/*
 * mapping.h: the one seam between memory management and the file system. The mm side reaches a file
 * only through the calls below (its size, its name for dumps, its cached pages, its list of
 * mappings, references); the fs side reaches address spaces only through unmap_mapping_pages().
 */
#ifndef _MAPPING_H
#define _MAPPING_H

#include "types.h"

struct inode;
struct list_head;

/* Provided by fs, for mm. */
uint64_t file_size(const struct inode *ino);                 /* bytes */
const char *file_name(const struct inode *ino);               /* for maps dumps and traces */
/* The cached page idx of ino (kernel VA), filled from the ramdisk or zeroed; NULL if out of memory. */
void *find_get_page(struct inode *ino, uint64_t idx);
struct list_head *file_mappings(struct inode *ino);           /* VMAs mapping ino (vm_shared) */
/* The cached page idx of ino, or NULL if it is not cached. */
void *find_cached_page(struct inode *ino, uint64_t idx);
/*
 * The cache slots of pages idx, idx + 1, ... up to the end of the index table holding idx, at most *n
 * of them: *n is cut to how many the returned array holds (a slot is NULL where no page is cached).
 * NULL when no page of that table is cached. For a run of neighbours without one lookup each.
 */
void *const *find_cached_run(struct inode *ino, uint64_t idx, uint64_t *n);
uint64_t file_ino(const struct inode *ino);                   /* inode number, for maps */
/* The file's absolute path (" (deleted)" after it once it has no name) into buf: its length. */
uint64_t file_path(struct inode *ino, char *buf, uint64_t size);
void iget(struct inode *ino);
void iput(struct inode *ino);
/* Writers and runners exclude each other (Linux's ETXTBSY): 0 or -ETXTBSY, and the undo of each. */
int get_write_access(struct inode *ino);
void put_write_access(struct inode *ino);
int deny_write_access(struct inode *ino);
void allow_write_access(struct inode *ino);
/* An unnamed inode of size bytes backing shared anonymous memory (count 1), or NULL. */
struct inode *inode_anon(uint64_t size);
/*
 * The file behind descriptor fd for a new mapping, shared or private, writable or not: *ino (no
 * reference taken) and whether mprotect may later add write access (*maywrite). 0, MMAP_ANON (a
 * device whose mappings are anonymous memory: /dev/zero), -EBADF, -ENODEV (not a file) or -EACCES
 * (open mode forbids the mapping).
 */
#define MMAP_ANON 1
long file_mmap_check(int fd, bool shared, bool write, struct inode **ino, bool *maywrite);

/* Provided by mm, for fs: unmap, in every process mapping ino, the pages at file index first on. */
void unmap_mapping_pages(struct inode *ino, uint64_t first);

#endif
