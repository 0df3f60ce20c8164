/*
 * readdir.c: getdents64. A directory's entries come in creation order after "." and "..", each with a
 * stable position (its d_off is the position after it), so a listing resumes where the last call
 * stopped, however small the buffer, while entries come and go. Each open directory keeps a cursor
 * in the list (a dentry with no inode) just before the next entry, so resuming costs nothing; an
 * lseek to another position moves the cursor by one scan.
 */
#include "fs.h"
#include "mm.h"
#include "syscall.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"

#define DT_CHR 2
#define DT_DIR 4
#define DT_REG 8
/* struct linux_dirent64: d_ino, d_off, d_reclen, d_type at these offsets, then the name. */
#define DIRENT_INO 0
#define DIRENT_OFF 8
#define DIRENT_RECLEN 16
#define DIRENT_TYPE 18
#define DIRENT_HEADER 19
#define DIRENT_ALIGN 8
#define POS_DOT 0
#define POS_DOTDOT 1
#define POS_ENTRIES 2              /* the first entry's position, see dir.c */

/* Records are built in a kernel page and copied out a page at a time. */
struct dirent_buf {
	uint8_t *page;
	uint32_t used;            /* bytes in page not yet copied out */
	uint64_t ubuf;            /* where the next copy-out goes */
	uint64_t left;            /* user bytes still free */
	uint64_t done;            /* user bytes filled */
};

static uint8_t dtype(const struct inode *ino)
{
	switch (ino->mode & S_IFMT) {
	case S_IFDIR: return DT_DIR;
	case S_IFCHR: return DT_CHR;
	default: return DT_REG;
	}
}

static long flush(struct dirent_buf *b)
{
	if (b->used && copy_to_user((void __user *)b->ubuf, b->page, b->used))
		return -EFAULT;
	b->ubuf += b->used;
	b->used = 0;
	return 0;
}

/*
 * Add one record: 1 if it fit, 0 if the buffer is full, or -EFAULT. Records start 8-byte aligned in
 * the page, so the fixed fields are plain stores; the last word is zeroed first (NUL and padding).
 */
static long emit(struct dirent_buf *b, const struct inode *ino, const char *name, uint32_t len, uint64_t next)
{
	uint32_t reclen = (DIRENT_HEADER + len + 1 + DIRENT_ALIGN - 1) & ~(DIRENT_ALIGN - 1);
	uint8_t *rec;

	if (reclen > b->left)
		return 0;
	if (b->used + reclen > PGSIZE && flush(b))
		return -EFAULT;
	rec = b->page + b->used;
	*(uint64_t *)(rec + reclen - DIRENT_ALIGN) = 0;
	*(uint64_t *)(rec + DIRENT_INO) = ino->ino;
	*(int64_t *)(rec + DIRENT_OFF) = (int64_t)next;
	*(uint16_t *)(rec + DIRENT_RECLEN) = (uint16_t)reclen;
	rec[DIRENT_TYPE] = dtype(ino);
	memcpy(rec + DIRENT_HEADER, name, len);
	b->used += reclen;
	b->left -= reclen;
	b->done += reclen;
	return 1;
}

/* Put the cursor just before the first entry at or after pos (position pos). */
static void cursor_seek(struct inode *dir, struct dentry *cursor, uint64_t pos)
{
	struct list_head *at = &dir->children;

	list_del(&cursor->sibling);
	if (pos > POS_ENTRIES) {
		struct dentry *d;
		for (d = d_next(dir, at); d && d->cookie < pos; d = d_next(dir, at))
			at = &d->sibling;
	}
	list_add(&cursor->sibling, at);
	cursor->cookie = pos;
}

/* The open directory's cursor, made on first use; NULL if memory is out. */
static struct dentry *dir_cursor(struct file *f)
{
	struct dentry *cursor = f->private_data;

	if (!cursor) {
		cursor = kzalloc(sizeof(*cursor));
		if (!cursor)
			return NULL;
		list_add(&cursor->sibling, &f->inode->children);
		f->private_data = cursor;
	}
	if (cursor->cookie != f->pos)
		cursor_seek(f->inode, cursor, f->pos);
	return cursor;
}

/* After the real entries: the entries the directory makes on demand (/proc's pids). */
static long fill_extra(struct file *f, struct dirent_buf *b)
{
	char name[NAME_MAX + 1];
	struct inode *ino;
	uint64_t pos;
	long r = 1;

	while (r > 0 && (pos = f->inode->next_extra(f->inode, MAX(f->pos, EXTRA_POS), name, &ino))) {
		r = emit(b, ino, name, (uint32_t)strlen(name), pos + 1);
		if (r > 0)
			f->pos = pos + 1;
	}
	return r;
}

/* Fill b from the cursor's position on; moves the cursor and f->pos past what was returned. */
static long fill(struct file *f, struct dentry *cursor, struct dirent_buf *b)
{
	struct inode *dir = f->inode;
	struct list_head *at = &cursor->sibling;
	struct dentry *d;
	long r = 1;

	if (f->pos == POS_DOT && (r = emit(b, dir, ".", 1, POS_DOTDOT)) > 0)
		f->pos = POS_DOTDOT;
	if (r > 0 && f->pos == POS_DOTDOT && (r = emit(b, dir->parent, "..", 2, POS_ENTRIES)) > 0)
		f->pos = POS_ENTRIES;
	for (d = d_next(dir, at); r > 0 && d; d = d_next(dir, at)) {
		r = emit(b, d->inode, d->name, d->len, d->cookie + 1);
		if (r > 0) {
			f->pos = d->cookie + 1;
			at = &d->sibling;
		}
	}
	if (at != &cursor->sibling) {
		list_del(&cursor->sibling);
		list_add(&cursor->sibling, at);
	}
	if (r > 0 && dir->next_extra)
		r = fill_extra(f, b);
	cursor->cookie = f->pos;
	return r < 0 ? r : 0;
}

/* Linux: getdents64(unsigned int fd, struct linux_dirent64 *dirp, unsigned int count). */
long sys_getdents64(uint64_t fd, uint64_t ubuf, uint64_t ucount)
{
	struct file *f = fget((int)(unsigned int)fd);
	struct dirent_buf b = { .ubuf = ubuf, .left = (uint32_t)ucount };
	struct dentry *cursor;
	long err;

	if (!f)
		return -EBADF;
	if (!f->inode || !inode_is_dir(f->inode))
		return -ENOTDIR;
	if (!access_ok(ubuf, b.left))
		return -EFAULT;
	cursor = dir_cursor(f);
	b.page = alloc_page();
	if (!cursor || !b.page) {
		if (b.page)
			put_page(b.page);
		return -ENOMEM;
	}
	err = fill(f, cursor, &b);
	if (!err)
		err = flush(&b);
	put_page(b.page);
	if (err)
		return err;
	if (!b.done && (f->pos < POS_ENTRIES || d_next(f->inode, &cursor->sibling)))
		return -EINVAL;          /* not even one record fits */
	return (long)b.done;
}

/* The cursor of an open directory goes with its last reference (file.c's fput). */
void dir_release(struct file *f)
{
	struct dentry *cursor = f->private_data;

	if (cursor) {
		list_del(&cursor->sibling);
		kfree(cursor);
	}
}
