/*
 * slab.h: kmalloc/kfree for small kernel objects (slab.c). The common cases are inline: a size known at
 * compile time picks its class at compile time, and taking or returning an object is a few loads and
 * stores on the slab page's free list; only a slab that runs out, fills or empties calls into slab.c.
 * Runs (below) take many objects at once from fresh pages, for an owner that may free them whole.
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

struct slab_owner;

/* Header at the start of every slab page; objects of 1 << shift bytes follow it. */
struct slab {
	struct list_head list;      /* in slab_partial[class] while it has free objects, or its owner's list */
	void *freelist;             /* the free objects, linked through their first word */
	uint32_t inuse;
	uint32_t shift;
	struct slab_owner *owner;   /* a run's full page kept whole for its owner (below), or NULL */
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

/* An object of class cls, uninitialised; NULL when memory is exhausted. */
static inline __attribute__((always_inline)) void *kmalloc_class(int cls)
{
	struct list_head *partial = &slab_partial[cls];

	if (unlikely(list_empty(partial)))
		return slab_alloc_slow(cls);
	return slab_take(list_entry(partial->next, struct slab, list));
}

/* An object of up to KMALLOC_MAX bytes, 16-byte aligned, uninitialised; NULL when memory is exhausted. */
static inline __attribute__((always_inline)) void *kmalloc(size_t size)
{
	return kmalloc_class(slab_class(size));
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

/*
 * A run: many objects of one size taken at once, in order, for one owner (fork's copies of the VMAs,
 * for the child's mm: vma.c). A run for at least a page's worth carves fresh slab pages: taking an
 * object is a pointer bump, and each page it fills stays its owner's until the first of its objects is
 * freed one by one (kfree: the page then joins the others). When the owner dies, its objects in pages
 * it still owns need no kfree: slab_owner_release() frees those pages whole. The last page's unused
 * objects go back as free ones; a smaller run takes each object from kmalloc, so that it fills the
 * slabs others left. No object of a run may be freed before slab_run_end(): the page being carved is
 * on no list until then.
 */
struct slab_owner {
	struct list_head pages;     /* the full pages it owns */
};
struct slab_run {
	int cls;
	bool pages;             /* carving whole pages (else every object comes from kmalloc) */
	struct slab_owner *owner;
};
/* The objects [next, end) the run has carved and not handed out yet (kept by the caller, in registers). */
struct slab_carve {
	char *next, *end;
};

/* The offset of the first object in a slab page of class cls: past the header, aligned to the size. */
static inline __attribute__((always_inline)) uint64_t slab_first_object(int cls)
{
	uint64_t size = 1UL << (cls + SLAB_MIN_SHIFT);

	return (sizeof(struct slab) + size - 1) & ~(size - 1);
}
/* How many objects of class cls a slab page holds. */
static inline __attribute__((always_inline)) long slab_objects(int cls)
{
	return (PGSIZE - slab_first_object(cls)) >> (cls + SLAB_MIN_SHIFT);
}

/* Start a run of about count objects of size bytes for owner; its carve starts empty ({ NULL, NULL }). */
static inline __attribute__((always_inline)) void slab_run_begin(struct slab_run *r, size_t size, long count,
								  struct slab_owner *owner)
{
	r->cls = slab_class(size);
	r->pages = count >= slab_objects(r->cls);
	r->owner = owner;
}
/* More objects for the run after c: a fresh page (c's full one goes to the owner); NULL next if out. */
struct slab_carve slab_run_more(struct slab_run *r, struct slab_carve c);
/* The run is over: the objects left in c go back. */
void slab_run_end(struct slab_run *r, struct slab_carve c);

/* The run's next object (size bytes, as given to slab_run_begin), uninitialised; NULL when out of memory. */
static inline __attribute__((always_inline)) void *slab_run_take(struct slab_run *r, struct slab_carve *c,
								 size_t size)
{
	char *obj = c->next;

	if (unlikely(obj == c->end)) {
		if (!r->pages)
			return kmalloc_class(slab_class(size));
		*c = slab_run_more(r, *c);
		obj = c->next;
		if (!obj)
			return NULL;
	} else if (!obj) {
		__builtin_unreachable();   /* a carve is empty (next == end) when it has no object */
	}
	c->next = obj + (1UL << (slab_class(size) + SLAB_MIN_SHIFT));
	return obj;
}

/* Whether obj lies in a page that owner still owns (its object dies with the page). */
static inline bool slab_owned(const void *obj, const struct slab_owner *owner)
{
	return ((struct slab *)PGROUNDDOWN(obj))->owner == owner;
}
/* The owner dies: free the pages it still owns, with every object in them. */
void slab_owner_release(struct slab_owner *owner);

#endif
