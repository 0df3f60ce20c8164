/* vsnprintf.c: printf-style formatting into a bounded buffer (no floating point; '-' pads strings only). */
#include "printk.h"

struct outbuf {
	char *buf;
	size_t size;
	size_t len;   /* bytes the full output needs, may exceed size */
};

static void out(struct outbuf *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void out_number(struct outbuf *o, uint64_t v, unsigned base, bool neg, int width, char pad)
{
	char digits[24];
	int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		width--;
	if (neg && pad == '0')
		out(o, '-');
	for (; width > n; width--)
		out(o, pad);
	if (neg && pad != '0')
		out(o, '-');
	while (n)
		out(o, digits[--n]);
}

/* Takes the next integer argument of the given length (0: int, 1: long, 2: long long). */
static uint64_t next_arg(va_list *ap, int lng, bool is_signed)
{
	if (lng)
		return va_arg(*ap, uint64_t);
	return is_signed ? (uint64_t)(int64_t)va_arg(*ap, int) : va_arg(*ap, unsigned int);
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct outbuf o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			out(&o, *fmt);
			continue;
		}
		char pad = ' ';
		int width = 0, lng = 0;
		bool left = false;
		if (*++fmt == '-')
			left = true, fmt++;
		if (*fmt == '0')
			pad = '0', fmt++;
		for (; *fmt >= '0' && *fmt <= '9'; fmt++)
			width = width * 10 + (*fmt - '0');
		for (; *fmt == 'l'; fmt++)
			lng++;
		switch (*fmt) {
		case 'd':
		case 'i': {
			int64_t v = (int64_t)next_arg(&args, lng, true);
			out_number(&o, v < 0 ? -(uint64_t)v : (uint64_t)v, 10, v < 0, width, pad);
			break;
		}
		case 'u':
			out_number(&o, next_arg(&args, lng, false), 10, false, width, pad);
			break;
		case 'x':
			out_number(&o, next_arg(&args, lng, false), 16, false, width, pad);
			break;
		case 'p':
			out(&o, '0'), out(&o, 'x');
			out_number(&o, (uint64_t)va_arg(args, void *), 16, false, width, pad);
			break;
		case 's': {
			const char *s = va_arg(args, const char *);
			int len = 0;
			if (!s)
				s = "(null)";
			while (s[len])
				len++;
			for (; !left && width > len; width--)
				out(&o, ' ');
			while (*s)
				out(&o, *s++);
			for (; left && width > len; width--)
				out(&o, ' ');
			break;
		}
		case 'c':
			out(&o, (char)va_arg(args, int));
			break;
		case '%':
			out(&o, '%');
			break;
		default:
			out(&o, '%');
			if (*fmt)
				out(&o, *fmt);
			else
				fmt--;
		}
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
