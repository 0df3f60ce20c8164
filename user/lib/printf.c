/* printf.c: printf and puts: format with the shared vsnprintf (lib/vsnprintf.c), one write per call. */
#include "ulib.h"

int printf(const char *fmt, ...)
{
	char buf[PRINTF_MAX];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (len > (int)sizeof(buf) - 1)
		len = sizeof(buf) - 1;
	return sys_write(1, buf, len);
}

int puts(const char *s)
{
	return printf("%s\n", s);
}
