/*
 * madvise.c: msync and madvise. msync has nothing to write back (a file's pages are its storage and
 * a shared map maps those very pages), so it checks its arguments and the range, as Linux does.
 * madvise(MADV_DONTNEED) drops the range's pages: private anonymous memory reads as zeros again,
 * private file maps show the file again, shared maps refault the same file pages. Other advice Linux
 * knows is accepted and changes nothing (MADV_FREE may keep the data, as Linux may).
 */
#include "vm.h"
#include "proc.h"
#include "syscall.h"
#include "riscv.h"
#include "errno.h"
#include "log.h"
#include "uapi/mman.h"

#define MS_FLAGS (MS_ASYNC | MS_INVALIDATE | MS_SYNC)

/* Is [start, end) covered by VMAs with no hole? */
static bool range_mapped(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	uint64_t cur = start;

	for (struct vm_area_struct *vma = find_vma(mm, start); vma && vma->vm_start <= cur && cur < end;
	     vma = vma_next(vma))
		cur = vma->vm_end;
	return cur >= end;
}

/* Page-aligned start and a length that fits user space: the end, or 0 for a bad range. */
static uint64_t range_end(uint64_t start, uint64_t len)
{
	if (!PAGE_ALIGNED(start) || len > USER_END || start > USER_END - PGROUNDUP(len))
		return 0;
	return start + PGROUNDUP(len);
}

long sys_msync(uint64_t start, uint64_t len, uint64_t flags)
{
	uint64_t end = range_end(start, len);

	if ((uint32_t)flags & ~MS_FLAGS || (flags & (MS_ASYNC | MS_SYNC)) == (MS_ASYNC | MS_SYNC) || !end)
		return -EINVAL;
	return range_mapped(current->mm, start, end) ? 0 : -ENOMEM;
}

static bool advice_known(int32_t advice)
{
	switch (advice) {
	case MADV_NORMAL: case MADV_RANDOM: case MADV_SEQUENTIAL: case MADV_WILLNEED: case MADV_DONTNEED:
	case MADV_FREE: case MADV_REMOVE: case MADV_DONTFORK: case MADV_DOFORK: case MADV_MERGEABLE:
	case MADV_UNMERGEABLE: case MADV_HUGEPAGE: case MADV_NOHUGEPAGE: case MADV_DONTDUMP: case MADV_DODUMP:
	case MADV_WIPEONFORK: case MADV_KEEPONFORK: case MADV_COLD: case MADV_PAGEOUT:
		return true;
	default:
		return false;
	}
}

/* Drop the pages of every VMA part inside [start, end); later accesses refault them. */
static void dontneed_range(struct mm_struct *mm, uint64_t start, uint64_t end)
{
	for (struct vm_area_struct *vma = first_vma(mm); vma && vma->vm_start < end; vma = vma_next(vma))
		if (vma->vm_end > start)
			unmap_range(mm->pgd, MAX(start, vma->vm_start), MIN(end, vma->vm_end));
	flush_tlb_all();
}

long sys_madvise(uint64_t start, uint64_t len, uint64_t advice)
{
	struct mm_struct *mm = current->mm;
	uint64_t end = range_end(start, len);

	if (!advice_known((int32_t)advice) || !PAGE_ALIGNED(start) || (len && !end))
		return -EINVAL;
	if (!len)
		return 0;
	if ((int32_t)advice == MADV_DONTNEED) {
		dontneed_range(mm, start, end);
		trace("[madvise] pid %lu 0x%lx-0x%lx dontneed", current->pid, start, end);
	}
	return range_mapped(mm, start, end) ? 0 : -ENOMEM;
}
