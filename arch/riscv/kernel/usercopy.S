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

/* Copy 64 bytes at offset off of a1 to a0, two words at a time (loads before stores). */
.macro COPY64 off
	.irp w, 0, 16, 32, 48
	ld	t2, \off+\w(a1)
	ld	t3, \off+\w+8(a1)
	sd	t2, \off+\w(a0)
	sd	t3, \off+\w+8(a0)
	.endr
.endm

/* One destination word at offset off of a0 from the aligned source words lo and hi (src's bit offset t3
 * in lo, t4 = 64 - t3); lo is overwritten. */
.macro MERGE lo, hi, off
	srl	\lo, \lo, t3
	sll	t0, \hi, t4
	or	\lo, \lo, t0
	sd	\lo, \off(a0)
.endm

/*
 * long __copy_user(void *dst, const void *src, size_t n): 0 or -EFAULT. Word copies whatever the
 * alignment: bytes until dst is aligned, then 8-byte words: when src is aligned too, 256 bytes an
 * iteration (67 instructions), then 128 once, then one word; else 32 bytes an iteration, each word put
 * together from the two aligned source words it straddles, both of which hold bytes being copied, so
 * no page beyond the source is read; then the last bytes. A fault stops the copy within a few words
 * of the faulting byte; the caller only learns -EFAULT.
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
	bltu	a2, t1, .Lwords8	/* short: straight to the words */
	andi	a3, a2, -256		/* bytes the 256-byte loop copies */
	beqz	a3, .Lhalf
	add	a3, a1, a3		/* where src stops */
	andi	a2, a2, 255
1:	COPY64	0
	COPY64	64
	COPY64	128
	COPY64	192
	addi	a0, a0, 256
	addi	a1, a1, 256
	bltu	a1, a3, 1b
	bltu	a2, t1, .Lwords8
.Lhalf:					/* 128 <= a2 < 256: one 128-byte step */
	COPY64	0
	COPY64	64
	addi	a0, a0, 128
	addi	a1, a1, 128
	addi	a2, a2, -128
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
	andi	a3, a2, -32		/* bytes the 32-byte loop copies */
	add	a1, a1, a3		/* src after it */
	andi	a2, a2, 31
	add	a3, a0, a3		/* where dst stops */
	beq	a0, a3, 4f
3:	ld	a4, 8(t5)
	ld	a5, 16(t5)
	ld	a6, 24(t5)
	ld	a7, 32(t5)		/* holds src + 31: a byte being copied */
	MERGE	t2, a4, 0
	MERGE	a4, a5, 8
	MERGE	a5, a6, 16
	MERGE	a6, a7, 24
	mv	t2, a7
	addi	t5, t5, 32
	addi	a0, a0, 32
	bltu	a0, a3, 3b
4:	li	t1, 8
5:	bltu	a2, t1, .Lbytes
	ld	a4, 8(t5)		/* holds src + 7: a byte being copied */
	MERGE	t2, a4, 0
	mv	t2, a4
	addi	t5, t5, 8
	addi	a0, a0, 8
	addi	a1, a1, 8
	addi	a2, a2, -8
	j	5b
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

/* flag = (w - 0x01..01) & ~w: with 0x80..80 (a3) it is non-zero when w holds a zero byte, and its
 * lowest 0x80 bit marks the first one. a2 holds 0x01..01; tmp is clobbered. */
.macro ZERO_BITS flag, w, tmp
	sub	\flag, \w, a2
	not	\tmp, \w
	and	\flag, \flag, \tmp
.endm

/*
 * long __strnlen_user(const char *src, size_t n): the size of the string with its NUL when that is
 * at most n, n + 1 when there is no NUL in the first n bytes, or -EFAULT. Word at a time with aligned
 * 8-byte loads, the bytes before src forced non-zero: single words up to a 32-byte boundary, then 32
 * bytes an iteration (about 0.75 instructions a byte). A 32-byte aligned block never crosses a page,
 * so no page is read that the string does not reach. Registers: t0 the word (or block) address,
 * a5 src + n, a2/a3 the constants.
 */
	.globl __strnlen_user
__strnlen_user:
	li	t6, SSTATUS_SUM
	csrs	sstatus, t6
	beqz	a1, .Lno_nul
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
	add	a5, a0, a1
1:	ZERO_BITS t1, t2, t4		/* single words until t0 is 32-byte aligned */
	and	t1, t1, a3
	bnez	t1, .Lnul_in_t2
	addi	t0, t0, 8
	bgeu	t0, a5, .Lno_nul
	ld	t2, 0(t0)
	andi	t1, t0, 31
	bnez	t1, 1b
2:	ld	a6, 8(t0)		/* t2 holds the block's first word */
	ld	a7, 16(t0)
	ld	t3, 24(t0)
	ZERO_BITS t1, t2, t4
	ZERO_BITS t5, a6, t4
	or	t1, t1, t5
	ZERO_BITS t5, a7, t4
	or	t1, t1, t5
	ZERO_BITS t5, t3, t4
	or	t1, t1, t5
	and	t1, t1, a3
	bnez	t1, .Lnul_in_block
	addi	t0, t0, 32
	bgeu	t0, a5, .Lno_nul
	ld	t2, 0(t0)
	j	2b
.Lnul_in_block:				/* the first of t2, a6, a7, t3 that holds a zero byte */
	ZERO_BITS t1, t2, t4
	and	t1, t1, a3
	bnez	t1, .Lnul_in_t2
	addi	t0, t0, 8
	mv	t2, a6
	ZERO_BITS t1, t2, t4
	and	t1, t1, a3
	bnez	t1, .Lnul_in_t2
	addi	t0, t0, 8
	mv	t2, a7
	ZERO_BITS t1, t2, t4
	and	t1, t1, a3
	bnez	t1, .Lnul_in_t2
	addi	t0, t0, 8
	mv	t2, t3
.Lnul_in_t2:				/* the word at t0 holds the NUL: find its first zero byte */
	andi	t1, t2, 0xff
	beqz	t1, 3f
	srli	t2, t2, 8
	addi	t0, t0, 1
	j	.Lnul_in_t2
3:	csrc	sstatus, t6
	sub	a0, t0, a0
	addi	a0, a0, 1
	bgtu	a0, a1, 4f
	ret
.Lno_nul:
	csrc	sstatus, t6
4:	addi	a0, a1, 1
	ret

	.globl __uaccess_fixup
__uaccess_fixup:
	li	t6, SSTATUS_SUM
	csrc	sstatus, t6
	li	a0, -EFAULT
	ret

	.globl __uaccess_end
__uaccess_end:
