/* start.S: process entry: records instret, sets gp, finds argc/argv/envp/auxv, runs main, exits. */

/*
 * Initial stack contract (Linux ELF ABI): sp is 16-byte aligned and points at
 *     argc, argv[0] .. argv[argc-1], NULL, envp[0] .. NULL, auxv pairs .. (AT_NULL, 0)
 * Kernel contract: user mode may read instret (scounteren.IR set), or the first
 * instruction below raises an illegal-instruction exception.
 */

	.section .text
	.globl _start
	.type _start, @function
_start:
	/* Must stay the very first instruction: the boot benchmark (bench.c) measures the
	 * instructions from kernel entry up to here. */
	csrr t0, instret

	/* No relaxation until gp holds __global_pointer$: a relaxed access would be gp-relative. */
	.option push
	.option norelax
	la gp, __global_pointer$
	la t1, __start_instret
	sd t0, 0(t1)
	.option pop

	ld a0, 0(sp)		/* argc */
	addi a1, sp, 8		/* argv */
	slli t2, a0, 3
	add a2, a1, t2
	addi a2, a2, 8		/* envp: just past argv's NULL */

	mv t3, a2		/* walk envp to its NULL; auxv follows */
1:	ld t4, 0(t3)
	addi t3, t3, 8
	bnez t4, 1b
	la t1, __auxv
	sd t3, 0(t1)

	li ra, 0		/* end of the call chain for debuggers */
	li s0, 0
	call main		/* main(argc, argv, envp) */
	call sys_exit		/* exit(main's return value, already in a0) */
	.size _start, . - _start

	.section .bss
	.balign 8
	.globl __start_instret
__start_instret:
	.dword 0
	.globl __auxv
__auxv:
	.dword 0

	/* The stack need not be executable. */
	.section .note.GNU-stack, "", @progbits
