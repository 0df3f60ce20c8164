/*
 * brktest.c: shows that heap growth with brk is lazy and that a shrunk heap gives its memory
 * back. Grows the break by 64 MiB and checks (via sysinfo freeram) that no memory was taken
 * until pages are touched; shrinks by 32 MiB and checks memory came back and that the region
 * reads zero when regrown; finally shrinks to the original break.
 * Expected output: "brk_lazy: ok", "brk_regrow_zero: ok", "brk_restore: ok"; exit status 0.
 *
 * "brktest --no-freeram" skips the freeram comparisons and keeps the rest. It is for Linux
 * (and qemu-riscv64, which reports the host's numbers): Linux updates freeram in per-CPU
 * batches, so a change of 64 pages often does not show at all.
 */
#include "ulib.h"

#define GROW_BYTES (64UL << 20)
#define TOUCH_STRIDE (1UL << 20)
#define TOUCHES (GROW_BYTES / TOUCH_STRIDE)
#define SHRINK_BYTES (32UL << 20)
#define TOP_PAGES 16				/* dirtied fully before the shrink */
#define TOP_BYTE 0xa5
/* freeram moves for reasons of its own (page tables, kernel allocations): allow this much. */
#define SLACK_BYTES (1L << 20)
#define NO_FREERAM_FLAG "--no-freeram"

static int use_freeram = 1;

static long free_bytes(void)
{
	struct sysinfo info;

	sys_sysinfo(&info);
	return (long)(info.freeram * info.mem_unit);
}

/* True when lo <= value < hi, or when freeram checks are switched off. */
static int freeram_in(long value, long lo, long hi)
{
	return !use_freeram || (value >= lo && value < hi);
}

static unsigned char pattern(unsigned long offset)
{
	return (unsigned char)(offset / TOUCH_STRIDE + 1);
}

/* Grows the heap to base + GROW_BYTES, then writes and reads back one byte per TOUCH_STRIDE. */
static void test_lazy(unsigned long base)
{
	volatile unsigned char *heap = (volatile unsigned char *)base;
	long before_grow = free_bytes(), grow_cost, touch_cost;
	long touched = TOUCHES * PAGE_SIZE;
	unsigned long off, brk = sys_brk(base + GROW_BYTES);

	grow_cost = before_grow - free_bytes();
	if (brk != base + GROW_BYTES) {
		check("brk_lazy", 0, "brk(0x%lx) returned 0x%lx", base + GROW_BYTES, brk);
		test_exit();
	}
	for (off = 0; off < GROW_BYTES; off += TOUCH_STRIDE)
		heap[off] = pattern(off);
	for (off = 0; off < GROW_BYTES; off += TOUCH_STRIDE)
		if (heap[off] != pattern(off))
			break;
	touch_cost = before_grow - grow_cost - free_bytes();

	check("brk_lazy",
	      off == GROW_BYTES && freeram_in(grow_cost, -SLACK_BYTES, SLACK_BYTES) &&
		      freeram_in(touch_cost, touched, touched + SLACK_BYTES),
	      "growing took %ld KiB, touching %lu pages took %ld KiB, %lu of %lu bytes read back",
	      grow_cost >> 10, TOUCHES, touch_cost >> 10, off / TOUCH_STRIDE, TOUCHES);
}

/* Dirties the top pages, shrinks by SHRINK_BYTES, regrows, and checks the region is zero. */
static void test_regrow(unsigned long base)
{
	volatile unsigned char *heap = (volatile unsigned char *)base;
	unsigned long top = base + GROW_BYTES, low = top - SHRINK_BYTES, off, bits = 0;
	long dirty_from = GROW_BYTES - TOP_PAGES * PAGE_SIZE, before_shrink, given_back;

	for (off = dirty_from; off < GROW_BYTES; off++)
		heap[off] = TOP_BYTE;
	before_shrink = free_bytes();
	sys_brk(low);
	given_back = free_bytes() - before_shrink;
	sys_brk(top);
	for (off = low - base; off < GROW_BYTES; off += TOUCH_STRIDE)
		bits |= heap[off];
	for (off = dirty_from; off < GROW_BYTES; off++)
		bits |= heap[off];

	check("brk_regrow_zero",
	      bits == 0 && freeram_in(given_back, TOP_PAGES * PAGE_SIZE, GROW_BYTES),
	      "shrinking gave back %ld KiB, regrown bytes OR to 0x%lx", given_back >> 10, bits);
}

int main(int argc, char **argv, char **envp)
{
	unsigned long old_brk = sys_brk(0);
	/* Page-aligned, so the shrink below frees whole pages and none keeps old bytes. */
	unsigned long base = PAGE_ROUND_UP(old_brk);

	if (argc > 1 && strcmp(argv[1], NO_FREERAM_FLAG) == 0) {
		use_freeram = 0;
		printf("brktest: freeram checks skipped (%s)\n", NO_FREERAM_FLAG);
	}
	test_lazy(base);
	test_regrow(base);
	check("brk_restore", (unsigned long)sys_brk(old_brk) == old_brk, "break not back at 0x%lx",
	      old_brk);
	test_exit();
}
