/*
 * devices.c: /dev and its device nodes, made at boot: /dev/null (reads end at once, writes vanish),
 * /dev/zero (reads give zeros, writes vanish, mmap gives anonymous memory: private or shared as asked)
 * and /dev/tty and /dev/console (the console). Also /tmp, an empty directory anyone may write.
 */
#include "fs.h"
#include "mm.h"
#include "proc.h"
#include "string.h"
#include "console.h"
#include "errno.h"
#include "uaccess.h"
#include "uapi/stat.h"

#define DEV_MODE (S_IFCHR | 0666)
#define DIR_MODE 0755
#define TMP_MODE 01777             /* sticky, world-writable */

static long null_read(struct file *f, uint64_t buf, uint64_t count)
{
	return 0;
}

static long null_write(struct file *f, uint64_t buf, uint64_t count)
{
	return (long)count;
}

/* Zeros into the whole buffer (the caller checked the range), a page at a time from the zero page. */
static long zero_read(struct file *f, uint64_t buf, uint64_t count)
{
	for (uint64_t done = 0; done < count;) {
		uint64_t n = MIN(PGSIZE, count - done);
		if (copy_to_user((void __user *)(buf + done), zero_page, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return (long)count;
}

static const struct file_operations null_fops = { .read = null_read, .write = null_write, .mode = DEV_MODE };
static const struct file_operations zero_fops = { .read = zero_read, .write = null_write, .mode = DEV_MODE,
						  .mmap_anon = true };

/* A device node name in dir whose opens get fops. */
static void mknod(struct inode *dir, const char *name, const struct file_operations *fops)
{
	int err;
	struct inode *ino = vfs_create(dir, name, (uint32_t)strlen(name), 0, &err);

	if (ino) {
		ino->mode = fops->mode;
		ino->i_fop = fops;
	}
}

void devices_init(void)
{
	int err;
	struct inode *dev = vfs_mkdir(root_inode, "dev", 3, DIR_MODE, &err);

	vfs_mkdir(root_inode, "tmp", 3, TMP_MODE, &err);
	if (!dev)
		return;                /* a ramdisk file named dev came first */
	mknod(dev, "null", &null_fops);
	mknod(dev, "zero", &zero_fops);
	mknod(dev, "tty", &console_fops);
	mknod(dev, "console", &console_fops);
}
