/*
 * files.c: the fuzzer's file model. A few files ("fz.0".."fz.2") have shadow contents, sizes and
 * inode numbers; a handful of descriptors have shadow offsets and modes. Every open, close, read,
 * write, lseek and fstat is checked against the shadow (fd arguments sometimes carry junk above
 * bit 31, which the kernel must ignore). Each file also has one O_RDWR descriptor kept open for
 * mem.c's file mappings; a store through a shared mapping updates the shadow (file_set_byte).
 */
#include "fuzz.h"

#define NR_MODEL_FDS 6
#define FILE_MODE 0644
#define IO_MAX (2 * PAGE_SIZE + 100)
#define SEEK_SPAN (MODEL_FILE_MAX + PAGE_SIZE)

struct model_file {
	char name[8];
	unsigned char data[MODEL_FILE_MAX];   /* bytes past size are kept zero */
	unsigned long size, ino;
	long rdwr_fd;
};

struct model_fd {
	long fd;                 /* -1: slot free */
	int file, mode, append;
	unsigned long pos;
};

static struct model_file files[NR_MODEL_FILES];
static struct model_fd fds[NR_MODEL_FDS];
static unsigned char io_buf[IO_MAX];

int file_byte(int f, unsigned long off)
{
	return off < files[f].size ? files[f].data[off] : -1;
}

void file_set_byte(int f, unsigned long off, unsigned char byte)
{
	files[f].data[off] = byte;
}

unsigned long file_size_of(int f)
{
	return files[f].size;
}

long file_rdwr_fd(int f)
{
	return files[f].rdwr_fd;
}

static long fz_open(const char *name, int flags)
{
	return fz_call(__NR_openat, AT_FDCWD, (long)name, flags, FILE_MODE, 0, 0);
}

static unsigned long ino_of(long fd)
{
	struct stat st;

	return fz_call(__NR_fstat, fd, (long)&st, 0, 0, 0, 0) == 0 ? st.st_ino : 0;
}

void files_init(void)
{
	for (int f = 0; f < NR_MODEL_FILES; f++) {
		snprintf(files[f].name, sizeof(files[f].name), "fz.%d", f);
		files[f].rdwr_fd = fz_open(files[f].name, O_RDWR | O_CREAT | O_TRUNC);
		expect_eq("open model file", files[f].rdwr_fd >= 0, 1);
		files[f].ino = ino_of(files[f].rdwr_fd);
	}
	for (int i = 0; i < NR_MODEL_FDS; i++)
		fds[i].fd = -1;
}

/* The shadow of a truncation to size: bytes past it zero, private copies of pages past it forgotten. */
static void model_truncate(int f, unsigned long size)
{
	if (size < files[f].size) {
		memset(files[f].data + size, 0, files[f].size - size);
		mem_file_truncated(f, size);
	}
	files[f].size = size;
}

static void op_open(struct model_fd *d)
{
	static const int modes[] = { O_RDONLY, O_WRONLY, O_RDWR };
	int f = (int)rnd_below(NR_MODEL_FILES), mode = modes[rnd_below(3)];
	int flags = mode | (rnd_chance(30) ? O_APPEND : 0) | (rnd_chance(8) ? O_TRUNC : 0);

	if (rnd_chance(10)) {
		expect_eq("O_CREAT|O_EXCL of an existing file", fz_open(files[f].name, flags | O_CREAT | O_EXCL),
			  -EEXIST);
		return;
	}
	d->fd = fz_open(files[f].name, (int)with_high_junk(flags | (rnd_chance(50) ? O_CREAT : 0)));
	if (!expect_eq("openat of a model file", d->fd >= 0, 1)) {
		d->fd = -1;
		return;
	}
	*d = (struct model_fd){ d->fd, f, mode, flags & O_APPEND ? 1 : 0, 0 };
	if (flags & O_TRUNC)
		model_truncate(f, 0);
}

static void op_close(struct model_fd *d)
{
	expect_eq("close", fz_call(__NR_close, (long)with_high_junk(d->fd), 0, 0, 0, 0, 0), 0);
	expect_eq("close again", fz_call(__NR_close, d->fd, 0, 0, 0, 0, 0), -EBADF);
	d->fd = -1;
}

/* Bytes a write of want at the descriptor's position may make without passing the model's cap. */
static unsigned long write_room(struct model_fd *d, unsigned long want)
{
	unsigned long pos = d->append ? files[d->file].size : d->pos;

	return pos >= MODEL_FILE_MAX ? 0 : want < MODEL_FILE_MAX - pos ? want : MODEL_FILE_MAX - pos;
}

static void op_write(struct model_fd *d)
{
	struct model_file *mf = &files[d->file];
	unsigned long n = write_room(d, rnd_below(IO_MAX)), pos;

	if (d->mode == O_RDONLY) {
		expect_eq("write to O_RDONLY", fz_call(__NR_write, d->fd, (long)io_buf, 1, 0, 0, 0), -EBADF);
		return;
	}
	if (d->pos > MODEL_FILE_MAX && !d->append)
		return;                      /* would grow the file past what the model holds */
	for (unsigned long i = 0; i < n; i++)
		io_buf[i] = (unsigned char)rnd();
	if (!expect_eq("write", fz_call(__NR_write, (long)with_high_junk(d->fd), (long)io_buf, n, 0, 0, 0), n))
		return;
	if (!n)
		return;                      /* a zero-length write moves nothing, even with O_APPEND */
	pos = d->append ? mf->size : d->pos;
	memcpy(mf->data + pos, io_buf, n);
	mf->size = pos + n > mf->size ? pos + n : mf->size;
	d->pos = pos + n;
}

static void op_read(struct model_fd *d)
{
	struct model_file *mf = &files[d->file];
	unsigned long n = rnd_below(IO_MAX);
	long want = d->pos >= mf->size ? 0 : (long)(n < mf->size - d->pos ? n : mf->size - d->pos);
	long got;

	if (d->mode == O_WRONLY) {
		expect_eq("read from O_WRONLY", fz_call(__NR_read, d->fd, (long)io_buf, 1, 0, 0, 0), -EBADF);
		return;
	}
	got = fz_call(__NR_read, (long)with_high_junk(d->fd), (long)io_buf, n, 0, 0, 0);
	if (!expect_eq("read", got, want) || !want)
		return;
	expect_eq("read bytes", memcmp(io_buf, mf->data + d->pos, want), 0);
	d->pos += want;
}

/* What Linux's lseek gives for the model (a new position, or -errno). */
static long lseek_model(struct model_fd *d, long off, int whence)
{
	unsigned long size = files[d->file].size;
	long base = whence == SEEK_CUR ? (long)d->pos : whence == SEEK_END ? (long)size : 0;

	if (whence == SEEK_DATA || whence == SEEK_HOLE)
		return (unsigned long)off >= size ? -ENXIO : whence == SEEK_DATA ? off : (long)size;
	if (whence > SEEK_HOLE)
		return -EINVAL;
	return base + off < 0 ? -EINVAL : base + off;
}

static void op_lseek(struct model_fd *d)
{
	long off = (long)rnd_below(SEEK_SPAN + 2 * PAGE_SIZE) - 2 * (long)PAGE_SIZE;
	int whence = (int)rnd_below(SEEK_HOLE + 2);
	long want = lseek_model(d, off, whence);

	if (expect_eq("lseek", fz_call(__NR_lseek, d->fd, off, (long)with_high_junk(whence), 0, 0, 0), want) &&
	    want >= 0)
		d->pos = (unsigned long)want;
}

static void op_fstat(struct model_fd *d)
{
	struct stat st;

	memset(&st, 0xa5, sizeof(st));
	if (!expect_eq("fstat", fz_call(__NR_fstat, (long)with_high_junk(d->fd), (long)&st, 0, 0, 0, 0), 0))
		return;
	expect_eq("fstat st_size", st.st_size, (long)files[d->file].size);
	expect_eq("fstat st_ino", (long)st.st_ino, (long)files[d->file].ino);
	expect_eq("fstat S_IFREG", st.st_mode & S_IFMT, S_IFREG);
}

/* pread64 / pwrite64 at a random position: the offset stays where it was. */
static void op_pread_pwrite(struct model_fd *d)
{
	struct model_file *mf = &files[d->file];
	unsigned long pos = rnd_below(MODEL_FILE_MAX), n = rnd_below(IO_MAX);
	int write = rnd_chance(50) && d->mode != O_RDONLY;
	long want;

	if (write) {
		n = n < MODEL_FILE_MAX - pos ? n : MODEL_FILE_MAX - pos;
		for (unsigned long i = 0; i < n; i++)
			io_buf[i] = (unsigned char)rnd();
	}
	if (write && d->append)
		return;                      /* Linux's pwrite with O_APPEND appends: not modelled */
	want = write ? (long)n : d->mode == O_WRONLY ? -EBADF : pos >= mf->size ? 0 :
		(long)(n < mf->size - pos ? n : mf->size - pos);
	if (!expect_eq(write ? "pwrite64" : "pread64",
		       fz_call(write ? __NR_pwrite64 : __NR_pread64, d->fd, (long)io_buf, (long)n, (long)pos, 0, 0), want))
		return;
	if (write && n) {
		memcpy(mf->data + pos, io_buf, n);
		mf->size = pos + n > mf->size ? pos + n : mf->size;
	} else if (!write && want > 0) {
		expect_eq("pread64 bytes", memcmp(io_buf, mf->data + pos, want), 0);
	}
	expect_eq("offset after pread64/pwrite64", fz_call(__NR_lseek, d->fd, 0, SEEK_CUR, 0, 0, 0), (long)d->pos);
}

static void op_ftruncate(struct model_fd *d)
{
	unsigned long size = rnd_below(MODEL_FILE_MAX + 1);

	if (!expect_eq("ftruncate", fz_call(__NR_ftruncate, (long)with_high_junk(d->fd), (long)size, 0, 0, 0, 0),
		       d->mode == O_RDONLY ? -EINVAL : 0) || d->mode == O_RDONLY)
		return;
	model_truncate(d->file, size);
}

void files_op(void)
{
	struct model_fd *d = &fds[rnd_below(NR_MODEL_FDS)];
	static void (*const ops[])(struct model_fd *) = { op_close, op_write, op_write, op_read, op_read,
							   op_lseek, op_fstat, op_pread_pwrite, op_ftruncate };

	if (d->fd < 0)
		op_open(d);
	else
		ops[rnd_below(sizeof(ops) / sizeof(ops[0]))](d);
}

void files_close_all(void)
{
	for (int fd = 0; fd < 64; fd++)
		fz_call(__NR_close, fd, 0, 0, 0, 0, 0);
	for (int f = 0; f < NR_MODEL_FILES; f++)
		files[f].name[0] = '\0';    /* nothing a wild jump runs into can open them by name */
}

void files_cleanup(void)
{
	for (int f = 0; f < NR_MODEL_FILES; f++)
		fz_call(__NR_unlinkat, AT_FDCWD, (long)files[f].name, 0, 0, 0, 0);
}
