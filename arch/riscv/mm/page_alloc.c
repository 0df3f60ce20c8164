/*
 * page_alloc.c: the physical page allocator with a reference count per frame.
 * Free frames form a singly linked list threaded through the frames themselves; frames never handed
 * out yet are taken from a bump pointer, so boot does no per-frame work. Both paths are O(1).
 * mem_map (one struct page per RAM frame, as many as the device tree's RAM has) sits right after the
 * kernel image.
 */
#include "mm.h"
#include "memlayout.h"
#include "kernel.h"
#include "string.h"

struct page *mem_map;
static uint64_t free_list;             /* kernel VA of the first free frame; each holds the next */
static uint64_t bump_next, bump_end;   /* [bump_next, bump_end): frames never allocated */
static uint64_t free_count, total_count;
uint64_t user_pages_in_use, user_pages_peak;
void *zero_page;

uint64_t phy_size = PHY_SIZE_DEFAULT;

void mm_init(uint64_t ram_size)
{
	uint64_t nframes;

	if (ram_size)
		phy_size = MIN(PGROUNDDOWN(ram_size), PHY_SIZE_MAX);
	nframes = phy_size >> PGSHIFT;
	mem_map = (struct page *)PGROUNDUP((uint64_t)_ekernel);
	bump_next = PGROUNDUP((uint64_t)(mem_map + nframes));
	bump_end = PA2VA(PHY_START + phy_size);
	total_count = free_count = (bump_end - bump_next) >> PGSHIFT;
	zero_page = alloc_zeroed_page();   /* one reference held for ever */
	BUG_ON(!zero_page);
	slab_init();
}

void *alloc_page(void)
{
	uint64_t va;

	if (free_list) {
		va = free_list;
		free_list = *(uint64_t *)va;
	} else if (bump_next < bump_end) {
		va = bump_next;
		bump_next += PGSIZE;
	} else {
		return NULL;
	}
	free_count--;
	*virt_to_page((void *)va) = (struct page){ .count = 1 };
	return (void *)va;
}

void *alloc_zeroed_page(void)
{
	void *page = alloc_page();

	if (page)
		clear_page(page);
	return page;
}

void put_page(void *va)
{
	struct page *page = virt_to_page(va);

	BUG_ON(page->count <= 0);
	if (--page->count)
		return;
	if (page->flags & (PG_USER | PG_PGTABLE))
		user_pages_in_use--;
	*(uint64_t *)va = free_list;
	free_list = (uint64_t)va;
	free_count++;
}

uint64_t nr_free_pages(void)
{
	return free_count;
}

uint64_t nr_total_pages(void)
{
	return total_count;
}
