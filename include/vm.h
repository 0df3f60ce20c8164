/*
 * vm.h: address spaces. An mm_struct owns a page table and a list of VMAs sorted by address; a VMA
 * says what may be done in a range and, through vm_ops, how its pages are filled on first touch.
 * Creating a process, execve and brk only record VMAs: no page is allocated or mapped until touched.
 */
#ifndef _VM_H
#define _VM_H

#include "types.h"
#include "pgtable.h"
#include "list.h"
#include "slab.h"

/* vm_flags: the ZJU values plus Linux's VM_SHARED. Converted to PTE bits only by vm_flags_to_prot(). */
#define VM_ANON   0x1
#define VM_READ   0x2
#define VM_WRITE  0x4
#define VM_EXEC   0x8
#define VM_SHARED 0x10
#define VM_MAYWRITE 0x20   /* shared maps: mprotect may add VM_WRITE (the file is open for writing) */
#define VM_ACCESS (VM_READ | VM_WRITE | VM_EXEC)

struct vm_area_struct;
struct inode;

/* How a fault is resolved; returned by the fault handlers, turned into a signal by the arch half. */
enum vm_fault {
	VM_FAULT_OK = 0,
	VM_FAULT_SIGSEGV,
	VM_FAULT_SIGBUS,
	VM_FAULT_OOM,
};

struct vm_operations_struct {
	const char *name;   /* kind shown in traces and maps: "anon", "elf", ... */
	/* Fill the absent PTE *pte for the page at addr (page aligned) for an access (VM_READ/WRITE/EXEC). */
	enum vm_fault (*fault)(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access);
};

/*
 * Fork copies a VMA field by field (dup_vmas in vma.c): a field added here must be added there. The
 * list link comes first and the fields fork copies are together, for the walks over every VMA.
 */
struct vm_area_struct {
	struct list_head vm_list;          /* in vm_mm->mmap, sorted by address */
	struct vm_area_struct *vm_left, *vm_right;   /* in vm_mm->mm_rb (vma_tree.c), keyed by vm_start */
	struct vm_area_struct *vm_parent;  /* NULL at the root */
	struct mm_struct *vm_mm;
	uint64_t vm_start;                 /* page aligned, inclusive */
	uint64_t vm_end;                   /* page aligned, exclusive */
	uint32_t vm_gap;                   /* mmap-usable gap below this VMA, in pages (vma_tree.c) */
	uint32_t vm_gap_max;               /* the largest vm_gap in this subtree, in pages */
	union {
		struct {
			uint32_t vm_flags;
			uint16_t vm_height;        /* of this subtree, a leaf is 1 */
			uint16_t vm_touched;       /* 1 once a fault filled a PTE here: fork and exit walk
						      the page tables */
		};
		uint64_t vm_flags_height_touched;   /* the three at once, for fork's copy */
	};
	uint64_t vm_pgoff;                 /* BYTE offset in vm_file that appears at vm_start */
	uint64_t vm_filesz;                /* bytes of the file shown from vm_start; zeros after them */
	struct inode *vm_file;             /* backing file (holds a reference), NULL when anonymous */
	const struct vm_operations_struct *vm_ops;
	struct list_head vm_shared;        /* in the file's list of mappings (rmap.c) */
};
/* Four to a 512-byte cache line pair, 31 to a slab page: a field more needs one out. */
_Static_assert(sizeof(struct vm_area_struct) <= 128, "struct vm_area_struct outgrew its 128-byte slab class");

struct mm_struct {
	pagetable_t pgd;
	struct list_head mmap;             /* VMAs sorted by vm_start */
	struct vm_area_struct *mm_rb;      /* the same VMAs in a balanced tree (vma_tree.c) */
	long map_count;                    /* how many VMAs */
	struct vm_area_struct *mmap_cache; /* the VMA find_vma() returned last, or NULL */
	uint64_t start_brk, brk;           /* heap: [start_brk, brk), backed by a VMA rounded to pages */
	uint64_t mmap_base;                /* top-down mmap search starts below this (fixed: the tree's gaps use it) */
	uint64_t start_stack;              /* lowest address of the stack VMA */
	uint64_t arg_start, arg_end;       /* execve's argv strings on the stack (0, 0 before or in ZJU mode) */
	struct inode *exe_file;            /* the program running here: a reference, and write denied */
	struct slab_owner vma_pages;       /* slab pages fork filled with this mm's VMAs (slab.h) */
};

extern const struct vm_operations_struct anon_vm_ops;          /* private anonymous: zero pages */
extern const struct vm_operations_struct elf_vm_ops;           /* ELF segment: file bytes, zero tail */
extern const struct vm_operations_struct file_shared_vm_ops;   /* MAP_SHARED file or shared anonymous */
extern const struct vm_operations_struct file_private_vm_ops;  /* MAP_PRIVATE file: copy on write */
/*
 * The operations new VMAs of the file-backed kinds get: the three above, or, once fault_around_set()
 * has seen fault_around=<n> at boot (before any VMA exists), their fault-around variants (a read fault
 * maps the cached neighbours too). A pointer load, so the option costs a fault nothing when off.
 */
extern const struct vm_operations_struct *elf_ops, *file_shared_ops, *file_private_ops;
void fault_around_set(uint64_t pages);   /* fault_around=<pages> (bootargs.h): pages 0 leaves it off */

/* The VMA after / before vma in its mm, or NULL at the end; the first and last VMA, or NULL. */
static inline struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return vma->vm_list.next == &vma->vm_mm->mmap ? NULL : list_entry(vma->vm_list.next, struct vm_area_struct, vm_list);
}
static inline struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	return vma->vm_list.prev == &vma->vm_mm->mmap ? NULL : list_entry(vma->vm_list.prev, struct vm_area_struct, vm_list);
}
static inline struct vm_area_struct *first_vma(struct mm_struct *mm)
{
	return list_empty(&mm->mmap) ? NULL : list_entry(mm->mmap.next, struct vm_area_struct, vm_list);
}
static inline struct vm_area_struct *last_vma(struct mm_struct *mm)
{
	return list_empty(&mm->mmap) ? NULL : list_entry(mm->mmap.prev, struct vm_area_struct, vm_list);
}
#define for_each_vma(vma, mm) list_for_each_entry(vma, &(mm)->mmap, vm_list)

struct mm_struct *mm_alloc(void);
/*
 * Fork: a new mm with a copy of old's VMAs and present PTEs; private writable pages become
 * copy-on-write in both. *shared counts the pages now shared. NULL when out of memory.
 */
struct mm_struct *dup_mm(struct mm_struct *old, long *shared);
/* Unmap and free every VMA, page and table, then the mm itself. */
void mmput(struct mm_struct *mm);

struct vm_area_struct *find_vma(struct mm_struct *mm, uint64_t addr);

/*
 * vma_tree.c: the VMAs of an mm in an AVL tree keyed by vm_start beside the sorted list, each node
 * knowing the largest gap mmap could use below a VMA of its subtree (the gap below a VMA: from the
 * end of the one before it, or 0, to its start, clipped to [MMAP_MIN_ADDR, mmap_base)). Every
 * operation is O(log n).
 */
/* The first VMA ending above addr (it contains addr or lies above it), or NULL. */
static inline struct vm_area_struct *vma_lookup_above(struct mm_struct *mm, uint64_t addr)
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
 * The deepest an mm's VMA tree can be: an AVL tree of height 48 has more than 7 * 10^9 nodes, and
 * 4 GiB of RAM holds fewer than 2^25 VMAs. Walks that keep a path or a stack size it by this.
 */
#define VMA_TREE_MAX_DEPTH 48
/*
 * Link vma (its range free, vm_mm set) into mm's list and tree just before next, the first VMA above
 * it (NULL: above every VMA), which the caller has found: no walk down.
 */
void vma_tree_insert(struct mm_struct *mm, struct vm_area_struct *vma, struct vm_area_struct *next);
/* Unlink vma from mm's list and tree (not freed): walks up from vma only. */
void vma_tree_remove(struct mm_struct *mm, struct vm_area_struct *vma);
/* vma's vm_start or vm_end moved (order kept): refresh the gaps of it and the VMA after it, walking up. */
void vma_tree_adjust(struct mm_struct *mm, struct vm_area_struct *vma);
/*
 * The highest start of a free range of len bytes inside [MMAP_MIN_ADDR, mm->mmap_base), or 0 when
 * none: one walk down the tree. *next: the first VMA above the range (NULL: none), for the insert.
 */
uint64_t vma_gap_search_topdown(struct mm_struct *mm, uint64_t len, struct vm_area_struct **next);
/* Panic unless list and tree agree, the tree is balanced and its gaps are right. O(n). */
void vma_tree_check(struct mm_struct *mm);
/* After each mapping call: check the tree on LOG=2 kernels, or when booted with vmacheck=1. */
extern bool vma_check;
#define vma_tree_verify(mm)                                      \
	do {                                                     \
		if (LOG_LEVEL >= 2 || unlikely(vma_check))       \
			vma_tree_check(mm);                      \
	} while (0)
/*
 * Record a VMA [addr, addr+len) (page aligned) with the given backing; maps nothing.
 * Returns addr, or -EINVAL (bad range), -EEXIST (overlap), -ENOMEM.
 */
int64_t do_mmap(struct mm_struct *mm, uint64_t addr, uint64_t len, uint64_t vm_pgoff, uint64_t vm_filesz,
		uint64_t flags, struct inode *file, const struct vm_operations_struct *ops);
/*
 * mmap's VMA for [addr, addr+len) (free, page aligned; next, the first VMA above it or NULL, found by
 * the caller): the VMA below or above grows to cover it when it can merge (same flags, kind, file and
 * contiguous offsets; both neighbours become one when all three can), else a new one (do_mmap).
 * Returns addr or -ENOMEM.
 */
int64_t mmap_region(struct mm_struct *mm, struct vm_area_struct *next, uint64_t addr, uint64_t len,
		    uint64_t vm_pgoff, uint64_t flags, struct inode *file, const struct vm_operations_struct *ops);
/*
 * After mprotect of [first->vm_start, end) (covered by VMAs, first the lowest): merge each VMA there
 * with its neighbours when it can.
 */
void vma_merge_range(struct mm_struct *mm, struct vm_area_struct *first, uint64_t end);
/* Split vma at addr (page aligned, strictly inside): vma keeps the low part. 0 or -ENOMEM. */
int split_vma(struct mm_struct *mm, struct vm_area_struct *vma, uint64_t addr);
/* Remove [start, end) (page aligned) from the address space, splitting VMAs; frees the pages. */
int do_munmap(struct mm_struct *mm, uint64_t start, uint64_t end);
/*
 * True when no VMA intersects [start, end). *next (when next is not NULL): the first VMA ending above
 * start, NULL if none: the one above a free range, for the insert that follows.
 */
static inline bool range_is_free(struct mm_struct *mm, uint64_t start, uint64_t end, struct vm_area_struct **next)
{
	struct vm_area_struct *vma = vma_lookup_above(mm, start);

	if (next)
		*next = vma;
	return !vma || vma->vm_start >= end;
}

/* The generic fault handler: the PTE for addr in vma is absent, or present and written read-only. */
enum vm_fault handle_mm_fault(struct vm_area_struct *vma, uint64_t addr, uint64_t access);

/* memory.c: map the [vdso] page (vdso.c) at addr with prot, a reference of its own; traced as kind vdso. */
enum vm_fault map_vdso_page(pte_t *pte, uint64_t addr, void *page, uint64_t prot);

/* rmap.c: vma's place in its file's list of mappings (taking / dropping a file reference). */
void __vma_link_file(struct vm_area_struct *vma);     /* vm_file set */
void __vma_unlink_file(struct vm_area_struct *vma);
static inline void vma_link_file(struct vm_area_struct *vma)
{
	if (vma->vm_file)       /* inline: no call for the many anonymous VMAs */
		__vma_link_file(vma);
}
static inline void vma_unlink_file(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		__vma_unlink_file(vma);
}

/* fault.c: the arch half of a page fault (user or uaccess); kills or fixes up what it cannot serve. */
struct pt_regs;
void do_page_fault(struct pt_regs *regs, uint64_t scause, uint64_t stval);

/* Like /proc/<pid>/maps, then the page table like vmprint, into the trace. */
/* A VMA's name in maps: its file's base name, [stack], [heap] or "" (dump.c). */
const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma);
void dump_mm(struct mm_struct *mm, int pid);
/* LOG=1 `[vma]` trace lines: every VMA and the heap range (after execve); the heap range (after brk). */
void trace_vmas(struct mm_struct *mm, int pid);
void trace_heap(struct mm_struct *mm, int pid);

#endif
