/*
 * vdso.h: the page the kernel maps into every process as the VMA [vdso] (read-only, executable): it
 * holds the signal return trampoline (li a7, __NR_rt_sigreturn; ecall) that a handler's ra points
 * at. At a fixed address in the unmapped gap between the mmap area and the stack, as nothing is
 * randomised here. ZJU mode maps none (the lab's programs have no handlers, and see no extra VMA).
 */
#ifndef _VDSO_H
#define _VDSO_H

#include "memlayout.h"

#define VDSO_BASE (USER_END - USER_STACK_SIZE - USER_STACK_GAP / 2)
#define VDSO_SIGRETURN VDSO_BASE          /* the trampoline is the page's first instruction */

#ifndef __ASSEMBLER__
struct mm_struct;
struct vm_area_struct;
extern const struct vm_operations_struct vdso_vm_ops;
/* At boot: the page with the trampoline (one reference held for ever). */
void vdso_init(void);
/* Record the [vdso] VMA in a new address space: 0 or -errno. Nothing is mapped until touched. */
int vdso_map(struct mm_struct *mm);
#endif

#endif
