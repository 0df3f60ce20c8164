/* printk.c: formatted kernel output to the SBI console. */
#include "printk.h"
#include "sbi.h"

#define PRINTK_BUF 256   /* longer lines are cut */

int printk(const char *fmt, ...)
{
	char buf[PRINTK_BUF];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (char *p = buf; *p; p++)
		sbi_console_putchar(*p);
	return n;
}
