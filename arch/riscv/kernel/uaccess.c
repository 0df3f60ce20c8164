/* uaccess.c: range-checked wrappers around the user-copy routines of usercopy.S. */
#include "uaccess.h"
#include "errno.h"

long copy_from_user(void *dst, const void __user *src, size_t n)
{
	if (!access_ok((uint64_t)src, n))
		return -EFAULT;
	return __copy_user(dst, (const void *)src, n);
}

long copy_to_user(void __user *dst, const void *src, size_t n)
{
	if (!access_ok((uint64_t)dst, n))
		return -EFAULT;
	return __copy_user((void *)dst, src, n);
}

long strncpy_from_user(char *dst, const char __user *src, size_t size)
{
	uint64_t addr = (uint64_t)src;
	long len;

	if (addr >= USER_END || !size)
		return -EFAULT;
	len = __strncpy_user(dst, (const char *)src, MIN(size, USER_END - addr));
	if (len < 0)
		return len;
	if ((size_t)len == MIN(size, USER_END - addr))
		return size <= USER_END - addr ? -ENAMETOOLONG : -EFAULT;
	return len;
}

long strnlen_user(const char __user *src, size_t n)
{
	uint64_t addr = (uint64_t)src;
	long len;

	if (addr >= USER_END || !n)
		return -EFAULT;
	len = __strnlen_user((const char *)src, MIN(n, USER_END - addr));
	if (len > 0 && (size_t)len > MIN(n, USER_END - addr))   /* no NUL before USER_END or n */
		return n < USER_END - addr ? (long)n + 1 : -EFAULT;
	return len;
}
