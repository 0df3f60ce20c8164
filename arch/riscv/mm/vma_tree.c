/*
 * vma_tree.c: the VMAs of an address space in an AVL tree keyed by vm_start, beside the sorted list
 * (which stays for in-order walks: vma_next/vma_prev are O(1)). Each node is augmented with
 * vm_gap_max, the largest free gap below a VMA of its subtree, where the gap below a VMA runs from
 * the end of the VMA before it in the list (or 0) to its start. Lookup, insert, remove and the
 * top-down search for a free range are O(log n); a fork builds the tree from the list in O(n).
 *
 * Invariant used throughout: a node's recorded values depend on its children and on the list (its
 * own gap reads vma_prev), so the list is updated before the tree, and every node whose gap may change
 * is on the path that the tree operation walks back up through.
 */
#include "vm.h"
#include "kernel.h"

static inline int height(struct vm_area_struct *v)
{
	return v ? v->vm_height : 0;
}

static inline uint64_t gap_max(struct vm_area_struct *v)
{
	return v ? v->vm_gap_max : 0;
}

/* The free bytes between the VMA before v (or address 0) and v. */
static inline uint64_t gap_below(struct vm_area_struct *v)
{
	struct vm_area_struct *prev = vma_prev(v);

	return v->vm_start - (prev ? prev->vm_end : 0);
}

/* Recompute v's height and gap maximum from its children and its own gap. */
static void recompute(struct vm_area_struct *v)
{
	int hl = height(v->vm_left), hr = height(v->vm_right);
	uint64_t g = gap_below(v);

	v->vm_height = 1 + (hl > hr ? hl : hr);
	g = MAX(g, gap_max(v->vm_left));
	v->vm_gap_max = MAX(g, gap_max(v->vm_right));
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
	int diff = height(v->vm_left) - height(v->vm_right);

	if (diff > 1) {
		if (height(v->vm_left->vm_left) < height(v->vm_left->vm_right))
			v->vm_left = rotate_left(v->vm_left);
		return rotate_right(v);
	}
	if (diff < -1) {
		if (height(v->vm_right->vm_right) < height(v->vm_right->vm_left))
			v->vm_right = rotate_right(v->vm_right);
		return rotate_left(v);
	}
	recompute(v);
	return v;
}

struct vm_area_struct *vma_lookup_above(struct mm_struct *mm, uint64_t addr)
{
	struct vm_area_struct *n = mm->mm_rb, *best = NULL;

	while (n) {
		if (addr < n->vm_end) {
			best = n;
			if (n->vm_start <= addr)
				break;
			n = n->vm_left;
		} else {
			n = n->vm_right;
		}
	}
	return best;
}

/*
 * Insert vma below n; pred is the last node passed on the left (vma's predecessor so far). At the
 * bottom vma enters the list after pred, so that every node on the way back sees its final neighbours.
 */
static struct vm_area_struct *insert(struct mm_struct *mm, struct vm_area_struct *n, struct vm_area_struct *vma,
				     struct vm_area_struct *pred)
{
	if (!n) {
		list_add(&vma->vm_list, pred ? &pred->vm_list : &mm->mmap);
		vma->vm_left = vma->vm_right = NULL;
		recompute(vma);
		return vma;
	}
	if (vma->vm_start < n->vm_start)
		n->vm_left = insert(mm, n->vm_left, vma, pred);
	else
		n->vm_right = insert(mm, n->vm_right, vma, n);
	return rebalance(n);
}

void vma_tree_insert(struct mm_struct *mm, struct vm_area_struct *vma)
{
	mm->mm_rb = insert(mm, mm->mm_rb, vma, NULL);
	mm->map_count++;
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

/* Detach the leftmost node of subtree n into *min; the subtree's new root. */
static struct vm_area_struct *remove_min(struct vm_area_struct *n, struct vm_area_struct **min)
{
	if (!n->vm_left) {
		*min = n;
		return n->vm_right;
	}
	n->vm_left = remove_min(n->vm_left, min);
	return rebalance(n);
}

/* Remove vma (already out of the list) from subtree n; the subtree's new root. */
static struct vm_area_struct *remove(struct vm_area_struct *n, struct vm_area_struct *vma)
{
	struct vm_area_struct *succ;

	if (n == vma) {
		if (!n->vm_left || !n->vm_right)
			return n->vm_left ? n->vm_left : n->vm_right;
		n->vm_right = remove_min(n->vm_right, &succ);
		succ->vm_left = n->vm_left;
		succ->vm_right = n->vm_right;
		return rebalance(succ);
	}
	if (vma->vm_start < n->vm_start)
		n->vm_left = remove(n->vm_left, vma);
	else
		n->vm_right = remove(n->vm_right, vma);
	return rebalance(n);
}

void vma_tree_remove(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma);
	bool off_path = vma->vm_right && !vma->vm_left;   /* next, leftmost below vma, is not revisited */

	list_del(&vma->vm_list);
	mm->mm_rb = remove(mm->mm_rb, vma);
	mm->map_count--;
	if (next && off_path)
		refresh_path(mm->mm_rb, next->vm_start);   /* next's gap grew by vma's and the one below it */
}

void vma_tree_adjust(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma);

	refresh_path(mm->mm_rb, vma->vm_start);
	if (next)
		refresh_path(mm->mm_rb, next->vm_start);
}

/* A perfectly balanced tree of the count list entries after *pos, which ends past them. */
static struct vm_area_struct *build(struct list_head **pos, long count)
{
	struct vm_area_struct *left, *root;

	if (!count)
		return NULL;
	left = build(pos, count / 2);
	*pos = (*pos)->next;
	root = list_entry(*pos, struct vm_area_struct, vm_list);
	root->vm_left = left;
	root->vm_right = build(pos, count - count / 2 - 1);
	recompute(root);
	return root;
}

void vma_tree_build(struct mm_struct *mm)
{
	struct list_head *pos = &mm->mmap;
	struct vm_area_struct *vma;
	long count = 0;

	for_each_vma(vma, mm)
		count++;
	mm->map_count = count;
	mm->mm_rb = build(&pos, count);
}

/* The highest fit of len bytes in [low, high) in a gap below a VMA of subtree n, or 0. */
static uint64_t search_topdown(struct vm_area_struct *n, uint64_t len, uint64_t low, uint64_t high)
{
	while (n && n->vm_gap_max >= len) {
		uint64_t found, start, end;

		if (n->vm_end <= high - len) {   /* a gap above n can end low enough */
			found = search_topdown(n->vm_right, len, low, high);
			if (found)
				return found;
		}
		start = MAX(n->vm_start - gap_below(n), low);
		end = MIN(n->vm_start, high);
		if (end >= start && end - start >= len)
			return end - len;
		n = n->vm_left;
	}
	return 0;
}

uint64_t vma_gap_search_topdown(struct mm_struct *mm, uint64_t len, uint64_t low, uint64_t high)
{
	struct vm_area_struct *last = last_vma(mm);
	uint64_t above = MAX(last ? last->vm_end : 0, low);

	if (high < low || high - low < len)
		return 0;
	if (above <= high - len)
		return high - len;       /* the space above every VMA */
	return search_topdown(mm->mm_rb, len, low, high);
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
	BUG_ON(n->vm_gap_max != MAX(gap_below(n), MAX(gap_max(n->vm_left), gap_max(n->vm_right))));
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
