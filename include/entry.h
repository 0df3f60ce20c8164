/* entry.h: the meeting points of assembly and C: trap entry, first returns of new tasks, boot. */
#ifndef _ENTRY_H
#define _ENTRY_H

#include "types.h"

struct pt_regs;

/* entry.S */
void _traps(void);                     /* stvec: every trap enters here */
void __ret_from_fork(void);            /* a forked child's first return to user mode */
void __ret_from_kernel_thread(void);   /* a boot process's first run: s0(s1) on its kernel stack */

/* Called from entry.S with interrupts off for every trap but a system call (do_syscall, syscall.h):
 * decode scause and dispatch. */
void trap_handler(uint64_t scause, struct pt_regs *regs);
/* Called from head.S at physical addresses: the early page table. */
void setup_vm(void);
/* Called from head.S on the direct map: bring the machine up, never returns. */
void __noreturn start_kernel(uint64_t dtb_pa);

#endif
