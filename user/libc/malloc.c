/*
 * malloc.c: malloc/free churn over glibc's two allocators: small blocks from the brk heap and blocks
 * above the mmap threshold (128 KiB) from mmap; realloc growth, calloc zeroing, and memory returned
 * to the kernel (the break shrinks, large blocks are unmapped).
 */
#include "common.h"
#include <stdlib.h>
#include <stdint.h>
#include <malloc.h>

#define SLOTS 512
#define ROUNDS 4000
#define SMALL_MAX 2048
#define LARGE (256 * 1024)

static uint32_t seed = 12345;

static uint32_t next_rand(void)
{
	seed = seed * 1103515245 + 12345;
	return seed >> 8;
}

static void fill(unsigned char *p, size_t n, unsigned char v)
{
	memset(p, v, n);
}

static int holds(const unsigned char *p, size_t n, unsigned char v)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

static int churn(void)
{
	static unsigned char *slot[SLOTS];
	static size_t size[SLOTS];
	int ok = 1;

	for (int r = 0; r < ROUNDS; r++) {
		int i = next_rand() % SLOTS;
		if (slot[i]) {
			ok &= holds(slot[i], size[i], (unsigned char)i);
			free(slot[i]);
			slot[i] = NULL;
			continue;
		}
		size[i] = next_rand() % 16 == 0 ? LARGE + next_rand() % LARGE : 1 + next_rand() % SMALL_MAX;
		slot[i] = malloc(size[i]);
		if (!slot[i])
			return 0;
		fill(slot[i], size[i], (unsigned char)i);
	}
	for (int i = 0; i < SLOTS; i++) {
		if (slot[i])
			ok &= holds(slot[i], size[i], (unsigned char)i);
		free(slot[i]);
	}
	return ok;
}

int main(void)
{
	void *brk0 = sbrk(0);

	CHECK("malloc_churn", churn());
	unsigned char *p = malloc(10);
	fill(p, 10, 0xab);
	for (size_t n = 100; n <= 1 << 20; n *= 4) {
		p = realloc(p, n);
		if (!p || !holds(p, 10, 0xab))
			break;
	}
	CHECK("malloc_realloc", p && holds(p, 10, 0xab));
	free(p);
	int *z = calloc(100000, sizeof(int));
	int zero = 1;
	for (int i = 0; z && i < 100000; i++)
		zero &= z[i] == 0;
	CHECK("malloc_calloc", z && zero);
	free(z);
	void *big = malloc(4 << 20);
	CHECK("malloc_4m", big != NULL);
	free(big);
	CHECK("malloc_brk_grew", sbrk(0) >= brk0);
	CHECK("malloc_trim", malloc_trim(0) >= 0);
	return done();
}
