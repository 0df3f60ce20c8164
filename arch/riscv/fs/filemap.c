/*
 * filemap.c: the page cache. A file's bytes live in whole pages found through an index of up to three
 * levels of 512 entries (512 x 512 x 512 pages: any shared anonymous mapping of user space fits), as
 * tall as the highest page cached needs: a file of up to 512 pages has one index page. A missing page
 * is filled on first use from the ramdisk (for ramdisk files) or with zeros (a page write() is about
 * to fill gets only the rest filled). read() and write() copy between these pages and user buffers,
 * walking the index once per 512 pages; MAP_SHARED maps them.
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

/* The fewest index levels that reach page idx. */
static int levels_for(uint64_t idx)
{
	int levels = 1;

	while (levels < INDEX_LEVELS && idx >> (levels * INDEX_SHIFT))
		levels++;
	return levels;
}

/* Make ino's index levels tall, each new root holding the old one in its slot 0; false without memory. */
static bool index_grow(struct inode *ino, int levels)
{
	if (!ino->pages)
		ino->index_levels = levels;
	while (ino->index_levels < levels) {
		void **root = alloc_zeroed_page();
		if (!root)
			return false;
		root[0] = ino->pages;
		ino->pages = root;
		ino->index_levels++;
	}
	return true;
}

/* The slot of page idx in ino's index as it stands; NULL when an index page on the way is missing. */
static inline void **lookup_slot(struct inode *ino, uint64_t idx)
{
	void **table = ino->pages;

	if (!table || idx >> (ino->index_levels * INDEX_SHIFT))
		return NULL;
	for (int level = ino->index_levels - 1; level > 0 && table; level--)
		table = table[(idx >> (level * INDEX_SHIFT)) & (INDEX_ENTRIES - 1)];
	return table ? &table[idx & (INDEX_ENTRIES - 1)] : NULL;
}

/* The slot of page idx, the index grown and its missing pages allocated; NULL without memory. */
static __attribute__((noinline)) void **alloc_slot(struct inode *ino, uint64_t idx)
{
	void **slot = (void **)&ino->pages;

	if (idx >= PAGECACHE_MAX_PAGES || !index_grow(ino, levels_for(idx)))
		return NULL;
	for (int level = ino->index_levels - 1; level >= 0; level--) {
		if (!*slot && !(*slot = alloc_zeroed_page()))
			return NULL;
		slot = (void **)*slot + ((idx >> (level * INDEX_SHIFT)) & (INDEX_ENTRIES - 1));
	}
	return slot;
}

/* The index slot of page idx, allocating missing index pages when alloc; NULL if none. */
static inline void **page_slot(struct inode *ino, uint64_t idx, bool alloc)
{
	void **slot = lookup_slot(ino, idx);

	return slot || !alloc ? slot : alloc_slot(ino, idx);
}

/* The slot of page idx given prev, the slot of page idx - 1 (or NULL): the next one in the same index
 * page, else one walk. */
static void **next_slot(struct inode *ino, uint64_t idx, void **prev, bool alloc)
{
	return prev && (idx & (INDEX_ENTRIES - 1)) ? prev + 1 : page_slot(ino, idx, alloc);
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
	if (skip < skip_end) {
		if (skip)
			fill_range(ino, idx, page, 0, skip);
		if (skip_end < PGSIZE)
			fill_range(ino, idx, page, skip_end, PGSIZE);
	} else {
		fill_range(ino, idx, page, 0, PGSIZE);   /* nothing skipped: one fill (a whole ramdisk page: copy_page) */
	}
	*slot = page;
	nr_cached_pages++;
	return page;
}

/*
 * The page in slot, the slot of page idx, or a new one, filled, when the slot is empty; NULL when slot
 * is NULL (no memory for the index) or out of memory.
 */
static inline uint8_t *slot_get_page(struct inode *ino, uint64_t idx, void **slot)
{
	if (!slot)
		return NULL;
	if (*slot)
		return *slot;
	return new_page(ino, idx, slot, 0, 0);
}

void *find_get_page(struct inode *ino, uint64_t idx)
{
	return slot_get_page(ino, idx, page_slot(ino, idx, true));
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
	truncate_level(ino->pages, ino->index_levels - 1, 0, first);
	if (!first) {
		ino->pages = NULL;
		ino->index_levels = 0;
	}
}

long file_read(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count)
{
	uint64_t done = 0;
	void **slot = NULL;

	if (inode_is_dir(ino))
		return -EISDIR;
	if (pos >= ino->size)
		return 0;
	count = MIN(count, ino->size - pos);
	while (done < count) {
		uint64_t idx = (pos + done) >> PGSHIFT, off = (pos + done) & (PGSIZE - 1), n = MIN(PGSIZE - off, count - done);
		uint8_t *page;

		slot = next_slot(ino, idx, slot, true);
		page = slot_get_page(ino, idx, slot);
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
	void **slot = NULL;

	if (pos > FILE_MAX_PAGES * PGSIZE || count > FILE_MAX_PAGES * PGSIZE - pos)
		return -EFBIG;
	if (count && pos > ino->size)
		pagecache_zero_tail(ino, ino->size);   /* the gap reads as zeros once the size grows */
	while (done < count) {
		uint64_t idx = (pos + done) >> PGSHIFT, off = (pos + done) & (PGSIZE - 1), n = MIN(PGSIZE - off, count - done);
		bool fresh;
		uint8_t *page;

		slot = next_slot(ino, idx, slot, true);
		if (!slot)
			return done ? (long)done : -ENOMEM;
		fresh = !*slot;                  /* new: a failed copy leaves [off, off + n) to fill */
		page = fresh ? new_page(ino, idx, slot, off, off + n) : *slot;
		if (!page)
			return done ? (long)done : -ENOMEM;
		if (copy_from_user(page + off, (const void __user *)(ubuf + done), n)) {
			if (fresh)
				fill_range(ino, idx, page, off, off + n);
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
