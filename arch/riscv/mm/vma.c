/*
 * vma.c: VMA bookkeeping: find, insert, split and remove VMAs of an mm_struct, and create and destroy
 * whole address spaces. Nothing here allocates user pages; removing a range releases its pages.
 */
#include "vm.h"
#include "mm.h"
#include "memlayout.h"
#include "errno.h"
#include "kernel.h"
#include "log.h"
#include "riscv.h"
#include "fs.h"

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
	mm->mmap_base = USER_END - USER_STACK_SIZE - USER_STACK_GAP;
	return mm;
}

struct vm_area_struct *find_vma(struct mm_struct *mm, uint64_t addr)
{
	struct vm_area_struct *vma = mm->mmap_cache;

	if (vma && vma->vm_start <= addr && addr < vma->vm_end)
		return vma;
	for (vma = mm->mmap; vma && vma->vm_start <= addr; vma = vma->vm_next) {
		if (addr < vma->vm_end) {
			mm->mmap_cache = vma;
			return vma;
		}
	}
	return NULL;
}

bool range_is_free(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	for (struct vm_area_struct *vma = mm->mmap; vma && vma->vm_start < end; vma = vma->vm_next)
		if (vma->vm_end > start)
			return false;
	return true;
}

/* Link vma into mm's sorted list; the caller has checked that its range is free. */
static void insert_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct vm_area_struct *prev = NULL, *next = mm->mmap;

	while (next && next->vm_start < vma->vm_start) {
		prev = next;
		next = next->vm_next;
	}
	vma->vm_prev = prev;
	vma->vm_next = next;
	if (prev)
		prev->vm_next = vma;
	else
		mm->mmap = vma;
	if (next)
		next->vm_prev = vma;
}

static void unlink_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_prev)
		vma->vm_prev->vm_next = vma->vm_next;
	else
		mm->mmap = vma->vm_next;
	if (vma->vm_next)
		vma->vm_next->vm_prev = vma->vm_prev;
}

/* A shared map that may write its file keeps write access, as an open writable file does. */
static bool vma_writes_file(struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}

/* Take a reference on vma's file and enter vma in the file's i_mmap list. */
static void vma_link_file(struct vm_area_struct *vma)
{
	struct inode *ino = vma->vm_file;

	if (!ino)
		return;
	iget(ino);
	if (vma_writes_file(vma))
		ino->writecount++;      /* cannot be running: mmap needed a writable open file */
	vma->vm_file_prev = NULL;
	vma->vm_file_next = ino->i_mmap;
	if (ino->i_mmap)
		ino->i_mmap->vm_file_prev = vma;
	ino->i_mmap = vma;
}

/* Undo vma_link_file and free the VMA. */
static void vma_free(struct vm_area_struct *vma)
{
	struct inode *ino = vma->vm_file;

	if (vma->vm_mm->mmap_cache == vma)
		vma->vm_mm->mmap_cache = NULL;
	if (ino) {
		if (vma->vm_file_prev)
			vma->vm_file_prev->vm_file_next = vma->vm_file_next;
		else
			ino->i_mmap = vma->vm_file_next;
		if (vma->vm_file_next)
			vma->vm_file_next->vm_file_prev = vma->vm_file_prev;
		if (vma_writes_file(vma))
			put_write_access(ino);
		iput(ino);
	}
	kfree(vma);
}

struct vm_area_struct *vma_dup(struct vm_area_struct *vma, struct mm_struct *mm)
{
	struct vm_area_struct *copy = kmalloc(sizeof(*copy));

	if (!copy)
		return NULL;
	*copy = *vma;
	copy->vm_mm = mm;
	copy->vm_next = copy->vm_prev = NULL;
	vma_link_file(copy);
	return copy;
}

int64_t do_mmap(struct mm_struct *mm, uint64_t addr, uint64_t len, uint64_t vm_pgoff, uint64_t vm_filesz,
		uint64_t flags, struct inode *file, const struct vm_operations_struct *ops)
{
	if (!len || !PAGE_ALIGNED(addr) || !PAGE_ALIGNED(len) || addr >= USER_END || len > USER_END - addr)
		return -EINVAL;
	if (!range_is_free(mm, addr, addr + len))
		return -EEXIST;
	struct vm_area_struct *vma = kzalloc(sizeof(*vma));
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
	vma_link_file(vma);
	insert_vma(mm, vma);
	verbose("vma [0x%lx, 0x%lx) flags 0x%lx %s pgoff 0x%lx filesz 0x%lx", addr, addr + len, flags, ops->name,
		vm_pgoff, vm_filesz);
	return (int64_t)addr;
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
	insert_vma(mm, high);
	return 0;
}

int do_munmap(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	struct vm_area_struct *vma, *next;

	for (vma = mm->mmap; vma && vma->vm_start < end; vma = next) {
		if (vma->vm_end > start && vma->vm_start < start && split_vma(mm, vma, start))
			return -ENOMEM;
		next = vma->vm_next;           /* after a split at start: the high part */
		if (vma->vm_end <= start || vma->vm_start < start)
			continue;
		if (vma->vm_end > end && split_vma(mm, vma, end))
			return -ENOMEM;
		next = vma->vm_next;
		unmap_range(mm->pgd, vma->vm_start, vma->vm_end);
		unlink_vma(mm, vma);
		vma_free(vma);
	}
	flush_tlb_all();
	return 0;
}

void mmput(struct mm_struct *mm)
{
	struct vm_area_struct *vma, *next;

	for (vma = mm->mmap; vma; vma = next) {
		next = vma->vm_next;
		unmap_range(mm->pgd, vma->vm_start, vma->vm_end);
		vma_free(vma);
	}
	pgd_free(mm->pgd);
	if (mm->exe_file) {
		allow_write_access(mm->exe_file);
		iput(mm->exe_file);
	}
	kfree(mm);
}
