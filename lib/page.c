/*
 * page.c: clearing and copying whole pages, for the kernel only (user programs link lib/string.c, and
 * these unrolled loops would only make every program bigger).
 */
#include "string.h"
#include "memlayout.h"

#define CLEAR_STEP 16    /* doublewords stored an iteration: about 580 instructions for a page */
#define COPY_STEP 32     /* doublewords copied an iteration: about 1,075 instructions for a page, near the
			  * 1,024 its loads and stores take */

void clear_page(void *page)
{
	uint64_t *p = page, *end = p + PGSIZE / sizeof(uint64_t);

	for (; p < end; p += CLEAR_STEP)
#pragma GCC unroll 16       /* CLEAR_STEP: the pragma takes no macro */
		for (int i = 0; i < CLEAR_STEP; i++)
			p[i] = 0;
}

void copy_page(void *dst, const void *src)
{
	uint64_t *d = dst, *end = d + PGSIZE / sizeof(uint64_t);
	const uint64_t *s = src;

	for (; d < end; d += COPY_STEP, s += COPY_STEP)
#pragma GCC unroll 32       /* COPY_STEP */
		for (int i = 0; i < COPY_STEP; i++)
			d[i] = s[i];
}
