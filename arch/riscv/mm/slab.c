/*
 * slab.c: the slow paths of kmalloc/kfree (slab.h) for small kernel objects (VMAs, mm_structs). Each
 * size class (32..2048 bytes) keeps a list of pages that still have free objects; a page goes back to
 * the page allocator as soon as its last object is freed, so the free-page count returns to where it
 * was when everything is released.
 */
#include "mm.h"
#include "memlayout.h"
#include "kernel.h"
#include "string.h"
#include "list.h"

struct list_head slab_partial[NR_SLAB_CLASSES];

void slab_init(void)
{
	for (int i = 0; i < NR_SLAB_CLASSES; i++)
		INIT_LIST_HEAD(&slab_partial[i]);
}

void *slab_alloc_slow(int cls)
{
	struct slab *s = alloc_page();
	uint64_t size = 1UL << (cls + SLAB_MIN_SHIFT);
	uint64_t first = MAX(sizeof(struct slab), size);

	if (!s)
		return NULL;
	s->inuse = 0;
	s->shift = cls + SLAB_MIN_SHIFT;
	s->freelist = NULL;
	for (uint64_t off = PGSIZE - size; off >= first; off -= size) {
		void **obj = (void **)((uint64_t)s + off);
		*obj = s->freelist;
		s->freelist = obj;
	}
	list_add(&s->list, &slab_partial[cls]);
	return slab_take(s);
}

void slab_free_slow(struct slab *s, bool was_full)
{
	if (s->inuse == 0) {
		if (!was_full)
			list_del(&s->list);
		put_page(s);
	} else {
		list_add(&s->list, &slab_partial[s->shift - SLAB_MIN_SHIFT]);
	}
}

void *kzalloc(size_t size)
{
	void *obj = kmalloc(size);

	if (obj)
		memset(obj, 0, size);
	return obj;
}
