/*
 * vma.c: VMA bookkeeping: find, insert, split, merge and remove VMAs of an mm_struct, and create, copy (fork)
 * and destroy whole address spaces. Nothing here allocates user pages; removing a range releases its
 * pages.
 */
#include "vm.h"
#include "mm.h"
#include "mapping.h"
#include "memlayout.h"
#include "errno.h"
#include "kernel.h"
#include "log.h"
#include "riscv.h"

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm));

	if (!mm)
		return NULL;
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kfree(mm);
		return NULL;
	}
	INIT_LIST_HEAD(&mm->mmap);
	INIT_LIST_HEAD(&mm->vma_pages.pages);
	mm->mmap_base = USER_END - USER_STACK_SIZE - USER_STACK_GAP;
	return mm;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, uint64_t addr)
{
	struct vm_area_struct *vma = mm->mmap_cache;

	if (vma && vma->vm_start <= addr && addr < vma->vm_end)
		return vma;
	vma = vma_lookup_above(mm, addr);
	if (!vma || vma->vm_start > addr)
		return NULL;
	mm->mmap_cache = vma;
	return vma;
}

/* Free a VMA that is out of every list and tree: drop its file link. */
static inline void vma_release(struct vm_area_struct *vma)
{
	if (vma->vm_mm->mmap_cache == vma)
		vma->vm_mm->mmap_cache = NULL;
	vma_unlink_file(vma);
	kfree(vma);
}

/* Unlink vma from its mm and its file, and free it. */
static inline void vma_free(struct vm_area_struct *vma)
{
	vma_tree_remove(vma->vm_mm, vma);
	vma_release(vma);
}

/* A new VMA for [addr, addr + len), known to be free, just below next (NULL: above all): addr, or -ENOMEM. */
static int64_t __do_mmap(struct mm_struct *mm, struct vm_area_struct *next, uint64_t addr, uint64_t len,
			 uint64_t vm_pgoff, uint64_t vm_filesz, uint64_t flags, struct inode *file,
			 const struct vm_operations_struct *ops)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma));   /* every field is set here or by the tree */

	if (!vma)
		return -ENOMEM;
	vma->vm_mm = mm;
	vma->vm_start = addr;
	vma->vm_end = addr + len;
	vma->vm_flags = flags;
	vma->vm_pgoff = vm_pgoff;
	vma->vm_filesz = vm_filesz;
	vma->vm_file = file;
	vma->vm_ops = ops;
	vma->vm_touched = false;
	vma_link_file(vma);
	vma_tree_insert(mm, vma, next);
	verbose("vma [0x%lx, 0x%lx) flags 0x%lx %s pgoff 0x%lx filesz 0x%lx", addr, addr + len, flags, ops->name,
		vm_pgoff, vm_filesz);
	return (int64_t)addr;
}

int64_t do_mmap(struct mm_struct *mm, uint64_t addr, uint64_t len, uint64_t vm_pgoff, uint64_t vm_filesz,
		uint64_t flags, struct inode *file, const struct vm_operations_struct *ops)
{
	struct vm_area_struct *next;

	if (!len || !PAGE_ALIGNED(addr) || !PAGE_ALIGNED(len) || addr >= USER_END || len > USER_END - addr)
		return -EINVAL;
	if (!range_is_free(mm, addr, addr + len, &next))
		return -EEXIST;
	return __do_mmap(mm, next, addr, len, vm_pgoff, vm_filesz, flags, file, ops);
}

/*
 * True when b directly follows a and one VMA could stand for both: the same flags, kind and file, at
 * contiguous file offsets (any offsets when anonymous). ELF segments never merge: their file bytes
 * end inside them (vm_filesz).
 */
static inline bool vma_can_merge(const struct vm_area_struct *a, const struct vm_area_struct *b)
{
	return a->vm_end == b->vm_start && a->vm_flags == b->vm_flags && a->vm_ops == b->vm_ops &&
	       a->vm_file == b->vm_file && a->vm_ops != elf_ops &&
	       (!a->vm_file || a->vm_pgoff + (a->vm_end - a->vm_start) == b->vm_pgoff);
}

/* Absorb vma's successor into vma when they can merge (its pages stay mapped as they are). */
static void vma_merge_next(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *next = vma_next(vma);
	uint64_t end;

	if (!next || !vma_can_merge(vma, next))
		return;
	end = next->vm_end;
	vma->vm_touched |= next->vm_touched;
	vma_free(next);
	vma->vm_end = end;
	vma_tree_adjust(mm, vma);
}

void vma_merge_range(struct mm_struct *mm, struct vm_area_struct *vma, uint64_t end)
{
	struct vm_area_struct *next;

	if (vma_prev(vma) && vma_can_merge(vma_prev(vma), vma))
		vma = vma_prev(vma);
	while (vma->vm_end <= end && (next = vma_next(vma))) {
		if (vma_can_merge(vma, next))
			vma_merge_next(mm, vma);
		else if (next->vm_start < end)
			vma = next;
		else
			break;
	}
}

int64_t mmap_region(struct mm_struct *mm, struct vm_area_struct *next, uint64_t addr, uint64_t len,
		    uint64_t vm_pgoff, uint64_t flags, struct inode *file, const struct vm_operations_struct *ops)
{
	struct vm_area_struct want;
	struct vm_area_struct *prev = next ? vma_prev(next) : last_vma(mm);

	want.vm_start = addr;           /* the fields vma_can_merge reads, and only those */
	want.vm_end = addr + len;
	want.vm_flags = flags;
	want.vm_pgoff = vm_pgoff;
	want.vm_file = file;
	want.vm_ops = ops;
	if (prev && vma_can_merge(prev, &want)) {
		prev->vm_end = addr + len;
		vma_tree_adjust(mm, prev);
		vma_merge_next(mm, prev);
		return (int64_t)addr;
	}
	if (next && vma_can_merge(&want, next)) {
		next->vm_start = addr;
		next->vm_pgoff = vm_pgoff;
		vma_tree_adjust(mm, next);
		return (int64_t)addr;
	}
	if (next && next->vm_start < addr + len)
		return -EEXIST;         /* the caller found the range free; checked once more on the way */
	return __do_mmap(mm, next, addr, len, vm_pgoff, 0, flags, file, ops);
}

int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, uint64_t addr)
{
	struct vm_area_struct *high = kmalloc(sizeof(*high));
	uint64_t delta = addr - vma->vm_start;

	if (!high)
		return -ENOMEM;
	*high = *vma;
	high->vm_start = addr;
	high->vm_pgoff = vma->vm_pgoff + delta;
	high->vm_filesz = vma->vm_filesz > delta ? vma->vm_filesz - delta : 0;
	vma->vm_end = addr;
	vma->vm_filesz = MIN(vma->vm_filesz, delta);
	vma_link_file(high);
	vma_tree_insert(mm, high, vma_next(vma));
	return 0;
}

/* Unmap vma's pages if a fault ever mapped any (untouched VMAs have none); whether it had. */
static inline bool unmap_vma_pages(struct mm_struct *mm, const struct vm_area_struct *vma)
{
	if (vma->vm_touched)
		unmap_range(mm->pgd, vma->vm_start, vma->vm_end);
	return vma->vm_touched;
}

int do_munmap(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	struct vm_area_struct *vma = vma_lookup_above(mm, start), *next;
	bool touched = false;

	if (vma && vma->vm_start < start && vma->vm_end > start) {
		if (split_vma(mm, vma, start))
			return -ENOMEM;
		vma = vma_next(vma);            /* the high part, starting at start */
	}
	for (; vma && vma->vm_start < end; vma = next) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		next = vma_next(vma);
		touched |= unmap_vma_pages(mm, vma);
		vma_free(vma);
	}
	if (touched)
		flush_tlb_all();
	return 0;
}

/* Fork's copy of an address space into mm, from the page table at from. */
struct fork_copy {
	struct mm_struct *mm;
	pagetable_t from;
	long shared;                    /* pages now shared with the child */
	bool failed;                    /* out of memory: stop copying */
};

/*
 * What a copy needs beyond its fields: a place in its file's list of mappings, and the present PTEs if
 * a fault has touched the original (copy-on-write when private and writable). False when out of memory.
 */
static bool dup_vma_extra(const struct vm_area_struct *vma, struct vm_area_struct *copy, struct fork_copy *fc)
{
	bool cow = (vma->vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;
	long n;

	vma_link_file(copy);
	if (!vma->vm_touched)
		return true;
	n = copy_page_range(fc->mm->pgd, fc->from, vma->vm_start, vma->vm_end, cow);
	if (n < 0)
		return false;
	fc->shared += n;
	return true;
}

/* Link n after tail, the end of a list being built (its ends are closed when it is done); n. */
static inline struct list_head *append(struct list_head *tail, struct list_head *n)
{
	n->prev = tail;
	tail->next = n;
	return n;
}

/*
 * Copy old's VMAs into fc->mm. The child's tree has the parent's shape, so each copy keeps its
 * original's gap and height. An in-order walk with a stack of copies: going down to the left, each
 * VMA's copy is made whole (fields, file link, PTEs) and hung where its original hangs, its vm_right
 * holding the original until the walk comes back up to it; then the copy joins mm's list, in address
 * order. Untouched anonymous VMAs, the many, cost no call. On failure (fc->failed) every copy made is
 * on mm's list, for mmput.
 */
static void dup_vmas(const struct mm_struct *old, struct fork_copy *fc)
{
	struct vm_area_struct *stack[VMA_TREE_MAX_DEPTH], **sp = stack, **link, *copy, *up = NULL;
	const struct vm_area_struct *vma = old->mm_rb;
	struct mm_struct *mm = fc->mm;
	struct list_head *tail = &mm->mmap;
	struct slab_run run;
	struct slab_carve carve = { NULL, NULL };

	slab_run_begin(&run, sizeof(*copy), old->map_count, &mm->vma_pages);
	link = &mm->mm_rb;
	for (;;) {
		for (; vma; vma = vma->vm_left) {
			copy = slab_run_take(&run, &carve, sizeof(*copy));
			if (!copy)
				goto failed;
			*link = copy;
			copy->vm_parent = up;   /* the copy that link is in */
			copy->vm_right = (struct vm_area_struct *)vma;   /* the original, until it is visited */
			copy->vm_mm = mm;       /* the other fields but the links, which are the copy's own */
			copy->vm_start = vma->vm_start;
			copy->vm_end = vma->vm_end;
			copy->vm_gap = vma->vm_gap;
			copy->vm_gap_max = vma->vm_gap_max;
			copy->vm_flags_height_touched = vma->vm_flags_height_touched;
			copy->vm_pgoff = vma->vm_pgoff;
			copy->vm_filesz = vma->vm_filesz;
			copy->vm_file = vma->vm_file;
			copy->vm_ops = vma->vm_ops;
			*sp++ = copy;
			if (unlikely(copy->vm_file || copy->vm_touched) && !dup_vma_extra(vma, copy, fc))
				goto failed;
			link = &copy->vm_left;
			up = copy;
		}
		*link = NULL;
		if (sp == stack)
			break;
		copy = *--sp;
		tail = append(tail, &copy->vm_list);
		link = &copy->vm_right;
		up = copy;
		vma = copy->vm_right->vm_right;
	}
	goto done;
failed:
	fc->failed = true;
	while (sp != stack)
		tail = append(tail, &(*--sp)->vm_list);
done:
	append(tail, &mm->mmap);
	slab_run_end(&run, carve);
}

struct mm_struct *dup_mm(struct mm_struct *old, long *shared)
{
	struct mm_struct *mm = mm_alloc();
	struct fork_copy fc = { mm, old->pgd, 0, false };

	if (!mm)
		return NULL;
	mm->start_brk = old->start_brk;
	mm->brk = old->brk;
	mm->mmap_base = old->mmap_base;
	mm->start_stack = old->start_stack;   /* mmap_cache starts empty: mm_alloc zeroed it */
	mm->arg_start = old->arg_start;
	mm->arg_end = old->arg_end;
	mm->exe_file = old->exe_file;
	if (mm->exe_file) {
		BUG_ON(deny_write_access(mm->exe_file));   /* already denied by old: cannot fail */
		iget(mm->exe_file);
	}
	dup_vmas(old, &fc);
	mm->map_count = old->map_count;
	flush_tlb_all();   /* the parent's write-protected PTEs */
	if (fc.failed) {
		mmput(mm);
		return NULL;
	}
	vma_tree_verify(mm);
	*shared = fc.shared;
	return mm;
}

/*
 * mmput's walk: unmap, unlink and free every VMA (vma_release's work, without the call or the cache
 * check: the whole list, tree and cache go at once). With owned (an mm whose VMAs fork put in slab
 * pages of its own), the VMAs in those pages are not freed one by one: the pages go whole after.
 */
static inline __attribute__((always_inline)) void release_vmas(struct mm_struct *mm, bool owned)
{
	for (struct list_head *p = mm->mmap.next; p != &mm->mmap;) {
		struct vm_area_struct *vma = list_entry(p, struct vm_area_struct, vm_list);

		p = p->next;
		unmap_vma_pages(mm, vma);
		vma_unlink_file(vma);
		if (!owned || !slab_owned(vma, &mm->vma_pages))
			kfree(vma);
	}
}

void mmput(struct mm_struct *mm)
{
	if (list_empty(&mm->vma_pages.pages)) {
		release_vmas(mm, false);
	} else {
		release_vmas(mm, true);
		slab_owner_release(&mm->vma_pages);
	}
	pgd_free(mm->pgd);
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);
		iput(mm->exe_file);
	}
	kfree(mm);
}
