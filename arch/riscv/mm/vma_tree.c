/*
 * vma_tree.c: the VMAs of an address space in an AVL tree keyed by vm_start, beside the sorted list
 * (which stays for in-order walks: vma_next/vma_prev are O(1)). Each node is augmented with
 * vm_gap_max, the largest vm_gap of its subtree, where a VMA's vm_gap is the part mmap may use
 * (inside [MMAP_MIN_ADDR, mmap_base)) of the free range from the end of the VMA before it in the list
 * (or 0) to its start, in pages. Nodes link to their parents, so that an operation starts where its
 * caller already is: insert hangs a VMA beside the neighbour the caller found, remove and adjust begin
 * at the VMA itself, and each walks up, never down again. Lookup and the top-down search for a free
 * range walk down once. All are O(log n); a fork copies the tree node by node (vma.c).
 *
 * Walks up restore the tree: fix_up() from where the shape changed (rebalancing and recomputing
 * heights while they change, then gap maxima while they change), and propagate_gap() from each VMA
 * whose own gap changed (set from the list, which is updated first), recomputing gap maxima until one
 * comes out as it was.
 */
#include "vm.h"
#include "kernel.h"
#include "memlayout.h"

static inline int height(const struct vm_area_struct *v)
{
	return v ? v->vm_height : 0;
}

static inline uint32_t gap_max(const struct vm_area_struct *v)
{
	return v ? v->vm_gap_max : 0;
}

/* The free pages between the VMA before v (or address 0) and v that mmap may use: inside [MMAP_MIN_ADDR, mmap_base). */
static inline uint32_t gap_below(const struct vm_area_struct *v)
{
	struct list_head *p = v->vm_list.prev;
	struct mm_struct *mm = v->vm_mm;
	uint64_t start = p == &mm->mmap ? 0 : list_entry(p, struct vm_area_struct, vm_list)->vm_end;
	uint64_t end = MIN(v->vm_start, mm->mmap_base);

	start = MAX(start, MMAP_MIN_ADDR);
	return end > start ? (end - start) >> PGSHIFT : 0;
}

/* The largest gap in v's subtree, from its own and its children's. */
static inline uint32_t subtree_gap_max(const struct vm_area_struct *v)
{
	uint32_t g = MAX(v->vm_gap, gap_max(v->vm_left));

	return MAX(g, gap_max(v->vm_right));
}

/* Set v's height and gap maximum from its children's (heights hl, hr) and its own gap. */
static inline void set_node(struct vm_area_struct *v, int hl, int hr)
{
	v->vm_height = 1 + (hl > hr ? hl : hr);
	v->vm_gap_max = subtree_gap_max(v);
}

static void recompute(struct vm_area_struct *v)
{
	set_node(v, height(v->vm_left), height(v->vm_right));
}

/* The link that points at v: its parent's left or right, or the root. */
static inline struct vm_area_struct **link_of(struct mm_struct *mm, struct vm_area_struct *v)
{
	struct vm_area_struct *p = v->vm_parent;

	return !p ? &mm->mm_rb : p->vm_left == v ? &p->vm_left : &p->vm_right;
}

/* Make child (or nothing) the left or right child of v. */
static inline void set_left(struct vm_area_struct *v, struct vm_area_struct *child)
{
	v->vm_left = child;
	if (child)
		child->vm_parent = v;
}

static inline void set_right(struct vm_area_struct *v, struct vm_area_struct *child)
{
	v->vm_right = child;
	if (child)
		child->vm_parent = v;
}

/* Lift v's left child into v's place (hung from *link); recompute both; the subtree's new root. */
static struct vm_area_struct *rotate_right(struct vm_area_struct **link, struct vm_area_struct *v)
{
	struct vm_area_struct *l = v->vm_left;

	l->vm_parent = v->vm_parent;
	*link = l;
	set_left(v, l->vm_right);
	set_right(l, v);
	recompute(v);
	recompute(l);
	return l;
}

static struct vm_area_struct *rotate_left(struct vm_area_struct **link, struct vm_area_struct *v)
{
	struct vm_area_struct *r = v->vm_right;

	r->vm_parent = v->vm_parent;
	*link = r;
	set_right(v, r->vm_left);
	set_left(r, v);
	recompute(v);
	recompute(r);
	return r;
}

/* Recompute v and restore the AVL balance at v (children differ by at most 2); the subtree's new root. */
static struct vm_area_struct *rebalance(struct mm_struct *mm, struct vm_area_struct *v)
{
	int hl = height(v->vm_left), hr = height(v->vm_right);

	if (hl - hr > 1) {
		if (height(v->vm_left->vm_left) < height(v->vm_left->vm_right))
			rotate_left(&v->vm_left, v->vm_left);
		return rotate_right(link_of(mm, v), v);
	}
	if (hr - hl > 1) {
		if (height(v->vm_right->vm_right) < height(v->vm_right->vm_left))
			rotate_right(&v->vm_right, v->vm_right);
		return rotate_left(link_of(mm, v), v);
	}
	set_node(v, hl, hr);
	return v;
}

/* v's own gap, or a gap below it, changed: recompute gap maxima from v up until one is as it was. */
static inline void propagate_gap(struct vm_area_struct *v)
{
	for (; v; v = v->vm_parent) {
		uint32_t g = subtree_gap_max(v);

		if (g == v->vm_gap_max)
			return;
		v->vm_gap_max = g;
	}
}

/*
 * The shape below v changed: rebalance from v up while heights change, then carry the gap maxima
 * up while they change (the cheaper walk: no heights, no rotations).
 */
static inline void fix_up(struct mm_struct *mm, struct vm_area_struct *v)
{
	while (v) {
		int h = v->vm_height;

		v = rebalance(mm, v);
		if (v->vm_height == h) {
			propagate_gap(v->vm_parent);
			return;
		}
		v = v->vm_parent;
	}
}

/* v's neighbours in the list changed: its own gap again, before the walks up that pass it. */
static inline void set_gap(struct vm_area_struct *v)
{
	if (v)
		v->vm_gap = gap_below(v);
}

/*
 * vma goes just before next (or last): into the list, and into the tree as next's left child when
 * next has none, else as the right child of the VMA before it (the rightmost node of next's left
 * subtree, or of the whole tree, has no right child).
 */
void vma_tree_insert(struct mm_struct *mm, struct vm_area_struct *vma, struct vm_area_struct *next)
{
	struct vm_area_struct *prev = next ? vma_prev(next) : last_vma(mm), *parent;

	list_add(&vma->vm_list, prev ? &prev->vm_list : &mm->mmap);
	vma->vm_left = vma->vm_right = NULL;
	vma->vm_height = 1;
	vma->vm_gap = gap_below(vma);
	vma->vm_gap_max = vma->vm_gap;
	if (next && !next->vm_left)
		parent = next, next->vm_left = vma;
	else if (prev)
		parent = prev, prev->vm_right = vma;
	else
		parent = NULL, mm->mm_rb = vma;
	vma->vm_parent = parent;
	mm->map_count++;
	set_gap(next);                  /* shrank: it now starts at vma's end */
	fix_up(mm, parent);
	propagate_gap(next);            /* when the walk stopped below next */
}

/*
 * Take vma out of the list and the tree. With two children, its successor (the leftmost node of its
 * right subtree, which has no left child) takes its place, with its height and gap maximum so that
 * fix_up can tell whether the subtree changed; the walk up starts where the successor was taken
 * from. The successor's gap grows by vma's range (it propagates on its own).
 */
void vma_tree_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma), *child, *from;
	struct vm_area_struct **link = link_of(mm, vma);

	list_del(&vma->vm_list);
	mm->map_count--;
	if (vma->vm_left && vma->vm_right) {
		from = next->vm_parent == vma ? next : next->vm_parent;
		if (from != next) {
			set_left(from, next->vm_right);
			set_right(next, vma->vm_right);
		}
		set_left(next, vma->vm_left);
		next->vm_parent = vma->vm_parent;
		next->vm_height = vma->vm_height;
		next->vm_gap_max = vma->vm_gap_max;
		*link = next;
	} else {
		child = vma->vm_left ? vma->vm_left : vma->vm_right;
		*link = child;
		if (child)
			child->vm_parent = vma->vm_parent;
		from = vma->vm_parent;
	}
	set_gap(next);                  /* grew by vma's range */
	fix_up(mm, from);
	propagate_gap(next);            /* when the walk stopped below next, or next is off its path */
}

void vma_tree_adjust(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma);

	set_gap(vma);
	propagate_gap(vma);
	set_gap(next);
	propagate_gap(next);
}

uint64_t vma_gap_search_topdown(struct mm_struct *mm, uint64_t len, struct vm_area_struct **next)
{
	struct vm_area_struct *last = last_vma(mm), *n = mm->mm_rb;
	uint64_t above = MAX(last ? last->vm_end : 0, MMAP_MIN_ADDR), high = mm->mmap_base;
	uint64_t pages = len >> PGSHIFT;

	*next = NULL;
	if (above <= high && high - above >= len)
		return high - len;       /* the space above every VMA */
	if (!n || n->vm_gap_max < pages)
		return 0;
	for (;;) {                       /* n's subtree holds a fit: the highest is right, here or left */
		if (gap_max(n->vm_right) >= pages) {
			n = n->vm_right;
		} else if (n->vm_gap >= pages) {
			*next = n;
			return MIN(n->vm_start, high) - len;
		} else {
			n = n->vm_left;
		}
	}
}

/* Check subtree n against the list walked by *cursor; its height. */
static int check(struct mm_struct *mm, struct vm_area_struct *n, struct list_head **cursor, long *count)
{
	int hl, hr;

	if (!n)
		return 0;
	hl = check(mm, n->vm_left, cursor, count);
	*cursor = (*cursor)->next;
	BUG_ON(*cursor != &n->vm_list);           /* in-order walk == list order */
	BUG_ON(n->vm_mm != mm || n->vm_start >= n->vm_end);
	BUG_ON(n->vm_left && n->vm_left->vm_parent != n);
	BUG_ON(n->vm_right && n->vm_right->vm_parent != n);
	BUG_ON(vma_prev(n) && vma_prev(n)->vm_end > n->vm_start);
	(*count)++;
	hr = check(mm, n->vm_right, cursor, count);
	BUG_ON(hl - hr > 1 || hr - hl > 1);
	BUG_ON(n->vm_height != 1 + (hl > hr ? hl : hr));
	BUG_ON(n->vm_gap != gap_below(n));
	BUG_ON(n->vm_gap_max != MAX(n->vm_gap, MAX(gap_max(n->vm_left), gap_max(n->vm_right))));
	return n->vm_height;
}

void vma_tree_check(struct mm_struct *mm)
{
	struct list_head *cursor = &mm->mmap;
	long count = 0;

	BUG_ON(mm->mm_rb && mm->mm_rb->vm_parent);
	check(mm, mm->mm_rb, &cursor, &count);
	BUG_ON(cursor->next != &mm->mmap);
	BUG_ON(count != mm->map_count);
}
