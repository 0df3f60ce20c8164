/* files.c: test files filled with a byte pattern, and comparisons of memory against it. */
#include "ulib.h"

/* Bytes written per write() call while creating a file (kept on the stack). */
#define CREATE_CHUNK 512
#define FILE_MODE 0644
/* Pattern coefficients: PAGE_SIZE * BYTE_STEP is a multiple of 256, so PAGE_STEP tells pages apart. */
#define BYTE_STEP 7
#define PAGE_STEP 13

unsigned char file_pattern(unsigned long offset, unsigned seed)
{
	return (unsigned char)(offset * BYTE_STEP + (offset / PAGE_SIZE) * PAGE_STEP + seed);
}

long file_create(const char *name, unsigned long len, unsigned seed)
{
	unsigned char chunk[CREATE_CHUNK];
	long fd = sys_openat(AT_FDCWD, name, O_RDWR | O_CREAT | O_TRUNC, FILE_MODE);

	if (fd < 0)
		return fd;
	for (unsigned long done = 0; done < len;) {
		unsigned long n = len - done < CREATE_CHUNK ? len - done : CREATE_CHUNK;
		long wrote;

		for (unsigned long i = 0; i < n; i++)
			chunk[i] = file_pattern(done + i, seed);
		wrote = sys_write(fd, chunk, n);
		if (wrote != (long)n) {
			sys_close(fd);
			sys_unlinkat(AT_FDCWD, name, 0);
			return wrote < 0 ? wrote : -EIO;
		}
		done += n;
	}
	return fd;
}

unsigned long pattern_first_bad(const void *mem, unsigned long offset, unsigned long len,
				unsigned seed)
{
	const volatile unsigned char *bytes = mem;

	for (unsigned long i = 0; i < len; i++)
		if (bytes[i] != file_pattern(offset + i, seed))
			return i;
	return len;
}

unsigned long bytes_first_not(const void *mem, unsigned char byte, unsigned long len)
{
	const volatile unsigned char *bytes = mem;

	for (unsigned long i = 0; i < len; i++)
		if (bytes[i] != byte)
			return i;
	return len;
}

long read_at(int fd, long offset, void *buf, unsigned long len)
{
	long pos = sys_lseek(fd, offset, SEEK_SET);

	return pos < 0 ? pos : sys_read(fd, buf, len);
}

long file_size(int fd)
{
	struct stat st;
	long err = sys_fstat(fd, &st);

	return err < 0 ? err : st.st_size;
}
