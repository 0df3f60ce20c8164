/* atoi.c: decimal string to int. */
#include "ulib.h"

int atoi(const char *s)
{
	int sign = 1, value = 0;

	if (*s == '-' || *s == '+')
		sign = *s++ == '-' ? -1 : 1;
	while (*s >= '0' && *s <= '9')
		value = value * 10 + (*s++ - '0');
	return sign * value;
}
