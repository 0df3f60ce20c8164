/*
 * bitops.h: the index of the lowest set bit of a word in a fixed number of steps (rv64gc
 * has no count-zeros instruction, and the compiler's builtins would call libgcc). x must not be 0.
 */
#ifndef _BITOPS_H
#define _BITOPS_H

#include "types.h"

#define DEBRUIJN64 0x03f79d71b4cb0a89UL   /* every 6-bit window of it is different */

/* Lowest set bit: isolate it, and its product with the de Bruijn word names it in the top 6 bits. */
static inline int lowest_bit(uint64_t x)
{
	static const uint8_t index[64] = {
		0,  1,  48, 2,  57, 49, 28, 3,  61, 58, 50, 42, 38, 29, 17, 4,  62, 55, 59, 36, 53, 51,
		43, 22, 45, 39, 33, 30, 24, 18, 12, 5,  63, 47, 56, 27, 60, 41, 37, 16, 54, 35, 52, 21,
		44, 32, 23, 11, 46, 26, 40, 15, 34, 20, 31, 10, 25, 14, 19, 9,  13, 8,  7,  6,
	};

	return index[((x & -x) * DEBRUIJN64) >> 58];
}

#endif
