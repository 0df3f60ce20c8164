/*
 * usercopy.S: the only instructions that touch user memory. They run with sstatus.SUM set and are leaf
 * functions placed between __uaccess_start and __uaccess_end. A page fault inside them goes through
 * the normal fault path (lazy pages and copy-on-write work); if it cannot be resolved, the trap
 * handler resumes at __uaccess_fixup, which returns -EFAULT to the caller.
 * The C wrappers in uaccess.c check that the range lies in user space before calling these.
 */
#include "riscv.h"

#define EFAULT 14

	.section .text.uaccess, "ax"
	.globl __uaccess_start
__uaccess_start:

/*
 * long __copy_user(void *dst, const void *src, size_t n): 0 or -EFAULT. Word copies whatever the
 * alignment: bytes until dst is aligned, then 8-byte words (128 bytes an iteration when src is
 * aligned too; else each word put together from the two aligned source words it straddles, both of
 * which hold bytes being copied, so no page beyond the source is read), then the last bytes.
 */
	.globl __copy_user
__copy_user:
	li	t6, SSTATUS_SUM
	csrs	sstatus, t6
	or	t0, a0, a1
	andi	t0, t0, 7
	bnez	t0, .Lunaligned
.Laligned:
	li	t1, 128
	bltu	a2, t1, .Lwords8
.Lwords128:                         /* both aligned: 128 bytes an iteration, 8 registers at a time */
	ld	t2, 0(a1)
	ld	t3, 8(a1)
	ld	t4, 16(a1)
	ld	t5, 24(a1)
	ld	a4, 32(a1)
	ld	a5, 40(a1)
	ld	a6, 48(a1)
	ld	a7, 56(a1)
	sd	t2, 0(a0)
	sd	t3, 8(a0)
	sd	t4, 16(a0)
	sd	t5, 24(a0)
	sd	a4, 32(a0)
	sd	a5, 40(a0)
	sd	a6, 48(a0)
	sd	a7, 56(a0)
	ld	t2, 64(a1)
	ld	t3, 72(a1)
	ld	t4, 80(a1)
	ld	t5, 88(a1)
	ld	a4, 96(a1)
	ld	a5, 104(a1)
	ld	a6, 112(a1)
	ld	a7, 120(a1)
	sd	t2, 64(a0)
	sd	t3, 72(a0)
	sd	t4, 80(a0)
	sd	t5, 88(a0)
	sd	a4, 96(a0)
	sd	a5, 104(a0)
	sd	a6, 112(a0)
	sd	a7, 120(a0)
	addi	a0, a0, 128
	addi	a1, a1, 128
	addi	a2, a2, -128
	bgeu	a2, t1, .Lwords128
.Lwords8:
	li	t1, 8
1:	bltu	a2, t1, .Lbytes
	ld	t2, 0(a1)
	sd	t2, 0(a0)
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	1b
.Lunaligned:
	li	t1, 16
	bltu	a2, t1, .Lbytes		/* short: byte by byte */
1:	andi	t0, a0, 7		/* bytes until dst is aligned */
	beqz	t0, 2f
	lbu	t2, 0(a1)
	sb	t2, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	1b
2:	andi	t0, a1, 7
	beqz	t0, .Laligned		/* src had the same misalignment */
	slli	t3, t0, 3		/* src's offset in its word, in bits */
	li	t4, 64
	sub	t4, t4, t3
	andi	t5, a1, -8		/* the aligned word holding src */
	ld	t2, 0(t5)
	li	t1, 8
3:	bltu	a2, t1, .Lbytes
	ld	a4, 8(t5)		/* holds src + 7: a byte being copied */
	srl	a5, t2, t3
	sll	a6, a4, t4
	or	a5, a5, a6
	sd	a5, 0(a0)
	mv	t2, a4
	addi	t5, t5, 8
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	3b
.Lbytes:
	beqz	a2, .Ldone
	lbu	t2, 0(a1)
	sb	t2, 0(a0)
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	.Lbytes
.Ldone:
	csrc	sstatus, t6
	li	a0, 0
	ret

/*
 * long __strncpy_user(char *dst, const char *src, size_t n): copies up to n bytes, stopping after a
 * NUL; returns the string length (< n), n when no NUL was found, or -EFAULT.
 */
	.globl __strncpy_user
__strncpy_user:
	li	t6, SSTATUS_SUM
	csrs	sstatus, t6
	li	t0, 0
1:	beq	t0, a2, 2f
	add	t1, a1, t0
	lbu	t2, 0(t1)
	add	t1, a0, t0
	sb	t2, 0(t1)
	beqz	t2, 2f
	addi	t0, t0, 1
	j	1b
2:	csrc	sstatus, t6
	mv	a0, t0
	ret

/*
 * long __strnlen_user(const char *src, size_t n): the size of the string with its NUL when that is
 * at most n, n + 1 when there is no NUL in the first n bytes, or -EFAULT. Word at a time: aligned
 * 8-byte loads (never crossing into a page the string does not reach), the bytes before src forced
 * non-zero; a word holds a zero byte when (w - 0x01..01) & ~w & 0x80..80 is non-zero. Registers:
 * t0 the word's address, a4 its offset from src (negative for the first word), a2/a3 the constants.
 */
	.globl __strnlen_user
__strnlen_user:
	li	t6, SSTATUS_SUM
	csrs	sstatus, t6
	beqz	a1, 4f
	andi	t3, a0, 7
	sub	t0, a0, t3
	ld	t2, 0(t0)
	slli	t4, t3, 3
	li	t5, -1
	sll	t5, t5, t4
	not	t5, t5
	or	t2, t2, t5		/* the bytes before src are not the NUL */
	li	a2, 0x0101010101010101
	slli	a3, a2, 7
	neg	a4, t3
1:	sub	t1, t2, a2
	not	t4, t2
	and	t1, t1, t4
	and	t1, t1, a3
	bnez	t1, 2f
	addi	a4, a4, 8
	bgeu	a4, a1, 4f		/* no NUL in the first n bytes */
	addi	t0, t0, 8
	ld	t2, 0(t0)
	j	1b
2:	andi	t1, t2, 0xff		/* the first zero byte of the word */
	beqz	t1, 3f
	srli	t2, t2, 8
	addi	a4, a4, 1
	j	2b
3:	csrc	sstatus, t6
	addi	a0, a4, 1
	bgtu	a0, a1, 5f
	ret
4:	csrc	sstatus, t6
5:	addi	a0, a1, 1
	ret

	.globl __uaccess_fixup
__uaccess_fixup:
	li	t6, SSTATUS_SUM
	csrc	sstatus, t6
	li	a0, -EFAULT
	ret

	.globl __uaccess_end
__uaccess_end:
