/*
 * vsnprintf.c: printf-style formatting into a bounded buffer, for the kernel (printk) and for user
 * programs (user/lib/printf.c) alike: %d %i %u %x %X %p %s %c %%, the flags '-' and '0', a width,
 * and l/ll. No floating point; an unknown conversion is copied through as it is.
 */
#include "printk.h"
#include "string.h"

/* Output cursor: stores while there is room (keeping one byte for the NUL), counts always. */
struct sink {
	char *buf;
	size_t size;
	size_t len;
};

/* Conversion spec parsed from "%[flags][width][length]conv". */
struct spec {
	int left;	/* '-': pad on the right */
	int zero;	/* '0': pad numbers with zeros after the sign */
	int width;
	int longs;	/* number of 'l' modifiers */
};

#define NUM_DIGITS_MAX 24	/* enough for 2^64 in decimal */

static void put(struct sink *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void put_repeat(struct sink *out, char c, int count)
{
	while (count-- > 0)
		put(out, c);
}

/* Emits prefix (a sign or "0x", may be empty) and body of length len, padded per spec. */
static void put_field(struct sink *out, const struct spec *sp, const char *prefix,
		      const char *body, int len)
{
	int pad = sp->width - len - (int)strlen(prefix);

	if (!sp->left && !sp->zero)
		put_repeat(out, ' ', pad);
	while (*prefix)
		put(out, *prefix++);
	if (!sp->left && sp->zero)
		put_repeat(out, '0', pad);
	for (int i = 0; i < len; i++)
		put(out, body[i]);
	if (sp->left)
		put_repeat(out, ' ', pad);
}

static void put_number(struct sink *out, const struct spec *sp, const char *prefix,
		       unsigned long value, unsigned base, int upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[NUM_DIGITS_MAX];
	int pos = sizeof(tmp);

	do {
		tmp[--pos] = digits[value % base];
		value /= base;
	} while (value);
	put_field(out, sp, prefix, tmp + pos, sizeof(tmp) - pos);
}

/* Fetches the next integer argument, sized by the 'l' count and sign-extended if is_signed. */
static unsigned long next_int(va_list *ap, int longs, int is_signed)
{
	if (longs)
		return va_arg(*ap, unsigned long);	/* long and long long are both 64-bit */
	if (is_signed)
		return (unsigned long)(long)va_arg(*ap, int);
	return va_arg(*ap, unsigned int);
}

/* Formats one conversion character c; returns 0 if c is not a known conversion. */
static int convert(struct sink *out, struct spec *sp, char c, va_list *ap)
{
	unsigned long v;
	char ch;
	const char *s;

	switch (c) {
	case 'd':
	case 'i':
		v = next_int(ap, sp->longs, 1);
		if ((long)v < 0)
			put_number(out, sp, "-", -v, 10, 0);
		else
			put_number(out, sp, "", v, 10, 0);
		return 1;
	case 'u':
		put_number(out, sp, "", next_int(ap, sp->longs, 0), 10, 0);
		return 1;
	case 'x':
	case 'X':
		put_number(out, sp, "", next_int(ap, sp->longs, 0), 16, c == 'X');
		return 1;
	case 'p':
		put_number(out, sp, "0x", (unsigned long)va_arg(*ap, void *), 16, 0);
		return 1;
	case 's':
		s = va_arg(*ap, const char *);
		if (!s)
			s = "(null)";
		sp->zero = 0;
		put_field(out, sp, "", s, strlen(s));
		return 1;
	case 'c':
		ch = (char)va_arg(*ap, int);
		sp->zero = 0;
		put_field(out, sp, "", &ch, 1);
		return 1;
	case '%':
		put(out, '%');
		return 1;
	}
	return 0;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink out = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		const char *start = fmt;
		struct spec sp = { 0 };

		if (*fmt != '%') {
			put(&out, *fmt++);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = 1;
			else if (*fmt == '0')
				sp.zero = 1;
			else
				break;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp.width = sp.width * 10 + (*fmt++ - '0');
		while (*fmt == 'l') {
			sp.longs++;
			fmt++;
		}
		if (*fmt && convert(&out, &sp, *fmt, &args)) {
			fmt++;
			continue;
		}
		while (start < fmt)	/* unknown conversion: copy it through verbatim */
			put(&out, *start++);
	}
	va_end(args);
	if (size)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return out.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return len;
}
