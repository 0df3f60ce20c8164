/*
 * mmap.c: mmap, munmap and mprotect. mmap only records a VMA (nothing is allocated or mapped until
 * touched); addr 0 picks the highest free range below mm->mmap_base (under the stack); MAP_FIXED
 * replaces whatever was there, MAP_FIXED_NOREPLACE does not. munmap and mprotect split VMAs at the range's ends.
 */
#include "vm.h"
#include "mapping.h"
#include "proc.h"
#include "syscall.h"
#include "memlayout.h"
#include "riscv.h"
#include "errno.h"
#include "log.h"
#include "uapi/mman.h"

#define PROT_ALL (PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)
/* Linux's LEGACY_MAP_MASK: the flags MAP_SHARED_VALIDATE accepts (this kernel ignores all but type, fixed, anon). */
#define MAP_GROWSDOWN 0x100
#define MAP_DENYWRITE 0x800
#define MAP_EXECUTABLE 0x1000
#define MAP_LOCKED 0x2000
#define MAP_POPULATE 0x8000
#define MAP_NONBLOCK 0x10000
#define MAP_STACK 0x20000
#define MAP_HUGETLB 0x40000
#define MAP_UNINITIALIZED 0x4000000
#define LEGACY_MAP_MASK (MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE | MAP_EXECUTABLE | \
			 MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | \
			 MAP_NONBLOCK | MAP_STACK | MAP_HUGETLB)

static uint64_t prot_to_vm_flags(uint64_t prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) | (prot & PROT_EXEC ? VM_EXEC : 0);
}

/*
 * A free range of len bytes: the hint if it is free, else the highest gap below mmap_base; 0 if none.
 * *next: the first VMA above it (NULL: none).
 */
static uint64_t get_unmapped_area(struct mm_struct *mm, uint64_t hint, uint64_t len, struct vm_area_struct **next)
{
	hint = PGROUNDDOWN(hint);
	if (hint >= MMAP_MIN_ADDR && hint <= USER_END - len && range_is_free(mm, hint, hint + len, next))
		return hint;
	return vma_gap_search_topdown(mm, len, next);
}

/* Anonymous memory (MAP_ANONYMOUS, or /dev/zero): private pages, or a new shared anonymous inode. */
static long anon_backing(bool shared, uint64_t len, struct inode **ino, const struct vm_operations_struct **ops,
			 uint64_t *vm_flags)
{
	*ino = shared ? inode_anon(len) : NULL;
	*ops = shared ? file_shared_ops : &anon_vm_ops;
	*vm_flags |= VM_ANON;
	return shared && !*ino ? -ENOMEM : 0;
}

/* The backing of a new mapping: file, operations and flags; -errno for a bad descriptor or mode. */
static long mmap_backing(uint64_t flags, uint64_t prot, int64_t fd, uint64_t len, struct inode **ino,
			 const struct vm_operations_struct **ops, uint64_t *vm_flags)
{
	bool shared = (flags & MAP_TYPE) != MAP_PRIVATE;   /* MAP_SHARED or MAP_SHARED_VALIDATE */
	bool maywrite;
	long err;

	*vm_flags = prot_to_vm_flags(prot) | (shared ? VM_SHARED : 0) | VM_MAYWRITE;
	if (flags & MAP_ANONYMOUS) {
		if ((flags & MAP_TYPE) == MAP_SHARED_VALIDATE)
			return -EINVAL;        /* Linux validates only file mappings */
		return anon_backing(shared, len, ino, ops, vm_flags);
	}
	err = file_mmap_check((int)fd, shared, prot & PROT_WRITE, ino, &maywrite);
	if (err != -EBADF && (flags & MAP_TYPE) == MAP_SHARED_VALIDATE && (flags & ~LEGACY_MAP_MASK))
		return -EOPNOTSUPP;    /* an unknown flag, checked once the descriptor is known good */
	if (err == MMAP_ANON)
		return anon_backing(shared, len, ino, ops, vm_flags);
	if (err)
		return err;
	if (!maywrite)
		*vm_flags &= ~VM_MAYWRITE;
	*ops = shared ? file_shared_ops : file_private_ops;
	return 0;
}

/*
 * MAP_FIXED: [addr, addr + len) must lie in user space, at or above mmap_min_addr (-EPERM, as Linux
 * without CAP_SYS_RAWIO); MAP_FIXED_NOREPLACE fails with -EEXIST over a mapping, plain MAP_FIXED
 * unmaps whatever was there.
 */
static long fixed_area(struct mm_struct *mm, uint64_t addr, uint64_t len, uint64_t flags)
{
	if (addr > USER_END - len)
		return -ENOMEM;
	if (addr < MMAP_MIN_ADDR)
		return -EPERM;
	if (flags & MAP_FIXED_NOREPLACE)
		return range_is_free(mm, addr, addr + len, NULL) ? 0 : -EEXIST;
	return do_munmap(mm, addr, addr + len);
}

long sys_mmap(uint64_t addr, uint64_t len, uint64_t prot, uint64_t flags, int64_t fd, uint64_t off)
{
	struct mm_struct *mm = current->mm;
	uint64_t type = flags & MAP_TYPE, vm_flags;
	const struct vm_operations_struct *ops;
	struct vm_area_struct *next = NULL;
	struct inode *ino;
	long err;

	if (flags & MAP_FIXED_NOREPLACE)
		flags |= MAP_FIXED;
	if (!len || (off & (PGSIZE - 1)) || (prot & ~PROT_ALL) ||
	    (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE))
		return -EINVAL;
	if ((flags & MAP_FIXED) && (addr & (PGSIZE - 1)))
		return -EINVAL;
	if (len > USER_END)
		return -ENOMEM;
	len = PGROUNDUP(len);
	if (off + len < off)
		return -EOVERFLOW;      /* the mapping would reach past file offset 2^64 (checked for anon too) */
	err = mmap_backing(flags, prot, fd, len, &ino, &ops, &vm_flags);
	if (err)
		return err;
	if (vm_flags & VM_ANON)
		off = 0;                /* MAP_ANONYMOUS or /dev/zero */
	if (flags & MAP_FIXED) {
		err = fixed_area(mm, addr, len, flags);
		if (!err)
			next = vma_lookup_above(mm, addr);
	} else {
		addr = get_unmapped_area(mm, addr, len, &next);
		err = addr ? 0 : -ENOMEM;
	}
	if (!err)
		err = mmap_region(mm, next, addr, len, off, vm_flags, ino, ops);
	if (ino && (vm_flags & VM_ANON))
		iput(ino);          /* the VMA holds its own reference */
	vma_tree_verify(mm);
	if (err >= 0)
		trace("[mmap] pid %lu 0x%lx-0x%lx prot %lx %s%s%s off 0x%lx", current->pid, addr, addr + len, prot,
		      vm_flags & VM_SHARED ? "shared" : "private", ino ? " " : " anon", ino ? file_name(ino) : "", off);
	return err;
}

long sys_munmap(uint64_t addr, uint64_t len)
{
	long err;

	if ((addr & (PGSIZE - 1)) || !len || len > USER_END || addr > USER_END - PGROUNDUP(len))
		return -EINVAL;
	trace("[munmap] pid %lu 0x%lx-0x%lx", current->pid, addr, addr + PGROUNDUP(len));
	err = do_munmap(current->mm, addr, addr + PGROUNDUP(len));
	vma_tree_verify(current->mm);
	return err;
}

/* -ENOMEM unless [start, end) is covered by VMAs without holes; -EACCES if write can't be added. */
static long mprotect_check(struct mm_struct *mm, uint64_t start, uint64_t end, uint64_t vm_flags)
{
	uint64_t cur = start;

	for (struct vm_area_struct *vma = find_vma(mm, start); vma && vma->vm_start <= cur && cur < end;
	     vma = vma_next(vma)) {
		if ((vm_flags & VM_WRITE) && (vma->vm_flags & VM_SHARED) && !(vma->vm_flags & VM_MAYWRITE))
			return -EACCES;         /* a shared map of a file not open for writing */
		cur = vma->vm_end;
	}
	return cur < end ? -ENOMEM : 0;
}

long sys_mprotect(uint64_t start, uint64_t len, uint64_t prot)
{
	struct mm_struct *mm = current->mm;
	uint64_t end, vm_flags = prot_to_vm_flags(prot);
	struct vm_area_struct *vma, *first;
	long err;

	/* Linux's order: both grow bits, alignment, empty, wrap-around, prot, then what is mapped. */
	if ((prot & (PROT_GROWSDOWN | PROT_GROWSUP)) == (PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	if (start & (PGSIZE - 1))
		return -EINVAL;
	if (!len)
		return 0;
	end = start + PGROUNDUP(len);
	if (end <= start)
		return -ENOMEM;
	if (prot & ~PROT_ALL)
		return -EINVAL;
	if (end > USER_END)
		return -ENOMEM;
	err = mprotect_check(mm, start, end, vm_flags);
	if (err)
		return err;
	vma = find_vma(mm, start);
	if (vma->vm_start < start) {
		if (split_vma(mm, vma, start))
			return -ENOMEM;
		vma = vma_next(vma);
	}
	for (first = vma; vma && vma->vm_start < end; vma = vma_next(vma)) {
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		vma->vm_flags = (vma->vm_flags & ~VM_ACCESS) | vm_flags;
		change_protection(mm->pgd, vma->vm_start, vma->vm_end, vma->vm_flags);
	}
	flush_tlb_all();
	vma_merge_range(mm, first, end);
	vma_tree_verify(mm);
	trace("[mprotect] pid %lu 0x%lx-0x%lx prot %lx", current->pid, start, end, prot);
	return 0;
}
