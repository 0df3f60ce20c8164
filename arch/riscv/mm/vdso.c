/*
 * vdso.c: the [vdso] page (see vdso.h): made once at boot, then recorded as a VMA in every new
 * address space at exec; fork copies the VMA like any other, and its page is mapped on first touch
 * (a [map] line of kind vdso), shared by every process with a reference each.
 */
#include "vdso.h"
#include "vm.h"
#include "mm.h"
#include "kernel.h"
#include "string.h"
#include "uapi/unistd.h"

#define INSN_LI_A7(imm) (((uint32_t)(imm) << 20) | (17u << 7) | 0x13u)   /* addi a7, zero, imm */
#define INSN_ECALL 0x00000073u

static void *vdso_page;

void vdso_init(void)
{
	const uint32_t trampoline[] = { INSN_LI_A7(__NR_rt_sigreturn), INSN_ECALL };

	vdso_page = alloc_zeroed_page();
	BUG_ON(!vdso_page);
	memcpy(vdso_page, trampoline, sizeof(trampoline));
	asm volatile("fence.i" ::: "memory");
}

static enum vm_fault vdso_fault(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	return map_vdso_page(pte, addr, vdso_page, vm_flags_to_prot(vma->vm_flags));
}

const struct vm_operations_struct vdso_vm_ops = { .name = "vdso", .fault = vdso_fault };

int vdso_map(struct mm_struct *mm)
{
	int64_t r = do_mmap(mm, VDSO_BASE, PGSIZE, 0, 0, VM_READ | VM_EXEC, NULL, &vdso_vm_ops);

	return r < 0 ? (int)r : 0;
}
