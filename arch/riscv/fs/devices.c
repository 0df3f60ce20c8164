/*
 * devices.c: the device files that programs open by their /dev path before there is a /dev
 * directory: /dev/null (reads end at once, writes vanish) and /dev/tty and /dev/console (the console).
 * openat looks here first; every other path is a file of the one directory.
 */
#include "fs.h"
#include "proc.h"
#include "string.h"
#include "console.h"
#include "uapi/stat.h"

#define NULL_MODE (S_IFCHR | 0666)

static long null_read(struct file *f, uint64_t buf, uint64_t count)
{
	return 0;
}

static long null_write(struct file *f, uint64_t buf, uint64_t count)
{
	return (long)count;
}

static const struct file_operations null_fops = { .read = null_read, .write = null_write, .mode = NULL_MODE };

struct file *device_open(const char *path, uint32_t flags)
{
	if (!strcmp(path, "/dev/null"))
		return file_alloc(&null_fops, NULL, flags & (O_ACCMODE | O_NONBLOCK));
	if (!strcmp(path, "/dev/tty") || !strcmp(path, "/dev/console"))
		return file_alloc(&console_fops, NULL, flags & (O_ACCMODE | O_NONBLOCK));
	return NULL;
}
