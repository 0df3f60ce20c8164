/* auxv.c: lookup in the auxiliary vector that _start recorded. */
#include "ulib.h"

int auxv_get(unsigned long type, unsigned long *value)
{
	for (unsigned long *entry = __auxv; entry && entry[0] != AT_NULL; entry += 2) {
		if (entry[0] == type) {
			*value = entry[1];
			return 1;
		}
	}
	return 0;
}
