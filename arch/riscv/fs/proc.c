/*
 * proc.c: /proc, generated when a file is opened (the open file keeps that snapshot): /proc/meminfo,
 * and for a live process /proc/<pid>/ (and /proc/self/, the caller's) holding maps, smaps, status,
 * stat and cmdline in Linux's formats, and exe, a link to the program (read with readlinkat). The address-space views come from mm (proc_fs.h). Each task slot has its
 * own static directory and file inodes, pointed at the process a lookup names; files are read-only.
 * A view longer than PROC_BUF bytes is cut there.
 */
#include "fs.h"
#include "proc.h"
#include "proc_fs.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "printk.h"
#include "uaccess.h"
#include "timer.h"
#include "memlayout.h"
#include "uapi/time.h"

#define PROC_BUF PGSIZE
#define MAX_PID 0x7fffffffUL             /* pids are positive int32 */
#define DIR_MODE (S_IFDIR | 0555)
#define FILE_MODE (S_IFREG | 0444)
#define PROC_INO_BASE (1UL << 32)        /* /proc inode numbers, far above the tree's */
#define KIB(pages) ((pages) * (PGSIZE >> 10))
#define TICKS_PER_CLOCK_TICK (10000000UL / USER_HZ)   /* time CSR ticks per USER_HZ tick */

enum proc_view { VIEW_MAPS, VIEW_SMAPS, VIEW_STATUS, VIEW_STAT, VIEW_CMDLINE, VIEW_EXE, NR_VIEWS,
		 VIEW_MEMINFO = NR_VIEWS };
static const char *const view_names[NR_VIEWS] = { "maps", "smaps", "status", "stat", "cmdline", "exe" };
#define LINK_MODE (S_IFLNK | 0777)

static struct inode *proc_root;
static struct inode pid_dirs[NR_TASKS];
static struct inode pid_files[NR_TASKS][NR_VIEWS];

/* A snapshot of a view: bytes in page. */
struct proc_buf {
	char *page;
	uint64_t len;
};

static uint64_t show_meminfo(char *buf, uint64_t size)
{
	return (uint64_t)snprintf(buf, size,
		"MemTotal:       %8lu kB\nMemFree:        %8lu kB\nMemAvailable:   %8lu kB\n"
		"Buffers:        %8lu kB\nCached:         %8lu kB\nSwapCached:     %8lu kB\n"
		"SwapTotal:      %8lu kB\nSwapFree:       %8lu kB\nDirty:          %8lu kB\n",
		KIB(phy_size / PGSIZE), KIB(nr_free_pages()), KIB(nr_free_pages()), 0UL, KIB(nr_cached_pages),
		0UL, 0UL, 0UL, 0UL);
}

static char state_letter(struct task_struct *t)
{
	if (t->state == TASK_ZOMBIE || t->state == TASK_DEAD)
		return 'Z';
	return t->state == TASK_RUNNING ? 'R' : 'S';
}

static const char *state_name(char letter)
{
	return letter == 'R' ? "running" : letter == 'S' ? "sleeping" : "zombie";
}

static uint64_t show_status(struct task_struct *t, char *buf, uint64_t size)
{
	struct proc_mm_sizes s;
	char st = state_letter(t);

	proc_mm_sizes(t->mm, &s);
	return (uint64_t)snprintf(buf, size,
		"Name:\t%s\nState:\t%c (%s)\nTgid:\t%lu\nPid:\t%lu\nPPid:\t%lu\n"
		"VmSize:\t%8lu kB\nVmRSS:\t%8lu kB\nVmData:\t%8lu kB\nVmStk:\t%8lu kB\nThreads:\t1\n",
		t->comm, st, state_name(st), t->pid, t->pid, t->parent ? t->parent->pid : 0UL, s.vm_size, s.vm_rss,
		s.vm_data, s.vm_stk);
}

/* The fields ps reads, in Linux's order; what this kernel does not keep is 0. */
static uint64_t show_stat(struct task_struct *t, char *buf, uint64_t size)
{
	struct proc_mm_sizes s;

	proc_mm_sizes(t->mm, &s);
	return (uint64_t)snprintf(buf, size,
		"%lu (%s) %c %lu %lu %lu 0 -1 0 0 0 0 0 %lu 0 0 0 %lu 0 1 0 0 %lu %lu\n",
		t->pid, t->comm, state_letter(t), t->parent ? t->parent->pid : 0UL, t->pgid, t->sid,
		task_cputime(t) / TICKS_PER_CLOCK_TICK, t->priority, s.vm_size << 10, s.vm_rss / (PGSIZE >> 10));
}

/* The view the inode stands for, into buf: its length, or -ESRCH when the process is gone. */
static long generate(struct inode *ino, char *buf)
{
	uint64_t view = ino->i_data & 0xff, n;
	struct task_struct *t;

	if (view == VIEW_MEMINFO)
		return (long)MIN(show_meminfo(buf, PROC_BUF), PROC_BUF);
	t = find_process((int32_t)(ino->i_data >> 8));
	if (!t || !t->mm)
		return -ESRCH;
	switch (view) {
	case VIEW_MAPS: n = proc_maps_show(t->mm, buf, PROC_BUF, false); break;
	case VIEW_SMAPS: n = proc_maps_show(t->mm, buf, PROC_BUF, true); break;
	case VIEW_STATUS: n = show_status(t, buf, PROC_BUF); break;
	case VIEW_CMDLINE: n = proc_cmdline(t->mm, buf, PROC_BUF); break;   /* argv[0] lowest: argv order */
	default: n = show_stat(t, buf, PROC_BUF); break;
	}
	return (long)MIN(n, PROC_BUF);
}

static int proc_open(struct file *f, struct inode *ino)
{
	struct proc_buf *b;
	long n;

	if (file_writable(f) || (ino->i_data & 0xff) == VIEW_EXE)
		return -EACCES;              /* exe is only read as a link (readlinkat) */
	b = kzalloc(sizeof(*b));
	if (!b)
		return -ENOMEM;
	f->private_data = b;
	b->page = alloc_page();
	if (!b->page)
		return -ENOMEM;
	n = generate(ino, b->page);
	if (n < 0)
		return (int)n;
	b->len = (uint64_t)n;
	return 0;
}

static long proc_read(struct file *f, uint64_t buf, uint64_t count)
{
	struct proc_buf *b = f->private_data;
	uint64_t n;

	if (f->pos >= b->len)
		return 0;
	n = MIN(count, b->len - f->pos);
	if (copy_to_user((void __user *)buf, b->page + f->pos, n))
		return -EFAULT;
	f->pos += n;
	return (long)n;
}

static long proc_write(struct file *f, uint64_t buf, uint64_t count)
{
	return -EBADF;                   /* never opened for writing */
}

static void proc_release(struct file *f)
{
	struct proc_buf *b = f->private_data;

	if (!b)
		return;
	if (b->page)
		put_page(b->page);
	kfree(b);
}

static const struct file_operations proc_fops = { .open = proc_open, .read = proc_read, .write = proc_write,
						  .release = proc_release, .mode = FILE_MODE };

/* Static inodes of a task slot hold a permanent reference: they are never freed. */
static void proc_inode(struct inode *ino, uint32_t mode, uint64_t number)
{
	ino->count = 1;
	ino->nlink = 1;
	ino->mode = mode;
	ino->ino = PROC_INO_BASE + number;
	ino->is_static = true;
	INIT_LIST_HEAD(&ino->i_mmap);
	if (inode_is_dir(ino))
		dir_init(ino);
}

/* In /proc/<pid>/: the view of that name for the slot's process. */
static struct inode *pid_lookup(struct inode *dir, const char *name, uint32_t len, long *err)
{
	int slot = (int)(dir - pid_dirs);

	for (int v = 0; v < NR_VIEWS; v++) {
		if (strlen(view_names[v]) == len && !memcmp(view_names[v], name, len)) {
			pid_files[slot][v].i_data = (dir->i_data << 8) | (uint64_t)v;
			return &pid_files[slot][v];
		}
	}
	*err = -ENOENT;
	return NULL;
}

/* The directory inode of a task slot, its inodes set up at the slot's first use (not all at boot). */
static struct inode *slot_dir(int slot, uint64_t pid)
{
	struct inode *dir = &pid_dirs[slot];

	if (!dir->count) {      /* 0 only before first use: proc_inode sets 1, a reference never dropped */
		proc_inode(dir, DIR_MODE, (uint64_t)slot * (NR_VIEWS + 1));
		dir->parent = proc_root;
		dir->lookup = pid_lookup;
		for (int v = 0; v < NR_VIEWS; v++) {
			proc_inode(&pid_files[slot][v], v == VIEW_EXE ? LINK_MODE : FILE_MODE,
				   (uint64_t)slot * (NR_VIEWS + 1) + 1 + (uint64_t)v);
			pid_files[slot][v].i_fop = &proc_fops;
		}
	}
	dir->i_data = pid;
	return dir;
}

/* The pid a /proc name stands for ("self": the caller), or 0. */
static uint64_t name_pid(const char *name, uint32_t len)
{
	uint64_t pid = 0;

	if (len == 4 && !memcmp(name, "self", 4))
		return current->pid;
	for (uint32_t i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9' || i > 9)
			return 0;
		pid = pid * 10 + (uint64_t)(name[i] - '0');
	}
	return pid;
}

/* In /proc: its files (meminfo), then a live process's directory by pid or "self". */
static struct inode *root_lookup(struct inode *dir, const char *name, uint32_t len, long *err)
{
	struct dentry *d = d_lookup(dir, name, len);
	uint64_t pid = d ? 0 : name_pid(name, len);
	struct task_struct *t = pid && pid <= MAX_PID ? find_process((int32_t)pid) : NULL;

	if (d)
		return d->inode;
	*err = -ENOENT;
	if (!t)
		return NULL;
	return slot_dir(t->slot, pid);
}

/* The live process with the lowest pid >= min, or NULL. */
static struct task_struct *next_process(uint64_t min)
{
	struct task_struct *best = NULL;

	for (int i = 1; i < nr_slots; i++) {
		struct task_struct *t = task[i];
		if (t && t->state != TASK_ZOMBIE && t->state != TASK_DEAD && t->pid >= min &&
		    (!best || t->pid < best->pid))
			best = t;
	}
	return best;
}

/* getdents64 of /proc lists each live process's directory by pid, after meminfo. */
static uint64_t root_next_extra(struct inode *dir, uint64_t pos, char *name, struct inode **ino)
{
	struct task_struct *t = next_process(pos - EXTRA_POS);

	if (!t)
		return 0;
	snprintf(name, NAME_MAX + 1, "%lu", t->pid);
	*ino = slot_dir(t->slot, t->pid);
	return EXTRA_POS + t->pid;
}

long proc_readlink(struct inode *ino, char *buf, uint64_t size)
{
	struct task_struct *t;
	struct inode *exe;

	if ((ino->mode & S_IFMT) != S_IFLNK)
		return -EINVAL;
	t = find_process((int32_t)(ino->i_data >> 8));
	exe = t && t->mm ? proc_exe_file(t->mm) : NULL;
	return exe ? (long)file_path(exe, buf, size) : -ENOENT;
}

void proc_init(void)
{
	int err;
	struct inode *meminfo;

	proc_root = vfs_mkdir(root_inode, "proc", 4, DIR_MODE, &err);
	if (!proc_root)
		return;                      /* a ramdisk file named proc came first */
	proc_root->lookup = root_lookup;
	proc_root->next_extra = root_next_extra;
	meminfo = vfs_create(proc_root, "meminfo", 7, 0, &err);
	if (meminfo) {
		meminfo->mode = FILE_MODE;
		meminfo->i_fop = &proc_fops;
		meminfo->i_data = VIEW_MEMINFO;
	}
}
