/* lib.c: printf (through write) and exit for the lab-style programs; the formatter is lib/vsnprintf.c. */
#include "zju.h"
#include "printk.h"     /* vsnprintf (and va_list) */

#define PRINTF_BUF 256

static long write(int fd, const char *buf, unsigned long len)
{
	register long a0 asm("a0") = fd;
	register long a1 asm("a1") = (long)buf;
	register long a2 asm("a2") = (long)len;
	register long a7 asm("a7") = ZJU_SYS_WRITE;

	asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
	return a0;
}

int printf(const char *fmt, ...)
{
	char buf[PRINTF_BUF];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	return (int)write(ZJU_STDOUT, buf, n);
}

void zju_exit(int code)
{
	register long a0 asm("a0") = code;
	register long a7 asm("a7") = ZJU_SYS_EXIT;

	asm volatile("ecall" : : "r"(a0), "r"(a7) : "memory");
	for (;;)
		;
}
