/*
 * vma_tree.c: the VMAs of an address space in an AVL tree keyed by vm_start, beside the sorted list
 * (which stays for in-order walks: vma_next/vma_prev are O(1)). Each node is augmented with
 * vm_gap_max, the largest vm_gap of its subtree, where a VMA's vm_gap is the part mmap may use
 * (inside [MMAP_MIN_ADDR, mmap_base)) of the free range from the end of the VMA before it in the list
 * (or 0) to its start, in pages. Lookup, insert, remove and the
 * top-down search for a free range are O(log n); a fork copies the tree node by node (vma.c).
 *
 * Invariant used throughout: a node's own gap is set from the list whenever its neighbours change (the
 * list is updated first), and every node whose gap changed is on the path that the tree operation
 * walks back up through (or its path is refreshed).
 */
#include "vm.h"
#include "kernel.h"
#include "memlayout.h"

static inline int height(struct vm_area_struct *v)
{
	return v ? v->vm_height : 0;
}

static inline uint32_t gap_max(struct vm_area_struct *v)
{
	return v ? v->vm_gap_max : 0;
}

/* The free pages between the VMA before v (or address 0) and v that mmap may use: inside [MMAP_MIN_ADDR, mmap_base). */
static inline uint32_t gap_below(struct vm_area_struct *v)
{
	struct list_head *p = v->vm_list.prev;
	struct mm_struct *mm = v->vm_mm;
	uint64_t start = p == &mm->mmap ? 0 : list_entry(p, struct vm_area_struct, vm_list)->vm_end;
	uint64_t end = MIN(v->vm_start, mm->mmap_base);

	start = MAX(start, MMAP_MIN_ADDR);
	return end > start ? (end - start) >> PGSHIFT : 0;
}

/* v's neighbours changed: its own gap again (its ancestors are recomputed by the caller). */
static inline void set_gap(struct vm_area_struct *v)
{
	if (v)
		v->vm_gap = gap_below(v);
}

/* Set v's height and gap maximum from its children's (heights hl, hr) and its own gap. */
static inline void set_node(struct vm_area_struct *v, int hl, int hr)
{
	uint32_t g = MAX(v->vm_gap, gap_max(v->vm_left));

	v->vm_height = 1 + (hl > hr ? hl : hr);
	v->vm_gap_max = MAX(g, gap_max(v->vm_right));
}

static void recompute(struct vm_area_struct *v)
{
	set_node(v, height(v->vm_left), height(v->vm_right));
}

static struct vm_area_struct *rotate_right(struct vm_area_struct *v)
{
	struct vm_area_struct *l = v->vm_left;

	v->vm_left = l->vm_right;
	l->vm_right = v;
	recompute(v);
	recompute(l);
	return l;
}

static struct vm_area_struct *rotate_left(struct vm_area_struct *v)
{
	struct vm_area_struct *r = v->vm_right;

	v->vm_right = r->vm_left;
	r->vm_left = v;
	recompute(v);
	recompute(r);
	return r;
}

/* Recompute v and restore the AVL balance at v (children differ by at most 2); the new subtree root. */
static struct vm_area_struct *rebalance(struct vm_area_struct *v)
{
	int hl = height(v->vm_left), hr = height(v->vm_right);

	if (hl - hr > 1) {
		if (height(v->vm_left->vm_left) < height(v->vm_left->vm_right))
			v->vm_left = rotate_left(v->vm_left);
		return rotate_right(v);
	}
	if (hr - hl > 1) {
		if (height(v->vm_right->vm_right) < height(v->vm_right->vm_left))
			v->vm_right = rotate_right(v->vm_right);
		return rotate_left(v);
	}
	set_node(v, hl, hr);
	return v;
}

/* Rebalance the nodes at path[depth - 1 .. 0]; stop early once at or above index limit nothing changes. */
static void rebalance_path(struct vm_area_struct ***path, int depth, int limit)
{
	while (depth--) {
		int h = (*path[depth])->vm_height;
		uint32_t g = (*path[depth])->vm_gap_max;
		struct vm_area_struct *n = *path[depth] = rebalance(*path[depth]);

		if (depth <= limit && n->vm_height == h && n->vm_gap_max == g)
			break;
	}
}

/*
 * Walk down to vma's leaf place, link it into the list after its predecessor there, then rebalance
 * back up. A node's values depend only on its children and its own gap, and the only node above the
 * leaf whose own gap changes is vma's successor (the last node where the walk went left): once past it,
 * a subtree whose height and gap maximum came out unchanged leaves every ancestor as it was.
 */
void vma_tree_insert(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct **path[VMA_TREE_MAX_DEPTH], **link = &mm->mm_rb, *pred = NULL;
	int depth = 0, succ_depth = -1;

	while (*link) {
		path[depth] = link;
		if (vma->vm_start < (*link)->vm_start) {
			succ_depth = depth;
			link = &(*link)->vm_left;
		} else {
			pred = *link;
			link = &(*link)->vm_right;
		}
		depth++;
	}
	list_add(&vma->vm_list, pred ? &pred->vm_list : &mm->mmap);
	vma->vm_left = vma->vm_right = NULL;
	*link = vma;
	set_gap(vma);
	set_gap(vma_next(vma));
	recompute(vma);
	mm->map_count++;
	rebalance_path(path, depth, succ_depth);
}

/* Recompute the nodes on the path from n down to the node starting at key, bottom up. */
static void refresh_path(struct vm_area_struct *n, uint64_t key)
{
	if (!n)
		return;
	if (key < n->vm_start)
		refresh_path(n->vm_left, key);
	else if (key > n->vm_start)
		refresh_path(n->vm_right, key);
	recompute(n);
}

/*
 * Put vma's in-order successor (leftmost below its right child) in vma's place at path[depth], the
 * links walked down to it appended to path; the new depth.
 */
static int replace_by_successor(struct vm_area_struct *vma, struct vm_area_struct ***path, int depth)
{
	struct vm_area_struct **link = &vma->vm_right, *succ;
	int top = depth++;

	while ((*link)->vm_left) {
		path[depth++] = link;
		link = &(*link)->vm_left;
	}
	succ = *link;
	*link = succ->vm_right;
	succ->vm_left = vma->vm_left;
	succ->vm_right = vma->vm_right;
	*path[top] = succ;
	if (depth > top + 1)
		path[top + 1] = &succ->vm_right;   /* was &vma->vm_right */
	return depth;
}

/*
 * Unlink vma from the list (its successor's gap grows), take it out of the tree, rebalance back up.
 * The successor is an ancestor (vma has no right child), takes vma's place (two children), or sits
 * below vma's only child, off the path: then its own path is refreshed after.
 */
void vma_tree_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct **path[VMA_TREE_MAX_DEPTH], **link = &mm->mm_rb, *next = vma_next(vma);
	int depth = 0, limit = VMA_TREE_MAX_DEPTH, last_left = VMA_TREE_MAX_DEPTH;

	while (*link != vma) {
		path[depth] = link;
		if (vma->vm_start < (*link)->vm_start) {
			last_left = depth;
			link = &(*link)->vm_left;
		} else {
			link = &(*link)->vm_right;
		}
		depth++;
	}
	list_del(&vma->vm_list);
	set_gap(next);
	mm->map_count--;
	if (vma->vm_left && vma->vm_right) {
		path[depth] = link;
		limit = depth - 1;      /* the successor in vma's place: its old values say nothing of vma's */
		depth = replace_by_successor(vma, path, depth);
	} else {
		*link = vma->vm_left ? vma->vm_left : vma->vm_right;
		limit = vma->vm_right ? VMA_TREE_MAX_DEPTH : last_left;
	}
	rebalance_path(path, depth, limit);
	if (next && !vma->vm_left && vma->vm_right)
		refresh_path(mm->mm_rb, next->vm_start);   /* next's gap grew off the path */
}

void vma_tree_adjust(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma);

	set_gap(vma);
	refresh_path(mm->mm_rb, vma->vm_start);
	if (next) {
		set_gap(next);
		refresh_path(mm->mm_rb, next->vm_start);
	}
}

uint64_t vma_gap_search_topdown(struct mm_struct *mm, uint64_t len)
{
	struct vm_area_struct *last = last_vma(mm), *n = mm->mm_rb;
	uint64_t above = MAX(last ? last->vm_end : 0, MMAP_MIN_ADDR), high = mm->mmap_base;
	uint64_t pages = len >> PGSHIFT;

	if (above <= high && high - above >= len)
		return high - len;       /* the space above every VMA */
	if (!n || n->vm_gap_max < pages)
		return 0;
	for (;;) {                       /* n's subtree holds a fit: the highest is right, here or left */
		if (gap_max(n->vm_right) >= pages)
			n = n->vm_right;
		else if (n->vm_gap >= pages)
			return MIN(n->vm_start, high) - len;
		else
			n = n->vm_left;
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

	check(mm, mm->mm_rb, &cursor, &count);
	BUG_ON(cursor->next != &mm->mmap);
	BUG_ON(count != mm->map_count);
}
