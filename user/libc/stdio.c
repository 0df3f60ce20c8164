/*
 * stdio.c: glibc's stdio on the console: formatting (integers, floating point, padding), stdout
 * line-buffered on a terminal (found with ioctl(TCGETS)) and stderr unbuffered, so the two interleave
 * as on Linux; perror and strerror texts; a fully buffered stdout flushed by exit.
 */
#include "common.h"

int main(void)
{
	char buf[64];

	printf("hello from glibc\n");
	printf("%d %5.2f %s %x %c %lu\n", -42, 3.14159, "str", 0xbeef, 'z', 1UL << 40);
	snprintf(buf, sizeof(buf), "%08.3f|%-6s|%+d|%e", 2.5, "ab", 7, 12345.678);
	puts(buf);
	printf("isatty(0) %d isatty(1) %d isatty(2) %d\n", isatty(0), isatty(1), isatty(2));
	fprintf(stderr, "stderr line\n");
	printf("partial line, ");
	fputs("stderr first\n", stderr);
	printf("then the newline\n");
	printf("before a raw write, ");
	write(1, "[raw write]\n", 12);
	printf("after it\n");
	errno = ENOENT;
	perror("perror");
	printf("strerror(EBADF) %s\n", strerror(EBADF));
	printf("strerror(EPIPE) %s\n", strerror(EPIPE));
	setvbuf(stdout, NULL, _IOFBF, BUFSIZ);    /* now fully buffered: flushed by exit */
	printf("fully buffered, flushed at exit\n");
	write(1, "[second raw write]\n", 19);
	return 0;
}
