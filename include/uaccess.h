/*
 * uaccess.h: the one doorway between kernel and user memory. Each helper first checks that the whole
 * range lies in user space, then copies with sstatus.SUM set; pages fault in lazily (and COW breaks)
 * through the normal fault path. Anything not allowed returns -EFAULT; nothing else touches user memory.
 */
#ifndef _UACCESS_H
#define _UACCESS_H

#include "types.h"
#include "memlayout.h"

static inline bool access_ok(uint64_t addr, uint64_t len)
{
	return len <= USER_END && addr <= USER_END - len;
}

/* 0 on success, -EFAULT if any byte could not be copied. */
long copy_from_user(void *dst, const void __user *src, size_t n);
long copy_to_user(void __user *dst, const void *src, size_t n);
/* Length of the string (< size) copied with its NUL, -ENAMETOOLONG if none within size, or -EFAULT. */
long strncpy_from_user(char *dst, const char __user *src, size_t size);
/* Size of the user string with its NUL if at most n, n + 1 if it is longer, or -EFAULT. */
long strnlen_user(const char __user *src, size_t n);

/*
 * usercopy.S: the unchecked copy loops, run with SUM set. A fault inside [__uaccess_start,
 * __uaccess_end) that the fault path cannot serve resumes at __uaccess_fixup, which returns -EFAULT.
 */
long __copy_user(void *dst, const void *src, size_t n);
long __strncpy_user(char *dst, const char *src, size_t n);
long __strnlen_user(const char *src, size_t n);
extern char __uaccess_start[], __uaccess_end[], __uaccess_fixup[];

#endif
