/*
 * dump.c: print an address space into the trace: its VMAs like /proc/<pid>/maps, then its page table
 * (DUMP=1, gdb's ptdump); and, at LOG=1, the `[vma]` lines that tell trace readers (tools/view.py)
 * where each VMA and the heap lie after execve and brk.
 */
#include "vm.h"
#include "mapping.h"
#include "printk.h"
#include "memlayout.h"
#include "log.h"
#include "vdso.h"

static const char *vma_name(struct mm_struct *mm, struct vm_area_struct *vma)
{
	if (vma->vm_file)
		return file_name(vma->vm_file);
	if (vma->vm_ops == &vdso_vm_ops)
		return "[vdso]";
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

/* One `[vma] pid <pid> 0x<start>-0x<end> <rwx><s|p> <kind>[ <name>]` line (format in README). */
static void trace_vma(int pid, uint64_t start, uint64_t end, uint64_t flags, const char *kind, const char *name)
{
	trace("[vma] pid %d 0x%lx-0x%lx %c%c%c%c %s%s%s", pid, start, end, flags & VM_READ ? 'r' : '-',
	      flags & VM_WRITE ? 'w' : '-', flags & VM_EXEC ? 'x' : '-', flags & VM_SHARED ? 's' : 'p', kind,
	      name[0] ? " " : "", name);
}

/* The heap as one range, [start_brk, brk rounded up): empty until brk grows it. */
void trace_heap(struct mm_struct *mm, int pid)
{
	trace_vma(pid, mm->start_brk, PGROUNDUP(mm->brk), VM_READ | VM_WRITE, anon_vm_ops.name, "[heap]");
}

/* Every VMA of a fresh address space (after execve), then the heap. No-op below LOG=1. */
void trace_vmas(struct mm_struct *mm, int pid)
{
	struct vm_area_struct *vma;

	if (LOG_LEVEL < LOG_TRACE)
		return;
	for_each_vma(vma, mm)
		trace_vma(pid, vma->vm_start, vma->vm_end, vma->vm_flags, vma->vm_ops->name, vma_name(mm, vma));
	trace_heap(mm, pid);
}
