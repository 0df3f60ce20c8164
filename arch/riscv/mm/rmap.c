/*
 * rmap.c: the reverse map of file pages. Every VMA backed by a file sits in that file's list of
 * mappings (and holds a reference on the file), so the file system can ask for a file's pages to be
 * unmapped from every process, e.g. when the file is truncated.
 */
#include "vm.h"
#include "mapping.h"
#include "memlayout.h"
#include "riscv.h"
#include "kernel.h"

/* A shared map that may write its file counts as a writer of it, as an open writable file does. */
static bool vma_writes_file(struct vm_area_struct *vma)
{
	return (vma->vm_flags & (VM_SHARED | VM_MAYWRITE)) == (VM_SHARED | VM_MAYWRITE);
}

void __vma_link_file(struct vm_area_struct *vma)
{
	iget(vma->vm_file);
	if (vma_writes_file(vma))
		BUG_ON(get_write_access(vma->vm_file));   /* mmap had a writable open file: not running */
	list_add(&vma->vm_shared, file_mappings(vma->vm_file));
}

void __vma_unlink_file(struct vm_area_struct *vma)
{
	list_del(&vma->vm_shared);
	if (vma_writes_file(vma))
		put_write_access(vma->vm_file);
	iput(vma->vm_file);
}

void unmap_mapping_pages(struct inode *ino, uint64_t first)
{
	uint64_t from = first * PGSIZE;
	struct vm_area_struct *vma;

	list_for_each_entry(vma, file_mappings(ino), vm_shared) {
		uint64_t start = vma->vm_start;
		if (from > vma->vm_pgoff)
			start += from - vma->vm_pgoff;
		if (start < vma->vm_end)
			unmap_range(vma->vm_mm->pgd, start, vma->vm_end);
	}
	flush_tlb_all();
}
