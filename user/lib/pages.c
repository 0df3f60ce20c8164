/* pages.c: heap growth and a per-page word pattern, for tests that write and re-read many pages. */
#include "ulib.h"

#define WORDS_PER_PAGE (PAGE_SIZE / sizeof(unsigned long))
#define LAST_WORD (WORDS_PER_PAGE - 1)

unsigned long heap_grow(unsigned long bytes)
{
	unsigned long base = PAGE_ROUND_UP((unsigned long)sys_brk(0));

	return (unsigned long)sys_brk(base + bytes) == base + bytes ? base : 0;
}

/* seed in the high half and the page index in the low half; seed 0 stands for zero memory. */
static unsigned long page_word(unsigned long page, unsigned seed)
{
	return seed ? (unsigned long)seed << 32 | page : 0;
}

void pages_fill(void *base, unsigned long pages, unsigned seed)
{
	volatile unsigned long *words = base;

	for (unsigned long p = 0; p < pages; p++) {
		words[p * WORDS_PER_PAGE] = page_word(p, seed);
		words[p * WORDS_PER_PAGE + LAST_WORD] = page_word(p, seed);
	}
}

unsigned long pages_first_bad(const void *base, unsigned long pages, unsigned seed)
{
	const volatile unsigned long *words = base;

	for (unsigned long p = 0; p < pages; p++)
		if (words[p * WORDS_PER_PAGE] != page_word(p, seed) ||
		    words[p * WORDS_PER_PAGE + LAST_WORD] != page_word(p, seed))
			return p;
	return pages;
}
