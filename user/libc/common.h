/*
 * common.h: helpers shared by the glibc test programs (user/libc/, one a .c file), which are built with the
 * distribution's cross compiler (riscv64-linux-gnu-gcc -static) and must print the same lines on this
 * kernel and on Linux (qemu-riscv64). CHECK prints "<name>: ok" or "<name>: FAIL <why>" and counts
 * failures; done() is the exit status (0 when every check passed).
 */
#ifndef LIBC_COMMON_H
#define LIBC_COMMON_H

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

#define CHECK(name, cond)                                                                   \
	do {                                                                                \
		if (cond) {                                                                 \
			printf("%s: ok\n", name);                                           \
		} else {                                                                    \
			printf("%s: FAIL (%s) errno %d %s\n", name, #cond, errno, strerror(errno)); \
			failures++;                                                         \
		}                                                                           \
		fflush(stdout);                                                             \
	} while (0)

static inline int done(void)
{
	return failures ? 1 : 0;
}

/*
 * The path of program name beside argv0: this kernel finds programs by base name, Linux needs the
 * directory argv0 was run from (e.g. build/libc/). Writes into buf and returns it.
 */
static inline const char *sibling(char *buf, size_t size, const char *argv0, const char *name)
{
	const char *slash = strrchr(argv0, '/');
	int dir = slash ? (int)(slash - argv0 + 1) : 0;

	snprintf(buf, size, "%.*s%s", dir, argv0, name);
	return buf;
}

#endif
