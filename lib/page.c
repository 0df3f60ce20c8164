/*
 * page.c: zero and copy whole 4 KiB pages, unrolled for the fault paths (zero-fill, copy-on-write, ELF
 * pages). Kernel only: lib/string.c is linked into every user program, and these would only grow them.
 */
#include "mm.h"

#define CLEAR_STEP 64   /* words stored an iteration: PGSIZE / (8 * CLEAR_STEP) iterations a page */
#define COPY_STEP 64    /* words copied an iteration: PGSIZE / (8 * COPY_STEP) iterations a page */

void clear_page(void *page)
{
	uint64_t *p = page, *end = p + PGSIZE / sizeof(uint64_t);

	for (; p < end; p += CLEAR_STEP) {
#pragma GCC unroll 64
		for (int i = 0; i < CLEAR_STEP; i++)
			p[i] = 0;
	}
}

void copy_page(void *dst, const void *src)
{
	uint64_t *d = dst, *end = d + PGSIZE / sizeof(uint64_t);
	const uint64_t *s = src;

	for (; d < end; d += COPY_STEP, s += COPY_STEP) {
#pragma GCC unroll 64
		for (int i = 0; i < COPY_STEP; i++)
			d[i] = s[i];
	}
}
