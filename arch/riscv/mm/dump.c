/* dump.c: print an address space into the trace: its VMAs like /proc/<pid>/maps, then its page table. */
#include "vm.h"
#include "mapping.h"
#include "printk.h"
#include "memlayout.h"

static const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_file)
		return file_name(vma->vm_file);
	if (vma->vm_start == mm->start_stack)
		return "[stack]";
	if (vma->vm_start >= mm->start_brk && vma->vm_end <= PGROUNDUP(mm->brk))
		return "[heap]";
	return "";
}

void dump_mm(struct mm_struct *mm, int pid)
{
	struct vm_area_struct *vma;

	for_each_vma(vma, mm)
		printk("[maps] pid %d %010lx-%010lx %c%c%c%c %08lx %-4s %s\n", pid, vma->vm_start, vma->vm_end,
		       vma->vm_flags & VM_READ ? 'r' : '-', vma->vm_flags & VM_WRITE ? 'w' : '-',
		       vma->vm_flags & VM_EXEC ? 'x' : '-', vma->vm_flags & VM_SHARED ? 's' : 'p', vma->vm_pgoff,
		       vma->vm_ops->name, vma_name(mm, vma));
	vmprint(mm->pgd, pid);
}
