/*
 * brk.c: the lazy heap. The heap is an anonymous VMA from start_brk (the page after the highest ELF
 * segment) to brk rounded up. Growing only moves the VMA's end; shrinking unmaps the pages and frees
 * them, so a regrown heap reads zeros. A request that cannot be met leaves the break unchanged.
 */
#include "syscall.h"
#include "proc.h"
#include "vm.h"
#include "memlayout.h"
#include "log.h"

#define HEAP_FLAGS (VM_READ | VM_WRITE | VM_ANON)

/*
 * Extend the heap VMA ending at old_end, or add one: new brk memory is always read+write, so a last
 * heap page made read-only (or executable) by mprotect is not extended (Linux makes a new VMA).
 */
static int grow_heap(struct mm_struct *mm, uint64_t old_end, uint64_t new_end)
{
	struct vm_area_struct *next, *vma;

	if (!range_is_free(mm, old_end, new_end, &next))
		return -1;
	vma = next ? vma_prev(next) : last_vma(mm);   /* the heap's, if it ends at old_end */
	if (old_end > mm->start_brk && vma && vma->vm_end == old_end && vma->vm_ops == &anon_vm_ops && vma->vm_flags == HEAP_FLAGS) {
		vma->vm_end = new_end;
		vma_tree_adjust(mm, vma);
		return 0;
	}
	return do_mmap(mm, old_end, new_end - old_end, 0, 0, HEAP_FLAGS, NULL, &anon_vm_ops) < 0
		       ? -1
		       : 0;
}

long sys_brk(uint64_t addr)
{
	struct mm_struct *mm = current->mm;
	uint64_t old_end = PGROUNDUP(mm->brk), new_end;

	if (addr < mm->start_brk || addr > USER_END)
		return (long)mm->brk;
	new_end = PGROUNDUP(addr);
	if (new_end > old_end && grow_heap(mm, old_end, new_end))
		return (long)mm->brk;
	if (new_end < old_end && do_munmap(mm, new_end, old_end))
		return (long)mm->brk;
	vma_tree_verify(mm);
	verbose("brk 0x%lx -> 0x%lx", mm->brk, addr);
	mm->brk = addr;
	trace_heap(mm, current->pid);
	return (long)addr;
}
