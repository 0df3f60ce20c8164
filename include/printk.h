/* printk.h: kernel console output and formatting (subset of printf: %d %i %u %x %p %s %c %%, l/ll, width, 0). */
#ifndef _PRINTK_H
#define _PRINTK_H

#include "types.h"
#include <stdarg.h>

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
