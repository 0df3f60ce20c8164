/*
 * slab.c: the slow paths of kmalloc/kfree (slab.h) for small kernel objects (VMAs, mm_structs), and
 * runs. Each size class (32..2048 bytes) keeps a list of pages that still have free objects; a page
 * goes back to the page allocator as soon as its last object is freed, so the free-page count returns
 * to where it was when everything is released. A run's full pages are on their owner's list instead,
 * until an object in one is freed alone or the owner frees them whole.
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

/* A new slab page of class cls, full (no free object, on no list), or NULL. */
static inline struct slab *new_slab(int cls)
{
	struct slab *s = alloc_page();

	if (!s)
		return NULL;
	s->inuse = slab_objects(cls);
	s->shift = cls + SLAB_MIN_SHIFT;
	s->freelist = NULL;
	s->owner = NULL;
	return s;
}

/* The objects [from, PGSIZE) of slab s pushed onto the free list head, the lowest first; the new head. */
static inline void *chain(struct slab *s, uint64_t from, void *head)
{
	uint64_t size = 1UL << s->shift;

	for (uint64_t off = PGSIZE - size; off >= from; off -= size) {
		void **obj = (void **)((uint64_t)s + off);
		*obj = head;
		head = obj;
	}
	return head;
}

/* Free the objects [from, PGSIZE) (from < PGSIZE) of slab s; it joins its partial list if it was full. */
static void give_back(struct slab *s, uint64_t from)
{
	if (!s->freelist)
		list_add(&s->list, &slab_partial[s->shift - SLAB_MIN_SHIFT]);
	s->inuse -= (PGSIZE - from) >> s->shift;
	s->freelist = chain(s, from, s->freelist);
}

/* A new slab for cls: its first object is returned, the others are free (the slab is partial if any). */
void *slab_alloc_slow(int cls)
{
	struct slab *s = new_slab(cls);
	uint64_t first = slab_first_object(cls);

	if (!s)
		return NULL;
	s->inuse = 1;
	s->freelist = chain(s, first + (1UL << s->shift), NULL);
	if (s->freelist)
		list_add(&s->list, &slab_partial[cls]);
	return (char *)s + first;
}

void slab_free_slow(struct slab *s, bool was_full)
{
	if (unlikely(s->owner)) {       /* its first object freed alone: no longer kept whole for its owner */
		list_del(&s->list);
		s->owner = NULL;
	}
	if (s->inuse == 0) {
		if (!was_full)
			list_del(&s->list);
		put_page(s);
	} else {
		list_add(&s->list, &slab_partial[s->shift - SLAB_MIN_SHIFT]);
	}
}

/* The page c has carved to its end (if any) now belongs to r's owner. */
static void own_carved(struct slab_run *r, struct slab_carve c)
{
	struct slab *s;

	if (!c.end)
		return;
	s = (struct slab *)(c.end - PGSIZE);
	s->owner = r->owner;
	list_add(&s->list, &r->owner->pages);
}

struct slab_carve slab_run_more(struct slab_run *r, struct slab_carve c)
{
	char *page = (char *)new_slab(r->cls);

	own_carved(r, c);
	if (!page)
		return (struct slab_carve){ NULL, NULL };
	return (struct slab_carve){ page + slab_first_object(r->cls), page + PGSIZE };
}

void slab_run_end(struct slab_run *r, struct slab_carve c)
{
	if (!r->pages)
		return;
	if (c.next == c.end)
		own_carved(r, c);
	else
		give_back((struct slab *)PGROUNDDOWN(c.next), (uint64_t)c.next & (PGSIZE - 1));
}

void slab_owner_release(struct slab_owner *owner)
{
	struct slab *s, *next;

	list_for_each_entry_safe(s, next, &owner->pages, list)
		put_page(s);
	INIT_LIST_HEAD(&owner->pages);
}

void *kzalloc(size_t size)
{
	void *obj = kmalloc(size);

	if (obj)
		memset(obj, 0, size);
	return obj;
}
