/* console.c: the SBI console behind descriptors 0, 1 and 2 (the range is checked by the caller). */
#include "console.h"
#include "sbi.h"
#include "errno.h"
#include "uaccess.h"

#define CHUNK 128         /* bytes staged on the kernel stack at a time */

long console_write(uint64_t buf, uint64_t count)
{
	char kbuf[CHUNK];
	uint64_t done = 0;

	while (done < count) {
		uint64_t n = MIN(CHUNK, count - done);
		if (copy_from_user(kbuf, (const void __user *)(buf + done), n))
			return done ? (long)done : -EFAULT;
		for (uint64_t i = 0; i < n; i++)
			sbi_console_putchar(kbuf[i]);
		done += n;
	}
	return (long)done;
}

/* Returns the bytes already waiting (possibly 0); never blocks. */
long console_read(uint64_t buf, uint64_t count)
{
	char kbuf[CHUNK];
	uint64_t n = 0;
	int c;

	while (n < MIN(count, CHUNK) && (c = sbi_console_getchar()) >= 0)
		kbuf[n++] = (char)c;
	if (n && copy_to_user((void __user *)buf, kbuf, n))
		return -EFAULT;
	return (long)n;
}
