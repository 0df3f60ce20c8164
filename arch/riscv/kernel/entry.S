/*
 * entry.S: trap entry and exit, the context switch, and the first return of new tasks.
 * sscratch holds the kernel stack top while a task runs in user mode and 0 while in the kernel, so
 * _traps can tell where it came from. Every trap saves all 31 registers, sepc and sstatus in a
 * struct pt_regs on the kernel stack; a trap from user mode always builds it at the stack top.
 */
#include "proc.h"
#include "riscv.h"

#define REG(n)    ((n) * REG_BYTES)                /* pt_regs.x[n] */
#define TH(n)     (TASK_THREAD + (n) * REG_BYTES)  /* thread_struct slot n: ra, sp, s0..s11, sepc, sstatus, sscratch */

	.section .text
	.globl _traps
	.balign 4
_traps:
	csrrw	sp, sscratch, sp
	bnez	sp, .Lfrom_user
	/* From the kernel: sp was 0 after the swap; take the kernel sp back, leave sscratch 0. */
	csrrw	sp, sscratch, sp
	addi	sp, sp, -PT_SIZE
	sd	t0, REG(5)(sp)
	addi	t0, sp, PT_SIZE
	sd	t0, REG(2)(sp)
	j	.Lsave_rest
.Lfrom_user:
	addi	sp, sp, -PT_SIZE
	sd	t0, REG(5)(sp)
	csrr	t0, sscratch
	sd	t0, REG(2)(sp)
	csrw	sscratch, zero
.Lsave_rest:
	sd	x1, REG(1)(sp)
	sd	x3, REG(3)(sp)
	sd	x4, REG(4)(sp)
	sd	x6, REG(6)(sp)
	sd	x7, REG(7)(sp)
	sd	x8, REG(8)(sp)
	sd	x9, REG(9)(sp)
	sd	x10, REG(10)(sp)
	sd	x11, REG(11)(sp)
	sd	x12, REG(12)(sp)
	sd	x13, REG(13)(sp)
	sd	x14, REG(14)(sp)
	sd	x15, REG(15)(sp)
	sd	x16, REG(16)(sp)
	sd	x17, REG(17)(sp)
	sd	x18, REG(18)(sp)
	sd	x19, REG(19)(sp)
	sd	x20, REG(20)(sp)
	sd	x21, REG(21)(sp)
	sd	x22, REG(22)(sp)
	sd	x23, REG(23)(sp)
	sd	x24, REG(24)(sp)
	sd	x25, REG(25)(sp)
	sd	x26, REG(26)(sp)
	sd	x27, REG(27)(sp)
	sd	x28, REG(28)(sp)
	sd	x29, REG(29)(sp)
	sd	x30, REG(30)(sp)
	sd	x31, REG(31)(sp)
	csrr	a1, sepc
	csrr	t1, sstatus
	csrr	a0, scause
	sd	t1, PT_SSTATUS(sp)
	li	t0, SCAUSE_ECALL_U
	bne	a0, t0, .Lnot_syscall
	/* A system call (the hot path, straight to the table): it returns past the ecall. */
	addi	a1, a1, 4
	sd	a1, PT_SEPC(sp)
	mv	a0, sp
	call	do_syscall

	.globl __trap_return
__trap_return:
	ld	a0, PT_SSTATUS(sp)
	ld	a1, PT_SEPC(sp)
	csrw	sstatus, a0
	csrw	sepc, a1
	andi	a0, a0, SSTATUS_SPP
	bnez	a0, 1f
	addi	t0, sp, PT_SIZE          /* back to user: the next trap starts at this stack top */
	csrw	sscratch, t0
1:
	ld	x1, REG(1)(sp)
	ld	x3, REG(3)(sp)
	ld	x4, REG(4)(sp)
	ld	x5, REG(5)(sp)
	ld	x6, REG(6)(sp)
	ld	x7, REG(7)(sp)
	ld	x8, REG(8)(sp)
	ld	x9, REG(9)(sp)
	ld	x10, REG(10)(sp)
	ld	x11, REG(11)(sp)
	ld	x12, REG(12)(sp)
	ld	x13, REG(13)(sp)
	ld	x14, REG(14)(sp)
	ld	x15, REG(15)(sp)
	ld	x16, REG(16)(sp)
	ld	x17, REG(17)(sp)
	ld	x18, REG(18)(sp)
	ld	x19, REG(19)(sp)
	ld	x20, REG(20)(sp)
	ld	x21, REG(21)(sp)
	ld	x22, REG(22)(sp)
	ld	x23, REG(23)(sp)
	ld	x24, REG(24)(sp)
	ld	x25, REG(25)(sp)
	ld	x26, REG(26)(sp)
	ld	x27, REG(27)(sp)
	ld	x28, REG(28)(sp)
	ld	x29, REG(29)(sp)
	ld	x30, REG(30)(sp)
	ld	x31, REG(31)(sp)
	ld	x2, REG(2)(sp)
	sret

/* Every other trap: trap_handler(scause, regs) decodes it. */
.Lnot_syscall:
	sd	a1, PT_SEPC(sp)
	mv	a1, sp
	call	trap_handler
	j	__trap_return

/*
 * struct task_struct *__switch_to(prev, next): save prev's callee-saved context and the trap CSRs,
 * load next's, and return on next's stack. a0 is untouched, so the caller sees prev.
 */
	.globl __switch_to
__switch_to:
	sd	ra, TH(TH_RA)(a0)
	sd	sp, TH(TH_SP)(a0)
	sd	s0, TH(TH_S0 + 0)(a0)
	sd	s1, TH(TH_S0 + 1)(a0)
	sd	s2, TH(TH_S0 + 2)(a0)
	sd	s3, TH(TH_S0 + 3)(a0)
	sd	s4, TH(TH_S0 + 4)(a0)
	sd	s5, TH(TH_S0 + 5)(a0)
	sd	s6, TH(TH_S0 + 6)(a0)
	sd	s7, TH(TH_S0 + 7)(a0)
	sd	s8, TH(TH_S0 + 8)(a0)
	sd	s9, TH(TH_S0 + 9)(a0)
	sd	s10, TH(TH_S0 + 10)(a0)
	sd	s11, TH(TH_S0 + 11)(a0)
	csrr	t0, sepc
	csrr	t1, sstatus
	csrr	t2, sscratch
	sd	t0, TH(TH_SEPC)(a0)
	sd	t1, TH(TH_SSTATUS)(a0)
	sd	t2, TH(TH_SSCRATCH)(a0)

	ld	ra, TH(TH_RA)(a1)
	ld	sp, TH(TH_SP)(a1)
	ld	s0, TH(TH_S0 + 0)(a1)
	ld	s1, TH(TH_S0 + 1)(a1)
	ld	s2, TH(TH_S0 + 2)(a1)
	ld	s3, TH(TH_S0 + 3)(a1)
	ld	s4, TH(TH_S0 + 4)(a1)
	ld	s5, TH(TH_S0 + 5)(a1)
	ld	s6, TH(TH_S0 + 6)(a1)
	ld	s7, TH(TH_S0 + 7)(a1)
	ld	s8, TH(TH_S0 + 8)(a1)
	ld	s9, TH(TH_S0 + 9)(a1)
	ld	s10, TH(TH_S0 + 10)(a1)
	ld	s11, TH(TH_S0 + 11)(a1)
	ld	t0, TH(TH_SEPC)(a1)
	ld	t1, TH(TH_SSTATUS)(a1)
	ld	t2, TH(TH_SSCRATCH)(a1)
	csrw	sepc, t0
	csrw	sstatus, t1
	csrw	sscratch, t2
	ret

/* A forked child's first run: finish the switch, then return to user with its copied trap frame. */
	.globl __ret_from_fork
__ret_from_fork:
	call	schedule_tail
	j	__trap_return

/* A new kernel thread (s0 = function, s1 = argument); when the function returns, enter user mode. */
	.globl __ret_from_kernel_thread
__ret_from_kernel_thread:
	call	schedule_tail
	mv	a0, s1
	jalr	s0
	j	__trap_return
