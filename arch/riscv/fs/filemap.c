/*
 * filemap.c: the page cache. A file's bytes live in whole pages found through a three-level index
 * (512 x 512 x 512 pages: any shared anonymous mapping of user space fits); a missing page is filled on first use from the ramdisk (for ramdisk files) or
 * with zeros (a page write() is about to fill gets only the rest filled). read() and write() copy
 * between these pages and user buffers; MAP_SHARED maps them.
 */
#include "fs.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "memlayout.h"

#define INDEX_SHIFT 9
#define INDEX_ENTRIES (1UL << INDEX_SHIFT)
#define INDEX_LEVELS 3

uint64_t nr_cached_pages;

/* The index slot of page idx, allocating missing index pages when alloc; NULL if none. */
static void **page_slot(struct inode *ino, uint64_t idx, bool alloc)
{
	void **slot = (void **)&ino->pages;

	if (idx >= PAGECACHE_MAX_PAGES)
		return NULL;
	for (int level = INDEX_LEVELS - 1; level >= 0; level--) {
		if (!*slot && (!alloc || !(*slot = alloc_zeroed_page())))
			return NULL;
		slot = (void **)*slot + ((idx >> (level * INDEX_SHIFT)) & (INDEX_ENTRIES - 1));
	}
	return slot;
}

void *find_cached_page(struct inode *ino, uint64_t idx)
{
	void **slot = page_slot(ino, idx, false);

	return slot ? *slot : NULL;
}

void *const *find_cached_run(struct inode *ino, uint64_t idx, uint64_t *n)
{
	void **slot = page_slot(ino, idx, false);

	*n = MIN(*n, INDEX_ENTRIES - (idx & (INDEX_ENTRIES - 1)));
	return slot;
}

/* Bytes [from, to) of page idx of ino as they start out: the ramdisk's, then zeros. */
static inline void fill_range(struct inode *ino, uint64_t idx, uint8_t *page, uint64_t from, uint64_t to)
{
	uint64_t off = idx << PGSHIFT, rd = off < ino->rd_size ? MIN(PGSIZE, ino->rd_size - off) : 0;
	uint64_t copied = MAX(from, MIN(rd, to));

	if (rd == PGSIZE && from == 0 && to == PGSIZE) {
		copy_page(page, ino->rd_data + off);
		return;
	}
	memcpy(page + from, ino->rd_data + off + from, copied - from);
	memset(page + copied, 0, to - copied);
}

/*
 * A new page for the empty slot of page idx, its bytes outside [skip, skip_end) filled as they start
 * out (the caller is about to write the rest); NULL when out of memory.
 */
static uint8_t *new_page(struct inode *ino, uint64_t idx, void **slot, uint64_t skip, uint64_t skip_end)
{
	uint8_t *page = alloc_user_page(PG_USER, false);

	if (!page)
		return NULL;
	*slot = page;                              /* filled below, before anyone can look */
	nr_cached_pages++;
	if (skip < skip_end) {
		fill_range(ino, idx, page, 0, skip);
		fill_range(ino, idx, page, skip_end, PGSIZE);
	} else {
		fill_range(ino, idx, page, 0, PGSIZE);   /* nothing skipped: one fill (a whole ramdisk page: copy_page) */
	}
	return page;
}

/* find_get_page where an index page is missing: allocate the index, then the page. */
static __attribute__((noinline)) void *find_get_page_indexed(struct inode *ino, uint64_t idx)
{
	void **slot = page_slot(ino, idx, true);

	return slot ? new_page(ino, idx, slot, 0, 0) : NULL;
}

void *find_get_page(struct inode *ino, uint64_t idx)
{
	void **slot = page_slot(ino, idx, false);   /* no allocation here: no call, no stack frame */

	if (!slot)
		return idx < PAGECACHE_MAX_PAGES ? find_get_page_indexed(ino, idx) : NULL;
	return *slot ? *slot : new_page(ino, idx, slot, 0, 0);
}

void pagecache_zero_tail(struct inode *ino, uint64_t from)
{
	uint64_t off = from & (PGSIZE - 1);
	uint8_t *page;

	if (!off)
		return;
	page = find_cached_page(ino, from >> PGSHIFT);
	if (page)
		memset(page + off, 0, PGSIZE - off);
}

/*
 * Drop the pages from index first on below table, an index page at level (0: it holds pages) whose
 * first entry is page base. A table wholly at or past first is freed; the caller clears its slot.
 */
static void truncate_level(void **table, int level, uint64_t base, uint64_t first)
{
	uint64_t span = 1UL << (level * INDEX_SHIFT);     /* pages under one entry */

	for (uint64_t i = 0; i < INDEX_ENTRIES; i++) {
		uint64_t start = base + i * span;
		if (!table[i] || start + span <= first)
			continue;
		if (level) {
			truncate_level(table[i], level - 1, start, first);
		} else {
			put_page(table[i]);
			nr_cached_pages--;
		}
		if (start >= first)
			table[i] = NULL;
	}
	if (base >= first)
		put_page(table);
}

void truncate_pagecache(struct inode *ino, uint64_t first)
{
	if (!ino->pages)
		return;
	truncate_level(ino->pages, INDEX_LEVELS - 1, 0, first);
	if (!first)
		ino->pages = NULL;
}

long file_read(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count)
{
	uint64_t done = 0;

	if (inode_is_dir(ino))
		return -EISDIR;
	if (pos >= ino->size)
		return 0;
	count = MIN(count, ino->size - pos);
	while (done < count) {
		uint64_t off = (pos + done) & (PGSIZE - 1), n = MIN(PGSIZE - off, count - done);
		uint8_t *page = find_get_page(ino, (pos + done) >> PGSHIFT);
		if (!page)
			return done ? (long)done : -ENOMEM;
		if (copy_to_user((void __user *)(ubuf + done), page + off, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return (long)done;
}

long file_write(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count)
{
	uint64_t done = 0;

	if (pos > FILE_MAX_PAGES * PGSIZE || count > FILE_MAX_PAGES * PGSIZE - pos)
		return -EFBIG;
	if (count && pos > ino->size)
		pagecache_zero_tail(ino, ino->size);   /* the gap reads as zeros once the size grows */
	while (done < count) {
		uint64_t off = (pos + done) & (PGSIZE - 1), n = MIN(PGSIZE - off, count - done);
		void **slot = page_slot(ino, (pos + done) >> PGSHIFT, true);
		bool fresh = slot && !*slot;
		uint8_t *page = !slot ? NULL : fresh ? new_page(ino, (pos + done) >> PGSHIFT, slot, off, off + n) : *slot;
		if (!page)
			return done ? (long)done : -ENOMEM;
		if (copy_from_user(page + off, (const void __user *)(ubuf + done), n)) {
			if (fresh)
				fill_range(ino, (pos + done) >> PGSHIFT, page, off, off + n);
			return done ? (long)done : -EFAULT;
		}
		done += n;
		if (pos + done > ino->size)
			ino->size = pos + done;
	}
	if (done)
		inode_touch(ino);
	return (long)done;
}
