/*
 * start.S: the entry of a program written for the ZJU lab kernel. That kernel starts a program at
 * its first instruction with sp at the top of user space and nothing on the stack (no argc, argv or
 * auxv), so the entry just jumps to main. main never returns: the lab's programs loop for ever, these
 * call zju_exit().
 */
	.section .text.init, "ax"
	.globl _start
_start:
	j	main
