/*
 * mm.h: physical pages and kernel objects.
 * Every RAM frame has a struct page with a reference count. alloc_page() returns a page (kernel virtual
 * address) with count 1; get_page()/put_page() move the count and the frame is free again at 0.
 * Single-page alloc and free are O(1). kmalloc() serves small objects from per-size slabs.
 */
#ifndef _MM_H
#define _MM_H

#include "types.h"
#include "memlayout.h"
#include "slab.h"                 /* kmalloc, kfree */

struct page {
	int32_t count;      /* references; 0 = free */
	uint16_t flags;     /* PG_*, cleared when the frame is allocated */
	uint16_t nr_ptes;   /* page-table pages: entries in use, so empty tables are freed at once */
};

/* What a frame holds, for the user-memory accounting (memstat). */
#define PG_USER    0x1   /* user data: anonymous, ELF or copied page */
#define PG_PGTABLE 0x2   /* a user page-table page */
#define PG_COUNTED 0x4   /* already counted once as a needed read-only page */

extern struct page *mem_map;     /* one per frame from PHY_START */

static inline struct page *virt_to_page(void *va)
{
	return &mem_map[(VA2PA(va) - PHY_START) >> PGSHIFT];
}

/* The allocator over ram_size bytes of RAM from PHY_START (0: PHY_SIZE_DEFAULT; at most PHY_SIZE_MAX). */
void mm_init(uint64_t ram_size);
extern uint64_t phy_size;          /* bytes of RAM from PHY_START, set by mm_init */
/* init.c: the final kernel page table (text R-X, rodata R, data and RAM RW), then switch to it. */
void setup_vm_final(void);
/* Zero / copy one 4 KiB page; both pointers page aligned (lib/page.c). */
void clear_page(void *page);
void copy_page(void *dst, const void *src);
void *alloc_page(void);          /* uninitialised page, or NULL when memory is exhausted */
void *alloc_zeroed_page(void);   /* zero-filled page, or NULL */
void put_page(void *va);

static inline void get_page(void *va)
{
	virt_to_page(va)->count++;
}

/*
 * n empty level-0 slots of the user page table holding slot (a uint64_t PTE) were just stored into
 * directly, not through install_pte: count them in the table's nr_ptes.
 */
static inline void count_installed_ptes(uint64_t *slot, unsigned n)
{
	virt_to_page((void *)PGROUNDDOWN(slot))->nr_ptes += n;
}

static inline int page_count(void *va)
{
	return virt_to_page(va)->count;
}

extern uint64_t user_pages_in_use, user_pages_peak;   /* PG_USER + PG_PGTABLE frames */

/*
 * A page for user data (kind PG_USER) or a user page table (PG_PGTABLE), zero-filled when zeroed,
 * counted in user_pages_in_use (and its peak) until freed. NULL when memory is exhausted.
 */
static inline void *alloc_user_page(uint16_t kind, bool zeroed)
{
	void *page = zeroed ? alloc_zeroed_page() : alloc_page();

	if (page) {
		virt_to_page(page)->flags |= kind;
		if (++user_pages_in_use > user_pages_peak)
			user_pages_peak = user_pages_in_use;
	}
	return page;
}
uint64_t nr_free_pages(void);
uint64_t nr_total_pages(void);

/* The shared zero page: mapped read-only for read faults on anonymous memory. */
extern void *zero_page;

#endif
