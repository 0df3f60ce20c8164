/*
 * slab.h: kmalloc/kfree for small kernel objects (slab.c). The common cases are inline: a size known at
 * compile time picks its class at compile time, and taking or returning an object is a few loads and
 * stores on the slab page's free list; only a slab that runs out, fills or empties calls into slab.c.
 */
#ifndef _SLAB_H
#define _SLAB_H

#include "types.h"
#include "list.h"
#include "memlayout.h"
#include "kernel.h"

#define SLAB_MIN_SHIFT 5                       /* 32-byte objects */
#define SLAB_MAX_SHIFT 11                      /* 2048-byte objects */
#define NR_SLAB_CLASSES (SLAB_MAX_SHIFT - SLAB_MIN_SHIFT + 1)
#define KMALLOC_MAX (1UL << SLAB_MAX_SHIFT)

/* Header at the start of every slab page; objects of 1 << shift bytes follow it. */
struct slab {
	struct list_head list;      /* in slab_partial[class] while it has free objects */
	void *freelist;             /* the free objects, linked through their first word */
	uint32_t inuse;
	uint32_t shift;
};

extern struct list_head slab_partial[NR_SLAB_CLASSES];   /* per class: slabs with a free object */

void slab_init(void);
void *slab_alloc_slow(int cls);        /* a new slab for cls, then an object from it (or NULL) */
void slab_free_slow(struct slab *s, bool was_full);   /* s just emptied, or was full */

/* The class of objects of size bytes (at most KMALLOC_MAX); folded to a constant for a constant size. */
static inline __attribute__((always_inline)) int slab_class(size_t size)
{
	int shift = SLAB_MIN_SHIFT;

	if (size > KMALLOC_MAX)
		panic("kmalloc: %lu bytes is more than a slab object", size);

	while ((1UL << shift) < size)
		shift++;
	return shift - SLAB_MIN_SHIFT;
}

/* Take a free object from s, which has one and is on its class's partial list. */
static inline __attribute__((always_inline)) void *slab_take(struct slab *s)
{
	void **obj = s->freelist;

	s->freelist = *obj;
	s->inuse++;
	if (unlikely(!s->freelist))
		list_del(&s->list);     /* full: found again when an object comes back */
	return obj;
}

/* An object of up to KMALLOC_MAX bytes, 16-byte aligned, uninitialised; NULL when memory is exhausted. */
static inline __attribute__((always_inline)) void *kmalloc(size_t size)
{
	int cls = slab_class(size);
	struct list_head *partial = &slab_partial[cls];

	if (unlikely(list_empty(partial)))
		return slab_alloc_slow(cls);
	return slab_take(list_entry(partial->next, struct slab, list));
}

/* Free an object from kmalloc (NULL is ignored). */
static inline __attribute__((always_inline)) void kfree(void *obj)
{
	struct slab *s = (struct slab *)PGROUNDDOWN(obj);
	void *head;

	if (!obj)
		return;
	head = s->freelist;
	*(void **)obj = head;
	s->freelist = obj;
	if (unlikely(--s->inuse == 0 || !head))
		slab_free_slow(s, !head);
}

void *kzalloc(size_t size);

#endif
