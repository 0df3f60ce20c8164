/* string.h: memory and string primitives (lib/string.c), for the kernel and user programs alike. */
#ifndef _STRING_H
#define _STRING_H

#include "types.h"

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy_s(char *dst, const char *src, size_t size);
const char *basename(const char *path);
/* The first byte c in s, or NULL (the NUL itself is never found). */
const char *strchr(const char *s, int c);

#endif
