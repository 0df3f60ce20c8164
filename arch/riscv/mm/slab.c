/*
 * slab.c: kmalloc for small kernel objects (VMAs, mm_structs). Each size class (32..2048 bytes) keeps
 * a list of pages that still have free objects; a page goes back to the page allocator as soon as its
 * last object is freed, so the free-page count returns to where it was when everything is released.
 */
#include "mm.h"
#include "memlayout.h"
#include "kernel.h"
#include "string.h"
#include "list.h"

#define SLAB_MIN_SHIFT 5                       /* 32-byte objects */
#define SLAB_MAX_SHIFT 11                      /* 2048-byte objects */
#define NR_CLASSES (SLAB_MAX_SHIFT - SLAB_MIN_SHIFT + 1)

/* Header at the start of every slab page; objects follow it. */
struct slab {
	struct list_head list;      /* in partial[class] while it has free objects */
	void *freelist;
	uint32_t inuse;
	uint32_t shift;             /* objects are 1 << shift bytes */
};

static struct list_head partial[NR_CLASSES];

void slab_init(void)
{
	for (int i = 0; i < NR_CLASSES; i++)
		INIT_LIST_HEAD(&partial[i]);
}

static int size_class(size_t size)
{
	int shift = SLAB_MIN_SHIFT;

	while ((1UL << shift) < size)
		shift++;
	return shift - SLAB_MIN_SHIFT;
}

static struct slab *new_slab(int cls)
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
	list_add(&s->list, &partial[cls]);
	return s;
}

void *kmalloc(size_t size)
{
	if (size > KMALLOC_MAX)
		panic("kmalloc: %lu bytes is more than a slab object", size);
	int cls = size_class(size);
	struct slab *s = list_empty(&partial[cls]) ? new_slab(cls) : list_entry(partial[cls].next, struct slab, list);
	if (!s)
		return NULL;
	void **obj = s->freelist;
	s->freelist = *obj;
	s->inuse++;
	if (!s->freelist)
		list_del(&s->list);
	return obj;
}

void *kzalloc(size_t size)
{
	void *obj = kmalloc(size);

	if (obj)
		memset(obj, 0, size);
	return obj;
}

void kfree(void *obj)
{
	if (!obj)
		return;
	struct slab *s = (struct slab *)PGROUNDDOWN(obj);
	int cls = s->shift - SLAB_MIN_SHIFT;
	bool was_full = !s->freelist;

	*(void **)obj = s->freelist;
	s->freelist = obj;
	s->inuse--;
	if (s->inuse == 0) {
		if (!was_full)
			list_del(&s->list);
		put_page(s);
	} else if (was_full) {
		list_add(&s->list, &partial[cls]);
	}
}
