/*
 * filetest.c: checks the file system calls (openat, read, write, lseek, close, fstat, unlinkat)
 * against Linux semantics. Files are created in the current directory and removed at the end.
 *   file_create_read      create a file, write 10000 pattern bytes, read them back
 *   file_unaligned        read() from every file offset mod 8 into every buffer offset mod 8, at
 *                         lengths around the word, 32-, 128- and 256-byte steps of the kernel's
 *                         copies, gives the file's bytes and leaves the bytes around the buffer
 *                         alone; write() from such buffers stores exactly its bytes
 *   file_page_end         write() from and read() into buffers of every length mod 32 that end on
 *                         the last byte before an unmapped page: the whole count, the right bytes
 *   file_lseek            SEEK_SET, SEEK_CUR and SEEK_END land where they should; a read across
 *                         the end is short, a read at the end and past it returns 0; a negative
 *                         position is -EINVAL
 *   file_append           O_APPEND writes go to the end even after an lseek to 0
 *   file_trunc            O_TRUNC empties the file (fstat size 0, read returns 0)
 *   file_excl             O_CREAT | O_EXCL on an existing name is -EEXIST, on a new name creates it
 *   file_missing          openat of a name that does not exist, without O_CREAT: -ENOENT
 *   file_fstat            fstat reports the size and a regular file (S_IFREG)
 *   file_unlink_open      after unlinkat the open descriptor still reads the data and fstat's
 *                         st_nlink goes from 1 to 0; openat and a second unlinkat of the name
 *                         give -ENOENT
 *   file_rmdir_regular    unlinkat with AT_REMOVEDIR of a regular file: -ENOTDIR, and the file
 *                         stays
 *   file_hole             a write three pages past the end grows the file; the gap reads zero
 *   file_index_levels     one byte written at page 0, then past the first 512 pages, then at the
 *                         last page of a 1 GiB file, then at page 511 (the cache's index grows a
 *                         level under the pages already there): each reads back, a page between
 *                         them reads zero
 *   file_write_zero_past_end
 *                         write() of 0 bytes at a position past the end returns 0 and leaves the
 *                         size alone
 *   file_ramdisk          the ramdisk program file "echoargs" starts with "\177ELF" and is not
 *                         writable through an O_RDONLY descriptor
 *   file_emfile           opening until it fails ends with -EMFILE after 64 - 3 = 61 descriptors;
 *                         once they are closed, openat works again
 *   file_bad_fd           read, write, close, lseek and fstat of a closed descriptor, of -1 and of
 *                         1000: -EBADF
 *   file_wrong_mode       write to an O_RDONLY descriptor and read from an O_WRONLY one: -EBADF
 *   file_fork_offset      a child's read through an inherited descriptor advances the parent's
 *                         offset (the open file is shared, not copied)
 *   file_efault           read into NULL, a kernel address and this program's (read-only) text,
 *                         and write from NULL and a kernel address: -EFAULT; a failed write past
 *                         the end does not grow the file
 * Expected output: one "<name>: ok" line per check above; exit status 0.
 *
 * "filetest --linux" relaxes what is particular to this kernel, for a run under qemu-riscv64 from
 * a scratch directory: file_emfile only needs -EMFILE after at least 61 descriptors (Linux's limit
 * is RLIMIT_NOFILE), and file_ramdisk is skipped when no "echoargs" file is in the directory.
 */
#include "ulib.h"

#define FILE_NAME "filetest.dat"
#define OTHER_NAME "filetest2.dat"
#define FILE_MODE 0644
#define FILE_BYTES 10000UL
#define SEED 0x3c
#define OTHER_SEED 0x5d
#define APPEND_TEXT "tail"
#define APPEND_LEN 4
#define SEEK_TO 100L
#define SEEK_BY 50L
#define SHORT_READ 10UL
#define EXTRA_READ 100UL
#define HOLE_START 100UL
#define HOLE_GAP_PAGES 3UL
#define HOLE_END (HOLE_GAP_PAGES * PAGE_SIZE + HOLE_START)
#define HOLE_TAIL 10UL
#define FAR_POSITION 50000L
#define CHILD_READ 100UL
#define CHILD_BAD_READ 1
#define RAMDISK_PROGRAM "echoargs"
#define ELF_MAGIC "\177ELF"
#define ELF_MAGIC_LEN 4
#define NR_DESCRIPTORS 64
#define CONSOLE_DESCRIPTORS 3
/* Most descriptors file_emfile keeps open (for filetest --linux: Linux's limit is RLIMIT_NOFILE). */
#define OPEN_CAP 65536
#define BAD_FD_FAR 1000
#define NR_BAD_FDS 3
#define LINUX_FLAG "--linux"

/* Room for the largest read: the holed file and EXTRA_READ more. */
#define BUF_BYTES (HOLE_END + EXTRA_READ)
#define INDEX_SPAN 512UL                   /* pages one index page of the kernel's cache reaches */
#define LAST_FILE_PAGE (INDEX_SPAN * INDEX_SPAN - 1)   /* of the largest file, 1 GiB */
#define GAP_PAGE 300UL
#define BYTE_STEP 17
_Static_assert(BUF_BYTES >= FILE_BYTES + EXTRA_READ, "buf must hold the whole file and more");

static unsigned char buf[BUF_BYTES];
static int fds[OPEN_CAP];	/* bss: pages are only touched as far as used */

static void test_create_read(void)
{
	long fd = file_create(FILE_NAME, FILE_BYTES, SEED), got = -1;
	unsigned long bad = 0;

	if (fd >= 0) {
		got = read_at(fd, 0, buf, FILE_BYTES);
		bad = pattern_first_bad(buf, 0, FILE_BYTES, SEED);
		sys_close(fd);
	}
	check("file_create_read", fd >= 0 && got == (long)FILE_BYTES && bad == FILE_BYTES,
	      "openat/write gave %ld, read back %ld of %lu bytes, first wrong byte %lu", fd, got,
	      FILE_BYTES, bad);
}

static void test_lseek(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long end, set, cur, mid, back, short_read, at_end, far, past_end, negative;
	int mid_ok;

	end = sys_lseek(fd, 0, SEEK_END);
	set = sys_lseek(fd, SEEK_TO, SEEK_SET);
	cur = sys_lseek(fd, SEEK_BY, SEEK_CUR);
	mid = sys_read(fd, buf, SHORT_READ);
	mid_ok = mid == (long)SHORT_READ &&
		 pattern_first_bad(buf, SEEK_TO + SEEK_BY, SHORT_READ, SEED) == SHORT_READ;
	back = sys_lseek(fd, -(long)SHORT_READ, SEEK_END);
	short_read = sys_read(fd, buf, EXTRA_READ);
	at_end = sys_read(fd, buf, EXTRA_READ);
	far = sys_lseek(fd, FAR_POSITION, SEEK_SET);
	past_end = sys_read(fd, buf, EXTRA_READ);
	negative = sys_lseek(fd, -1, SEEK_SET);
	sys_close(fd);
	check("file_lseek",
	      end == (long)FILE_BYTES && set == SEEK_TO && cur == SEEK_TO + SEEK_BY && mid_ok &&
		      back == (long)(FILE_BYTES - SHORT_READ) && short_read == (long)SHORT_READ &&
		      at_end == 0 && far == FAR_POSITION && past_end == 0 && negative == -EINVAL,
	      "fd %ld: SEEK_END %ld, SEEK_SET %ld, SEEK_CUR %ld, read there %ld (%s), SEEK_END-%lu %ld, "
	      "read %ld, at end %ld, SEEK_SET %ld %ld, read %ld, SEEK_SET -1 %ld", fd, end, set, cur, mid,
	      mid_ok ? "right" : "wrong", SHORT_READ, back, short_read, at_end, FAR_POSITION, far,
	      past_end, negative);
}

static void test_append(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_WRONLY | O_APPEND, 0);
	long rewind = sys_lseek(fd, 0, SEEK_SET);
	long wrote = sys_write(fd, APPEND_TEXT, APPEND_LEN);
	long pos = sys_lseek(fd, 0, SEEK_CUR), size = file_size(fd), got;
	long reader = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	int head_ok, tail_ok;

	got = read_at(reader, 0, buf, sizeof(buf));
	head_ok = pattern_first_bad(buf, 0, FILE_BYTES, SEED) == FILE_BYTES;
	tail_ok = memcmp(buf + FILE_BYTES, APPEND_TEXT, APPEND_LEN) == 0;
	sys_close(reader);
	sys_close(fd);
	check("file_append",
	      fd >= 0 && rewind == 0 && wrote == APPEND_LEN && pos == (long)FILE_BYTES + APPEND_LEN &&
		      size == pos && got == size && head_ok && tail_ok,
	      "fd %ld, lseek 0 gave %ld, write %ld, offset then %ld, size %ld, read %ld, old bytes "
	      "%s, appended bytes %s", fd, rewind, wrote, pos, size, got, head_ok ? "kept" : "changed",
	      tail_ok ? "at the end" : "not at the end");
}

static void test_trunc(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDWR | O_TRUNC, 0);
	long size = file_size(fd), got = sys_read(fd, buf, EXTRA_READ);

	sys_close(fd);
	check("file_trunc", fd >= 0 && size == 0 && got == 0, "fd %ld, size %ld, read %ld", fd, size,
	      got);
}

static void test_excl_missing(void)
{
	long existing = sys_openat(AT_FDCWD, FILE_NAME, O_RDWR | O_CREAT | O_EXCL, FILE_MODE);
	long fresh = sys_openat(AT_FDCWD, OTHER_NAME, O_RDWR | O_CREAT | O_EXCL, FILE_MODE);
	long removed, missing;

	if (existing >= 0)
		sys_close(existing);
	if (fresh >= 0)
		sys_close(fresh);
	removed = sys_unlinkat(AT_FDCWD, OTHER_NAME, 0);
	missing = sys_openat(AT_FDCWD, OTHER_NAME, O_RDONLY, 0);
	if (missing >= 0)
		sys_close(missing);
	check("file_excl", existing == -EEXIST && fresh >= 0 && removed == 0,
	      "existing name gave %ld (expected %d), new name gave %ld, unlinkat %ld", existing,
	      -EEXIST, fresh, removed);
	check("file_missing", missing == -ENOENT, "openat gave %ld, expected %d", missing, -ENOENT);
}

static void test_fstat(void)
{
	long fd = file_create(FILE_NAME, FILE_BYTES, SEED);
	struct stat st;
	long err = sys_fstat(fd, &st);

	sys_close(fd);
	check("file_fstat", err == 0 && st.st_size == (long)FILE_BYTES && (st.st_mode & S_IFMT) == S_IFREG,
	      "fstat %ld, size %ld (expected %lu), mode 0%o", err, err ? 0 : st.st_size, FILE_BYTES,
	      err ? 0 : st.st_mode);
}

static void test_unlink_open(void)
{
	struct stat st;
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long links_before = sys_fstat(fd, &st) == 0 ? (long)st.st_nlink : -1;
	long removed = sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	long links_after = sys_fstat(fd, &st) == 0 ? (long)st.st_nlink : -1;
	long got = read_at(fd, 0, buf, FILE_BYTES);
	int data_ok = got == (long)FILE_BYTES && pattern_first_bad(buf, 0, FILE_BYTES, SEED) == FILE_BYTES;
	long reopen = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long again = sys_unlinkat(AT_FDCWD, FILE_NAME, 0);

	if (reopen >= 0)
		sys_close(reopen);
	sys_close(fd);
	check("file_unlink_open",
	      fd >= 0 && removed == 0 && links_before == 1 && links_after == 0 && data_ok &&
		      reopen == -ENOENT && again == -ENOENT,
	      "fd %ld, unlinkat %ld, st_nlink %ld then %ld, read %ld bytes (%s), openat then %ld, "
	      "unlinkat again %ld", fd, removed, links_before, links_after, got,
	      data_ok ? "right" : "wrong", reopen, again);
}

static void test_rmdir_regular(void)
{
	long fd = file_create(OTHER_NAME, SHORT_READ, SEED), removed, reopen;

	if (fd >= 0)
		sys_close(fd);
	removed = sys_unlinkat(AT_FDCWD, OTHER_NAME, AT_REMOVEDIR);
	reopen = sys_openat(AT_FDCWD, OTHER_NAME, O_RDONLY, 0);
	if (reopen >= 0)
		sys_close(reopen);
	sys_unlinkat(AT_FDCWD, OTHER_NAME, 0);
	check("file_rmdir_regular", fd >= 0 && removed == -ENOTDIR && reopen >= 0,
	      "fd %ld, unlinkat with AT_REMOVEDIR %ld (expected %d), openat then %ld", fd, removed,
	      -ENOTDIR, reopen);
}

static void test_hole(void)
{
	long fd = file_create(FILE_NAME, HOLE_START, SEED);
	long pos = sys_lseek(fd, HOLE_END, SEEK_SET);
	long wrote = sys_write(fd, APPEND_TEXT, APPEND_LEN), size = file_size(fd);
	long got = read_at(fd, 0, buf, HOLE_END + EXTRA_READ);
	unsigned long zeros = bytes_first_not(buf + HOLE_START, 0, HOLE_END - HOLE_START);
	int ends_ok = pattern_first_bad(buf, 0, HOLE_START, SEED) == HOLE_START &&
		      memcmp(buf + HOLE_END, APPEND_TEXT, APPEND_LEN) == 0;
	long far, zero_write, zero_size;

	check("file_hole",
	      fd >= 0 && pos == (long)HOLE_END && wrote == APPEND_LEN && size == (long)HOLE_END + APPEND_LEN &&
		      got == size && zeros == HOLE_END - HOLE_START && ends_ok,
	      "fd %ld, lseek %ld, write %ld, size %ld (expected %lu), read %ld, gap byte %lu of %lu "
	      "not zero, data at the ends %s", fd, pos, wrote, size, HOLE_END + APPEND_LEN, got,
	      zeros, HOLE_END - HOLE_START, ends_ok ? "right" : "wrong");

	far = sys_lseek(fd, FAR_POSITION, SEEK_SET);
	zero_write = sys_write(fd, APPEND_TEXT, 0);
	zero_size = file_size(fd);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	check("file_write_zero_past_end", far == FAR_POSITION && zero_write == 0 && zero_size == size,
	      "lseek to %ld gave %ld, write of 0 bytes %ld, size then %ld (expected %ld)",
	      FAR_POSITION, far, zero_write, zero_size, size);
}

/* The file offset of the byte test_index_levels writes to page index_pages[i]. */
static const unsigned long index_pages[] = { 0, INDEX_SPAN + 1, LAST_FILE_PAGE, INDEX_SPAN - 1 };
#define INDEX_WRITES (sizeof(index_pages) / sizeof(index_pages[0]))

static unsigned long index_offset(unsigned long i)
{
	return index_pages[i] * PAGE_SIZE + i;
}

static void test_index_levels(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_CREAT | O_TRUNC | O_RDWR, FILE_MODE), wrote = 0, got = 0;
	unsigned char byte = 0xff;
	unsigned long i, bad = INDEX_WRITES;

	for (i = 0; i < INDEX_WRITES; i++) {
		unsigned char value = (unsigned char)((i + 1) * BYTE_STEP);
		sys_lseek(fd, (long)index_offset(i), SEEK_SET);
		wrote += sys_write(fd, &value, 1);
	}
	for (i = 0; i < INDEX_WRITES && bad == INDEX_WRITES; i++) {
		got += read_at(fd, (long)index_offset(i), &byte, 1);
		if (byte != (unsigned char)((i + 1) * BYTE_STEP))
			bad = i;
	}
	got += read_at(fd, GAP_PAGE * PAGE_SIZE, &byte, 1);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	check("file_index_levels", fd >= 0 && wrote == (long)INDEX_WRITES && got == (long)INDEX_WRITES + 1 &&
	      bad == INDEX_WRITES && byte == 0, "fd %ld, wrote %ld, read %ld bytes, first wrong byte %lu of %lu, "
	      "gap byte %d", fd, wrote, got, bad, INDEX_WRITES, byte);
}

static void test_ramdisk(int on_linux)
{
	char magic[ELF_MAGIC_LEN];
	long fd = sys_openat(AT_FDCWD, RAMDISK_PROGRAM, O_RDONLY, 0), got, size, wrote;

	if (fd == -ENOENT && on_linux) {
		printf("filetest: file_ramdisk skipped (no %s here, %s)\n", RAMDISK_PROGRAM, LINUX_FLAG);
		return;
	}
	got = sys_read(fd, magic, ELF_MAGIC_LEN);
	size = file_size(fd);
	wrote = sys_write(fd, magic, ELF_MAGIC_LEN);
	sys_close(fd);
	check("file_ramdisk",
	      fd >= 0 && got == ELF_MAGIC_LEN && memcmp(magic, ELF_MAGIC, ELF_MAGIC_LEN) == 0 &&
		      size > ELF_MAGIC_LEN && wrote == -EBADF,
	      "openat %ld, read %ld bytes (%s), size %ld, write to O_RDONLY %ld", fd, got,
	      got == ELF_MAGIC_LEN && memcmp(magic, ELF_MAGIC, ELF_MAGIC_LEN) == 0 ? "ELF magic" :
										      "no ELF magic",
	      size, wrote);
}

static void test_emfile(int on_linux)
{
	long fd = 0, err = 0, reopen;
	int opened = 0, closed = 0;

	while (opened < OPEN_CAP) {
		fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDWR | O_CREAT, FILE_MODE);
		if (fd < 0) {
			err = fd;
			break;
		}
		fds[opened++] = fd;
	}
	for (int i = 0; i < opened; i++)
		if (sys_close(fds[i]) == 0)
			closed++;
	reopen = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	if (reopen >= 0)
		sys_close(reopen);
	check("file_emfile",
	      err == -EMFILE && closed == opened && reopen >= 0 &&
		      (on_linux ? opened >= NR_DESCRIPTORS - CONSOLE_DESCRIPTORS :
			       opened == NR_DESCRIPTORS - CONSOLE_DESCRIPTORS),
	      "%d opened, then openat gave %ld (expected %d after %d%s), %d closed, openat then %ld",
	      opened, err, -EMFILE, NR_DESCRIPTORS - CONSOLE_DESCRIPTORS, on_linux ? " or more" : "",
	      closed, reopen);
}

/* The calls file_bad_fd makes on each bad descriptor, in this order. */
enum { BAD_READ, BAD_WRITE, BAD_CLOSE, BAD_LSEEK, BAD_FSTAT, NR_BAD_CALLS };

static void test_bad_fd(void)
{
	long closed_fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long bad_fds[NR_BAD_FDS] = { closed_fd, -1, BAD_FD_FAR }, got[NR_BAD_CALLS];
	struct stat st;
	char byte = 0;
	int i, call = NR_BAD_CALLS;

	sys_close(closed_fd);
	for (i = 0; i < NR_BAD_FDS && call == NR_BAD_CALLS; i++) {
		got[BAD_READ] = sys_read(bad_fds[i], &byte, 1);
		got[BAD_WRITE] = sys_write(bad_fds[i], &byte, 1);
		got[BAD_CLOSE] = sys_close(bad_fds[i]);
		got[BAD_LSEEK] = sys_lseek(bad_fds[i], 0, SEEK_SET);
		got[BAD_FSTAT] = sys_fstat(bad_fds[i], &st);
		for (call = 0; call < NR_BAD_CALLS && got[call] == -EBADF; call++)
			;
	}
	check("file_bad_fd", closed_fd >= 0 && call == NR_BAD_CALLS,
	      "fd %ld: read %ld, write %ld, close %ld, lseek %ld, fstat %ld (expected %d each)",
	      bad_fds[i - 1], got[BAD_READ], got[BAD_WRITE], got[BAD_CLOSE], got[BAD_LSEEK],
	      got[BAD_FSTAT], -EBADF);
}

static void test_wrong_mode(void)
{
	long reader = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long writer = sys_openat(AT_FDCWD, FILE_NAME, O_WRONLY, 0);
	long wrote = sys_write(reader, APPEND_TEXT, APPEND_LEN);
	long got = sys_read(writer, buf, APPEND_LEN);
	long size = file_size(reader);

	sys_close(reader);
	sys_close(writer);
	check("file_wrong_mode", reader >= 0 && writer >= 0 && wrote == -EBADF && got == -EBADF && size == 0,
	      "fds %ld and %ld: write to O_RDONLY %ld, read from O_WRONLY %ld (expected %d), size %ld",
	      reader, writer, wrote, got, -EBADF, size);
}

static int child_read(void *fd)
{
	return sys_read((int)(long)fd, buf, CHILD_READ) == (long)CHILD_READ ? 0 : CHILD_BAD_READ;
}

static void test_fork_offset(void)
{
	long fd = file_create(FILE_NAME, FILE_BYTES, OTHER_SEED);
	long rewind = sys_lseek(fd, 0, SEEK_SET);
	long status = fork_run(child_read, (void *)fd);
	long pos = sys_lseek(fd, 0, SEEK_CUR), got = sys_read(fd, buf, SHORT_READ);
	int next_ok = got == (long)SHORT_READ &&
		      pattern_first_bad(buf, CHILD_READ, SHORT_READ, OTHER_SEED) == SHORT_READ;

	sys_close(fd);
	check("file_fork_offset", fd >= 0 && rewind == 0 && status == 0 && pos == (long)CHILD_READ && next_ok,
	      "fd %ld, child status %ld, parent's offset after the child read %lu bytes: %ld, next "
	      "read %ld (%s)", fd, status, CHILD_READ, pos, got, next_ok ? "right" : "wrong");
}

static void test_efault(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDWR, 0);
	long size = file_size(fd);
	long read_null = read_at(fd, 0, NULL, SHORT_READ);
	long read_kernel = read_at(fd, 0, (void *)KERNEL_ADDR, SHORT_READ);
	long read_text = read_at(fd, 0, (void *)test_efault, SHORT_READ);
	long write_null, write_kernel, grown;

	sys_lseek(fd, FAR_POSITION, SEEK_SET);
	write_null = sys_write(fd, NULL, SHORT_READ);
	write_kernel = sys_write(fd, (void *)KERNEL_ADDR, SHORT_READ);
	grown = file_size(fd);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	check("file_efault",
	      fd >= 0 && read_null == -EFAULT && read_kernel == -EFAULT && read_text == -EFAULT &&
		      write_null == -EFAULT && write_kernel == -EFAULT && grown == size,
	      "fd %ld: read into NULL %ld, into 0x%lx %ld, into text %ld; write at %ld from NULL "
	      "%ld, from 0x%lx %ld (expected %d); size %ld before, %ld after", fd, read_null,
	      KERNEL_ADDR, read_kernel, read_text, FAR_POSITION, write_null, KERNEL_ADDR,
	      write_kernel, -EFAULT, size, grown);
}

#define ALIGN_NAME "filetest3.dat"
#define ALIGN_SPAN 8                     /* offsets 0..7 of the file and of the buffer */
#define GUARD_BYTE 0xee
static const unsigned long unaligned_lens[] = { 1, 7, 8, 15, 16, 17, 31, 32, 33, 129, 255, 256, 257, 300, 600 };

/* read() of len bytes at file offset off into buf + at; 1 when they and the guards around are right. */
static int read_unaligned(int fd, unsigned long off, unsigned long at, unsigned long len)
{
	memset(buf, GUARD_BYTE, at + len + ALIGN_SPAN);
	return read_at(fd, (long)off, buf + at, len) == (long)len && pattern_first_bad(buf + at, off, len, SEED) == len &&
	       bytes_first_not(buf, GUARD_BYTE, at) == at &&
	       bytes_first_not(buf + at + len, GUARD_BYTE, ALIGN_SPAN) == ALIGN_SPAN;
}

static void test_unaligned(void)
{
	long fd = file_create(ALIGN_NAME, FILE_BYTES, SEED), wrote = 0;
	unsigned long bad = 0, tries = 0, back;

	for (unsigned long off = 0; fd >= 0 && off < ALIGN_SPAN; off++)
		for (unsigned long at = 0; at < ALIGN_SPAN; at++)
			for (unsigned long i = 0; i < sizeof(unaligned_lens) / sizeof(unaligned_lens[0]); i++, tries++)
				bad += !read_unaligned((int)fd, off, at, unaligned_lens[i]);
	/* write back from a misaligned buffer what the file holds, then read it all */
	if (fd >= 0 && read_at((int)fd, 3, buf + 5, 1000) == 1000 && sys_lseek((int)fd, 3, SEEK_SET) == 3)
		wrote = sys_write((int)fd, buf + 5, 1000);
	back = fd >= 0 ? (unsigned long)read_at((int)fd, 0, buf, FILE_BYTES) : 0;
	check("file_unaligned", fd >= 0 && !bad && wrote == 1000 && back == FILE_BYTES &&
	      pattern_first_bad(buf, 0, FILE_BYTES, SEED) == FILE_BYTES,
	      "fd %ld: %lu of %lu reads wrong; write %ld; whole file %s", fd, bad, tries, wrote,
	      pattern_first_bad(buf, 0, FILE_BYTES, SEED) == FILE_BYTES ? "right" : "wrong");
	if (fd >= 0)
		sys_close((int)fd);
	sys_unlinkat(AT_FDCWD, ALIGN_NAME, 0);
}

#define EDGE_LEN_FIRST 288UL                 /* 9 x 32 bytes, then every length up to 32 more */
#define EDGE_LENS 32UL

/* write() from and read() into buffers ending where an unmapped page starts. */
static void test_page_end(void)
{
	char *m = (char *)sys_mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long fd = file_create(ALIGN_NAME, FILE_BYTES, SEED);
	unsigned long bad = 0, len;

	if (MMAP_FAILED(m) || sys_munmap(m + PAGE_SIZE, PAGE_SIZE) || fd < 0) {
		check("file_page_end", 0, "mmap %ld, file %ld", (long)m, fd);
		return;
	}
	for (len = EDGE_LEN_FIRST; len < EDGE_LEN_FIRST + EDGE_LENS; len++) {
		char *at = m + PAGE_SIZE - len;
		for (unsigned long k = 0; k < len; k++)
			at[k] = (char)file_pattern(len + k, SEED);   /* the pattern from offset len */
		bad += sys_lseek((int)fd, 0, SEEK_SET) != 0 || sys_write((int)fd, at, len) != (long)len;
		memset(at, 0, len);
		bad += read_at((int)fd, 0, at, len) != (long)len || pattern_first_bad(at, len, len, SEED) != len;
	}
	sys_close((int)fd);
	sys_unlinkat(AT_FDCWD, ALIGN_NAME, 0);
	sys_munmap(m, PAGE_SIZE);
	check("file_page_end", !bad, "%lu of %lu writes or reads wrong", bad, 2 * EDGE_LENS);
}

int main(int argc, char **argv, char **envp)
{
	int on_linux = argc > 1 && strcmp(argv[1], LINUX_FLAG) == 0;

	test_create_read();
	test_unaligned();
	test_page_end();
	test_lseek();
	test_append();
	test_trunc();
	test_excl_missing();
	test_fstat();
	test_unlink_open();
	test_rmdir_regular();
	test_hole();
	test_index_levels();
	test_ramdisk(on_linux);
	test_emfile(on_linux);
	test_bad_fd();
	test_wrong_mode();
	test_fork_offset();
	test_efault();
	test_exit();
}
