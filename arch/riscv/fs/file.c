/*
 * file.c: open-file objects (inode, offset, mode) and per-process descriptor tables. fork copies the
 * table and shares the open files; exit releases them. Descriptors 0, 1 and 2 start as the console.
 * The table also holds the process's current directory (Linux keeps it in fs_struct; here it
 * follows the same fork and exit lifetime).
 */
#include "fs.h"
#include "console.h"
#include "proc.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "uapi/resource.h"

/* The console: one object for every process's 0, 1 and 2; its own reference keeps it alive. */
static struct file console_file = { .f_op = &console_fops, .flags = O_RDWR | O_LARGEFILE, .count = 1 };
#define CONSOLE_FDS 3

struct file *file_alloc(const struct file_operations *f_op, void *private_data, uint32_t flags)
{
	struct file *f = kzalloc(sizeof(*f));

	if (!f)
		return NULL;
	f->f_op = f_op;
	f->private_data = private_data;
	f->flags = flags;
	f->count = 1;
	return f;
}

struct file *file_open(struct inode *ino, uint32_t flags, int *err)
{
	struct file *f = file_alloc(NULL, NULL, flags | O_LARGEFILE);

	*err = -ENOMEM;
	if (!f)
		return NULL;
	*err = file_writable(f) ? get_write_access(ino) : 0;
	if (*err) {
		kfree(f);
		return NULL;
	}
	f->inode = ino;
	iget(ino);
	return f;
}

void fput(struct file *f)
{
	if (--f->count)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f);   /* the console never gets here */
	if (f->inode) {
		if (inode_is_dir(f->inode))
			dir_release(f);
		if (file_writable(f))
			put_write_access(f->inode);
		iput(f->inode);
	}
	kfree(f);
}

struct file *fget(int fd)
{
	if (fd < 0 || fd >= NR_OPEN || !current->files)
		return NULL;
	return current->files->fd[fd];
}

int get_unused_fd(int min)
{
	int limit = (int)MIN((uint64_t)NR_OPEN, current->rlim[RLIMIT_NOFILE].rlim_cur);

	for (int fd = MAX(min, 0); fd < limit; fd++)
		if (!current->files->fd[fd])
			return fd;
	return -EMFILE;
}

int fd_install_from(struct file *f, int min, bool cloexec)
{
	struct files_struct *files = current->files;
	int fd = get_unused_fd(min);

	if (fd < 0)
		return fd;
	files->fd[fd] = f;
	if (cloexec)
		files->cloexec |= 1UL << fd;
	else
		files->cloexec &= ~(1UL << fd);
	return fd;
}

void fd_close(int fd)
{
	struct file *f = current->files->fd[fd];

	current->files->fd[fd] = NULL;
	current->files->cloexec &= ~(1UL << fd);
	fput(f);
}

void files_close_on_exec(struct files_struct *files)
{
	for (int fd = 0; files->cloexec && fd < NR_OPEN; fd++) {
		if (files->cloexec & (1UL << fd)) {
			files->cloexec &= ~(1UL << fd);
			fput(files->fd[fd]);
			files->fd[fd] = NULL;
		}
	}
}

struct files_struct *files_alloc_console(void)
{
	struct files_struct *files = kzalloc(sizeof(*files));

	if (!files)
		return NULL;
	for (int fd = 0; fd < CONSOLE_FDS; fd++) {
		files->fd[fd] = &console_file;
		console_file.count++;
	}
	files->cwd = root_inode;
	iget(root_inode);
	return files;
}

struct files_struct *files_dup(struct files_struct *old)
{
	struct files_struct *files = kmalloc(sizeof(*files));

	if (!files)
		return NULL;
	*files = *old;
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd])
			files->fd[fd]->count++;
	iget(files->cwd);
	return files;
}

void files_put(struct files_struct *files)
{
	for (int fd = 0; fd < NR_OPEN; fd++)
		if (files->fd[fd])
			fput(files->fd[fd]);
	iput(files->cwd);
	kfree(files);
}

long file_mmap_check(int fd, bool shared, bool write, struct inode **ino, bool *maywrite)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (f->f_op && f->f_op->mmap_anon)
		return MMAP_ANON;
	if (!f->inode || !inode_is_regular(f->inode))
		return -ENODEV;
	if (!file_readable(f) || (shared && write && !file_writable(f)))
		return -EACCES;
	*ino = f->inode;
	*maywrite = !shared || file_writable(f);
	return 0;
}
