/*
 * filemap.c: the page cache. A file's bytes live in whole pages found through a two-level index
 * (512 x 512 pages); a missing page is filled on first use from the ramdisk (for ramdisk files) or
 * with zeros. read() and write() copy between these pages and user buffers; MAP_SHARED maps them.
 */
#include "fs.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "memlayout.h"

#define INDEX_SHIFT 9
#define INDEX_ENTRIES (1UL << INDEX_SHIFT)

static void **page_slot(struct inode *ino, uint64_t idx, bool alloc)
{
	void **leaf;

	if (idx >= FILE_MAX_PAGES)
		return NULL;
	if (!ino->pages) {
		if (!alloc || !(ino->pages = alloc_zeroed_page()))
			return NULL;
	}
	leaf = ino->pages[idx >> INDEX_SHIFT];
	if (!leaf) {
		if (!alloc || !(leaf = alloc_zeroed_page()))
			return NULL;
		ino->pages[idx >> INDEX_SHIFT] = leaf;
	}
	return &leaf[idx & (INDEX_ENTRIES - 1)];
}

void *find_cached_page(struct inode *ino, uint64_t idx)
{
	void **slot = page_slot(ino, idx, false);

	return slot ? *slot : NULL;
}

void *find_get_page(struct inode *ino, uint64_t idx)
{
	void **slot = page_slot(ino, idx, true);
	uint64_t off = idx << PGSHIFT, n;
	uint8_t *page;

	if (!slot)
		return NULL;
	if (*slot)
		return *slot;
	page = alloc_user_page(PG_USER, false);
	if (!page)
		return NULL;
	n = off < ino->rd_size ? MIN(PGSIZE, ino->rd_size - off) : 0;
	if (n == PGSIZE) {
		copy_page(page, ino->rd_data + off);
	} else {
		memcpy(page, ino->rd_data + off, n);
		memset(page + n, 0, PGSIZE - n);
	}
	*slot = page;
	return page;
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

void truncate_pagecache(struct inode *ino, uint64_t first)
{
	if (!ino->pages)
		return;
	for (uint64_t l = first >> INDEX_SHIFT; l < INDEX_ENTRIES; l++) {
		void **leaf = ino->pages[l];
		if (!leaf)
			continue;
		for (uint64_t i = l == first >> INDEX_SHIFT ? first & (INDEX_ENTRIES - 1) : 0; i < INDEX_ENTRIES; i++) {
			if (leaf[i])
				put_page(leaf[i]);
			leaf[i] = NULL;
		}
		if (l > first >> INDEX_SHIFT || !(first & (INDEX_ENTRIES - 1))) {
			put_page(leaf);
			ino->pages[l] = NULL;
		}
	}
	if (!first) {
		put_page(ino->pages);
		ino->pages = NULL;
	}
}

long file_read(struct inode *ino, uint64_t pos, uint64_t ubuf, uint64_t count)
{
	uint64_t done = 0;

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
		uint8_t *page = find_get_page(ino, (pos + done) >> PGSHIFT);
		if (!page)
			return done ? (long)done : -ENOMEM;
		if (copy_from_user(page + off, (const void __user *)(ubuf + done), n))
			return done ? (long)done : -EFAULT;
		done += n;
		if (pos + done > ino->size)
			ino->size = pos + done;
	}
	return (long)done;
}
