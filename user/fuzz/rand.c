/*
 * rand.c: the fuzzer's one pseudo-random stream (splitmix64: the same seed gives the same run) and
 * its pools of dangerous argument values: pointers the kernel must refuse or fault on, lengths at the
 * edges of pages and of user space, and 32-bit values with junk in the upper half of the register.
 */
#include "fuzz.h"

#define GOLDEN 0x9e3779b97f4a7c15UL
#define MIX1 0xbf58476d1ce4e5b9UL
#define MIX2 0x94d049bb133111ebUL
#define HIGH_JUNK_PERCENT 10
#define POOL_RANDOM_PERCENT 15

static unsigned long state;

unsigned long rnd(void)
{
	unsigned long z = (state += GOLDEN);

	z = (z ^ (z >> 30)) * MIX1;
	z = (z ^ (z >> 27)) * MIX2;
	return z ^ (z >> 31);
}

/* Seeds start far apart in the stream: their first state is itself one mixed output. */
void rnd_seed(unsigned long seed)
{
	state = seed;
	state = rnd();
}

unsigned long rnd_below(unsigned long n)
{
	return rnd() % n;
}

int rnd_chance(unsigned percent)
{
	return rnd_below(100) < percent;
}

/* A pool entry, or (sometimes) a fully random value. */
static unsigned long pick(const unsigned long *pool, unsigned long n)
{
	return rnd_chance(POOL_RANDOM_PERCENT) ? rnd() : pool[rnd_below(n)];
}

static unsigned char scratch[2 * PAGE_SIZE] __attribute__((aligned(PAGE_SIZE)));
static const char rodata_bytes[] = "read-only data the kernel must not write";

unsigned long pool_pointer(void)
{
	const unsigned long pool[] = {
		0, 1, PAGE_SIZE - 1, 0x1000, 0xfff8,                   /* null page and below text */
		(unsigned long)main, (unsigned long)rodata_bytes,      /* text, read-only data */
		(unsigned long)scratch, (unsigned long)scratch + PAGE_SIZE - 3,   /* valid, page-straddling */
		USER_END - 1, USER_END - 0x100, USER_END, USER_END + PAGE_SIZE,
		KERNEL_ADDR, 0xffffffe000000000UL, 0xffffffffffffffffUL, 0x8000000000000000UL,
		ARENA_BASE, ARENA_BASE + (ARENA_PAGES / 2) * PAGE_SIZE, read_sp() - 16 * PAGE_SIZE,  /* stack below use */
		0x2000000000UL, 0x3fff000000UL,                        /* unmapped middle, below the stack */
	};
	return pick(pool, sizeof(pool) / sizeof(pool[0]));
}

unsigned long pool_length(void)
{
	static const unsigned long pool[] = {
		0, 1, 7, 8, 4095, 4096, 4097, 8192, 65536, 1UL << 20, 1UL << 31, 1UL << 32, (1UL << 32) + 1,
		1UL << 40, USER_END, USER_END + 1, 1UL << 63, -1UL, -4096UL,
	};
	return rnd_chance(30) ? rnd_below(2 * PAGE_SIZE) : pick(pool, sizeof(pool) / sizeof(pool[0]));
}

unsigned long pool_int(void)
{
	static const unsigned long pool[] = {
		0, 1, 2, 3, 63, 64, 65, 100, 1023, 1024, 0x7fffffff, 0x80000000, 0xffffffff, -1UL, -2UL, -100UL,
		0xffffff9c, 1UL << 32, (1UL << 32) | 3,
	};
	return with_high_junk(pick(pool, sizeof(pool) / sizeof(pool[0])));
}

unsigned long with_high_junk(unsigned long v)
{
	return rnd_chance(HIGH_JUNK_PERCENT) ? (v & 0xffffffffUL) | (rnd() << 32) : v;
}
