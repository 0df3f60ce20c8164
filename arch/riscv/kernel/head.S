/*
 * head.S: kernel entry from OpenSBI (a0 = hartid, a1 = device-tree physical address).
 * Runs at the physical load address until relocate() turns on the early page table, then continues
 * at the VM_START direct map and calls start_kernel(dtb). The instret value at the first instruction
 * is kept for the boot benchmark.
 */
#include "memlayout.h"
#include "riscv.h"

#define BSS_STEP 64                 /* bytes cleared per loop step: 8 doublewords */

	.section .text.init
	.globl _start
_start:
	csrr	t0, instret
	la	t1, kernel_entry_instret
	sd	t0, 0(t1)
	la	sp, boot_stack_top
	mv	s0, a1

	/* Clear .bss, 64 bytes a step (the linker script aligns both ends to 64). */
	la	t0, __bss_start
	la	t1, __bss_end
	bgeu	t0, t1, 2f
1:	sd	zero, 0(t0)
	sd	zero, 8(t0)
	sd	zero, 16(t0)
	sd	zero, 24(t0)
	sd	zero, 32(t0)
	sd	zero, 40(t0)
	sd	zero, 48(t0)
	sd	zero, 56(t0)
	addi	t0, t0, BSS_STEP
	bltu	t0, t1, 1b
2:
	call	setup_vm
	call	relocate
	mv	a0, s0
	call	start_kernel
3:	wfi
	j	3b

/* Switch on early_pgtbl and return to the caller's virtual address with a virtual stack. */
relocate:
	li	t0, PA2VA_OFFSET
	add	ra, ra, t0
	add	sp, sp, t0
	la	t1, early_pgtbl
	srli	t1, t1, PGSHIFT
	li	t2, SATP_MODE_SV39
	or	t1, t1, t2
	sfence.vma
	csrw	satp, t1
	sfence.vma
	ret

	.section .data
	.globl kernel_entry_instret
	.balign 8
kernel_entry_instret:
	.dword	0

	.section .bss.stack
	.balign 16
	.globl boot_stack
boot_stack:
	.space	PGSIZE * 4
	.globl boot_stack_top
boot_stack_top:
