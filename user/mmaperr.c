/*
 * mmaperr.c: checks mmap's, munmap's and mprotect's errors (as Linux returns them), and the
 * accesses that must kill: every fatal access is made in a child, which must die by the signal
 * named. mmaptest.c checks what mappings show. Files are created in the current directory and
 * removed at the end.
 *   mmap_len_zero, mmap_anon_len_zero, mmap_offset_unaligned, mmap_fixed_unaligned, mmap_no_type
 *                          -EINVAL
 *   mmap_hint_unaligned    an unaligned address without MAP_FIXED is only a hint: success
 *   mmap_bad_fd, mmap_closed_fd
 *                          a file mapping of descriptor -1 or of a closed one: -EBADF
 *   mmap_shared_write_rdonly, mmap_wronly
 *                          MAP_SHARED with PROT_WRITE of an O_RDONLY descriptor, and any map of an
 *                          O_WRONLY one: -EACCES
 *   mmap_private_write_rdonly, mmap_shared_read_rdonly
 *                          a writable private map and a read-only shared map of an O_RDONLY
 *                          descriptor: success
 *   mmap_fixed_past_end    MAP_FIXED at 0x3fffff0000 for 1 MiB (past the end of user space,
 *                          0x4000000000): -ENOMEM
 *   mmap_len_512g          512 GiB, more than user space: -ENOMEM
 *   mmap_no_room           256 GiB - 8 MiB: no free range that large beside the 8 MiB stack:
 *                          -ENOMEM
 *   munmap_unaligned, munmap_len_zero, mprotect_unaligned
 *                          -EINVAL
 *   mprotect_hole, mprotect_unmapped
 *                          mprotect of a range with a hole, or of nothing mapped: -ENOMEM
 *   mprotect_write_shared_rdonly
 *                          PROT_WRITE on a shared map of an O_RDONLY descriptor: -EACCES
 *   munmap_middle          munmap of the middle page of three returns 0; the first and last keep
 *                          their bytes and take stores (in a child)
 *   munmap_middle_segv     a load from the middle page kills a child with SIGSEGV
 *   munmap_hole            munmap across the hole left by munmap_middle, and of a range never
 *                          mapped, return 0
 *   munmap_hole_segv       afterwards a load from the old first page: SIGSEGV
 *   mmap_fixed             MAP_FIXED at 0x2000000000 maps exactly there
 *   mmap_fixed_replace     MAP_FIXED of a file page over the second page of that map: the first
 *                          page keeps its bytes, the second shows the file; MAP_FIXED anonymous
 *                          over both: zeros
 *   mprotect_read_only     mprotect(PROT_READ) of the middle page of three returns 0; then, each
 *                          in a child: mprotect_read_only_store a store there dies by SIGSEGV,
 *                          mprotect_read_only_load a load there and mprotect_read_only_neighbour
 *                          a store to the first page succeed
 *   mprotect_none          mprotect(PROT_NONE) of the middle page returns 0; mprotect_none_load a
 *                          child's load there dies by SIGSEGV
 *   mprotect_writable_again
 *                          mprotect(PROT_READ | PROT_WRITE) of it returns 0 and the bytes from
 *                          before are all there; mprotect_writable_again_store a child's store
 *                          succeeds; mprotect_writable_again_parent the parent's stores read back
 *   mprotect_keeps_cow     mprotect(PROT_READ | PROT_WRITE) of a page shared with a child since
 *                          fork does not make the page writable for both: the parent's later
 *                          store stays out of the child's copy
 *   mmap_lazy_100g         100 GiB of anonymous memory, touched only at both ends: stores there
 *                          read back, a page between reads zero, and (this kernel) sysinfo's
 *                          freeram falls by under 64 pages
 *   mmap_sigbus            a 100-byte file mapped shared over three pages: the first page shows
 *                          the bytes then zeros. Each of these kills a child with SIGBUS:
 *                          mmap_sigbus_load a load from page two, mmap_sigbus_store a store to
 *                          page three (both wholly past the end), mmap_sigbus_private a load from
 *                          page two of a private map, mmap_sigbus_offset a load through a map
 *                          from offset 16384
 *   mmap_sigbus_then_grow  after write() grows the file past 8192 bytes, the same load succeeds
 *                          and the map shows the new bytes (zeros in the gap)
 *   mmap_truncate_sigbus   after O_TRUNC empties the file, a load from page one: SIGBUS
 * Expected output: one "<name>: ok" line per check above; exit status 0.
 *
 * "mmaperr --linux" is for qemu-riscv64, whose address space reaches past 256 GiB: it skips
 * mmap_fixed_past_end and the freeram part of mmap_lazy_100g, and passes MAP_NORESERVE with the
 * 100 GiB map (Linux's overcommit check would refuse it otherwise).
 */
#include "ulib.h"

#define FILE_NAME "mmaperr.dat"
#define FILE_BYTES (2 * PAGE_SIZE)
#define SEED_FILE 0x19
#define SEED_ANON 0x2a
#define SEED_CHILD 0x3b
#define SEED_PARENT_LATER 0x4c
#define RW (PROT_READ | PROT_WRITE)
#define ANON (MAP_PRIVATE | MAP_ANONYMOUS)
#define UNALIGNED 100UL
#define FIXED_ADDR 0x2000000000UL		/* 128 GiB: free in a fresh process */
#define NEAR_END_ADDR 0x3fffff0000UL		/* 64 KiB below USER_END */
#define MIB (1UL << 20)
#define GIB (1UL << 30)
#define LEN_TOO_BIG (512 * GIB)
/* Fits within user space, but not beside the 8 MiB stack at its top. */
#define STACK_BYTES (8 * MIB)
#define LEN_NO_ROOM (USER_END - STACK_BYTES)
#define LAZY_BYTES (100 * GIB)
#define LAZY_FREERAM_DROP_MAX (64 * PAGE_SIZE)
#define PAGES 3
#define MIDDLE PAGE_SIZE
#define STORE_BYTE 0x5a
#define SHORT_FILE_BYTES 100UL
#define BEYOND_EOF_OFFSET (4 * PAGE_SIZE)
#define GROWN_BYTES (2 * PAGE_SIZE + 4)
#define GROW_TEXT "grow"
#define GROW_TEXT_LEN 4
#define LINUX_FLAG "--linux"

/* The descriptor an mmap case uses. */
enum fd_kind { FD_NONE, FD_RDWR, FD_RDONLY, FD_WRONLY, FD_CLOSED, NR_FD_KINDS };

/* Expected result of a case that must succeed. */
#define EXPECT_ADDRESS 1

struct mmap_case {
	const char *name;
	unsigned long addr, len;
	int prot, flags;
	enum fd_kind fd;
	long offset;
	long expect;		/* -errno, or EXPECT_ADDRESS */
	int kernel_only;	/* skipped with --linux */
};

static const struct mmap_case mmap_cases[] = {
	{ "mmap_len_zero", 0, 0, PROT_READ, MAP_PRIVATE, FD_RDWR, 0, -EINVAL, 0 },
	{ "mmap_anon_len_zero", 0, 0, RW, ANON, FD_NONE, 0, -EINVAL, 0 },
	{ "mmap_offset_unaligned", 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, FD_RDWR, UNALIGNED, -EINVAL, 0 },
	{ "mmap_fixed_unaligned", FIXED_ADDR + UNALIGNED, PAGE_SIZE, RW, ANON | MAP_FIXED, FD_NONE, 0,
	  -EINVAL, 0 },
	{ "mmap_no_type", 0, PAGE_SIZE, RW, MAP_ANONYMOUS, FD_NONE, 0, -EINVAL, 0 },
	{ "mmap_hint_unaligned", FIXED_ADDR + UNALIGNED, PAGE_SIZE, RW, ANON, FD_NONE, 0, EXPECT_ADDRESS, 0 },
	{ "mmap_bad_fd", 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, FD_NONE, 0, -EBADF, 0 },
	{ "mmap_closed_fd", 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, FD_CLOSED, 0, -EBADF, 0 },
	{ "mmap_shared_write_rdonly", 0, PAGE_SIZE, RW, MAP_SHARED, FD_RDONLY, 0, -EACCES, 0 },
	{ "mmap_wronly", 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, FD_WRONLY, 0, -EACCES, 0 },
	{ "mmap_private_write_rdonly", 0, PAGE_SIZE, RW, MAP_PRIVATE, FD_RDONLY, 0, EXPECT_ADDRESS, 0 },
	{ "mmap_shared_read_rdonly", 0, PAGE_SIZE, PROT_READ, MAP_SHARED, FD_RDONLY, 0, EXPECT_ADDRESS, 0 },
	{ "mmap_fixed_past_end", NEAR_END_ADDR, MIB, RW, ANON | MAP_FIXED, FD_NONE, 0, -ENOMEM, 1 },
	{ "mmap_len_512g", 0, LEN_TOO_BIG, RW, ANON, FD_NONE, 0, -ENOMEM, 0 },
	{ "mmap_no_room", 0, LEN_NO_ROOM, RW, ANON, FD_NONE, 0, -ENOMEM, 0 },
};

static int linux_mode;

/* Opens the descriptor of each kind (FD_CLOSED: opened and closed again; FD_NONE: -1). */
static void open_fds(long fds[NR_FD_KINDS])
{
	fds[FD_NONE] = -1;
	fds[FD_RDWR] = file_create(FILE_NAME, FILE_BYTES, SEED_FILE);
	fds[FD_RDONLY] = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	fds[FD_WRONLY] = sys_openat(AT_FDCWD, FILE_NAME, O_WRONLY, 0);
	fds[FD_CLOSED] = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	sys_close(fds[FD_CLOSED]);
}

static void test_mmap_cases(const long fds[NR_FD_KINDS])
{
	for (unsigned i = 0; i < sizeof(mmap_cases) / sizeof(mmap_cases[0]); i++) {
		const struct mmap_case *c = &mmap_cases[i];
		long got;

		if (c->kernel_only && linux_mode) {
			printf("mmaperr: %s skipped (%s)\n", c->name, LINUX_FLAG);
			continue;
		}
		got = sys_mmap((void *)c->addr, c->len, c->prot, c->flags, fds[c->fd], c->offset);
		if (!MMAP_FAILED(got))
			sys_munmap((void *)got, c->len);
		if (c->expect == EXPECT_ADDRESS)
			check(c->name, !MMAP_FAILED(got), "mmap gave %ld, expected an address", got);
		else
			check(c->name, got == c->expect, "mmap gave %ld, expected %ld", got, c->expect);
	}
}

static unsigned char *map_anon(unsigned long len)
{
	return (unsigned char *)sys_mmap(NULL, len, RW, ANON, -1, 0);
}

static void test_call_errors(const long fds[NR_FD_KINDS])
{
	unsigned char *m = map_anon(PAGES * PAGE_SIZE);
	unsigned char *shared_ro = (unsigned char *)sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED,
							   fds[FD_RDONLY], 0);
	long got;

	got = sys_munmap(m + UNALIGNED, PAGE_SIZE);
	check("munmap_unaligned", got == -EINVAL, "munmap gave %ld, expected %d", got, -EINVAL);
	got = sys_munmap(m, 0);
	check("munmap_len_zero", got == -EINVAL, "munmap gave %ld, expected %d", got, -EINVAL);
	got = sys_mprotect(m + UNALIGNED, PAGE_SIZE, PROT_READ);
	check("mprotect_unaligned", got == -EINVAL, "mprotect gave %ld, expected %d", got, -EINVAL);
	sys_munmap(m + MIDDLE, PAGE_SIZE);
	got = sys_mprotect(m, PAGES * PAGE_SIZE, PROT_READ);
	check("mprotect_hole", got == -ENOMEM, "mprotect gave %ld, expected %d", got, -ENOMEM);
	got = sys_mprotect(m + MIDDLE, PAGE_SIZE, PROT_READ);
	check("mprotect_unmapped", got == -ENOMEM, "mprotect gave %ld, expected %d", got, -ENOMEM);
	sys_munmap(m, PAGES * PAGE_SIZE);
	got = MMAP_FAILED(shared_ro) ? (long)shared_ro : sys_mprotect(shared_ro, PAGE_SIZE, RW);
	check("mprotect_write_shared_rdonly", got == -EACCES, "mmap or mprotect gave %ld, expected %d",
	      got, -EACCES);
	sys_munmap(shared_ro, PAGE_SIZE);
}

static void test_munmap(void)
{
	unsigned char *m = map_anon(PAGES * PAGE_SIZE), *last;
	long unmapped, head, tail, hole, never;
	int kept;

	if (MMAP_FAILED(m)) {
		check("munmap_middle", 0, "mmap gave %ld", (long)m);
		return;
	}
	last = m + (PAGES - 1) * PAGE_SIZE;
	for (int page = 0; page < PAGES; page++)	/* each page as if it were page 0 */
		pages_fill(m + page * PAGE_SIZE, 1, SEED_ANON);
	unmapped = sys_munmap(m + MIDDLE, PAGE_SIZE);
	kept = pages_first_bad(m, 1, SEED_ANON) == 1 && pages_first_bad(last, 1, SEED_ANON) == 1;
	head = access_in_child(m, 1, STORE_BYTE);
	tail = access_in_child(last, 1, STORE_BYTE);
	check("munmap_middle", unmapped == 0 && kept && head == 0 && tail == 0,
	      "munmap %ld; first and last page %s; a child's store to the first page: status %ld, "
	      "to the last: %ld", unmapped, kept ? "kept their bytes" : "changed", head, tail);
	check_child("munmap_middle_segv", access_in_child(m + MIDDLE, 0, 0), SIGSEGV);

	hole = sys_munmap(m, PAGES * PAGE_SIZE);
	never = sys_munmap((void *)FIXED_ADDR, PAGES * PAGE_SIZE);
	check("munmap_hole", hole == 0 && never == 0,
	      "munmap across the hole %ld, of a range never mapped %ld", hole, never);
	check_child("munmap_hole_segv", access_in_child(m, 0, 0), SIGSEGV);
}

static void test_fixed(long fd)
{
	unsigned char *fixed = (unsigned char *)FIXED_ADDR;
	long got = sys_mmap(fixed, 2 * PAGE_SIZE, RW, ANON | MAP_FIXED, -1, 0), over, anon;
	int first_kept, file_shown, zeros;

	if (got != (long)FIXED_ADDR) {
		check("mmap_fixed", 0, "mmap gave %ld, expected 0x%lx", got, FIXED_ADDR);
		return;
	}
	pages_fill(fixed, 2, SEED_ANON);
	check("mmap_fixed", pages_first_bad(fixed, 2, SEED_ANON) == 2, "the stores did not read back");

	over = sys_mmap(fixed + PAGE_SIZE, PAGE_SIZE, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0);
	first_kept = pages_first_bad(fixed, 1, SEED_ANON) == 1;
	file_shown = over == (long)(fixed + PAGE_SIZE) &&
		     pattern_first_bad(fixed + PAGE_SIZE, 0, PAGE_SIZE, SEED_FILE) == PAGE_SIZE;
	anon = sys_mmap(fixed, 2 * PAGE_SIZE, RW, ANON | MAP_FIXED, -1, 0);
	zeros = anon == (long)FIXED_ADDR && bytes_first_not(fixed, 0, 2 * PAGE_SIZE) == 2 * PAGE_SIZE;
	sys_munmap(fixed, 2 * PAGE_SIZE);
	check("mmap_fixed_replace", first_kept && file_shown && zeros,
	      "file map over the second page gave %ld: the first page %s, the second %s the file; "
	      "anonymous map over both gave %ld and %s zeros", over, first_kept ? "kept" : "lost",
	      file_shown ? "shows" : "does not show", anon, zeros ? "reads" : "does not read");
}

static void test_mprotect(void)
{
	unsigned char *m = map_anon(PAGES * PAGE_SIZE);
	long got;

	if (MMAP_FAILED(m)) {
		check("mprotect_read_only", 0, "mmap gave %ld", (long)m);
		return;
	}
	pages_fill(m, PAGES, SEED_ANON);
	got = sys_mprotect(m + MIDDLE, PAGE_SIZE, PROT_READ);
	check("mprotect_read_only", got == 0, "mprotect gave %ld", got);
	check_child("mprotect_read_only_store", access_in_child(m + MIDDLE, 1, STORE_BYTE), SIGSEGV);
	check_child("mprotect_read_only_load", access_in_child(m + MIDDLE, 0, 0), 0);
	check_child("mprotect_read_only_neighbour", access_in_child(m, 1, STORE_BYTE), 0);

	got = sys_mprotect(m + MIDDLE, PAGE_SIZE, PROT_NONE);
	check("mprotect_none", got == 0, "mprotect gave %ld", got);
	check_child("mprotect_none_load", access_in_child(m + MIDDLE, 0, 0), SIGSEGV);

	got = sys_mprotect(m + MIDDLE, PAGE_SIZE, RW);
	check_child("mprotect_writable_again_store", access_in_child(m + MIDDLE, 1, STORE_BYTE), 0);
	check("mprotect_writable_again", got == 0 && pages_first_bad(m, PAGES, SEED_ANON) == PAGES,
	      "mprotect gave %ld; first page without its bytes %lu of %d", got,
	      pages_first_bad(m, PAGES, SEED_ANON), PAGES);
	pages_fill(m, PAGES, SEED_CHILD);
	check("mprotect_writable_again_parent", pages_first_bad(m, PAGES, SEED_CHILD) == PAGES,
	      "the parent's stores did not read back");
	sys_munmap(m, PAGES * PAGE_SIZE);
}

static void test_mprotect_cow(void)
{
	unsigned char *m = map_anon(PAGE_SIZE);
	volatile int *parent_done = (volatile int *)sys_mmap(NULL, PAGE_SIZE, RW,
							      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long pid, got, status;

	if (MMAP_FAILED(m) || MMAP_FAILED(parent_done)) {
		check("mprotect_keeps_cow", 0, "mmap gave %ld and %ld", (long)m, (long)parent_done);
		return;
	}
	pages_fill(m, 1, SEED_ANON);
	pid = sys_fork();
	if (pid == 0)
		sys_exit(!await_flag(parent_done) || pages_first_bad(m, 1, SEED_ANON) != 1);
	got = sys_mprotect(m, PAGE_SIZE, RW);
	pages_fill(m, 1, SEED_PARENT_LATER);
	*parent_done = 1;
	status = wait_child(pid);
	sys_munmap(m, PAGE_SIZE);
	sys_munmap((void *)parent_done, PAGE_SIZE);
	check("mprotect_keeps_cow", got == 0 && status == 0,
	      "mprotect gave %ld; child status %ld (1: it saw the parent's store, or waited in vain)",
	      got, status);
}

static long freeram_bytes(void)
{
	struct sysinfo info;

	return sys_sysinfo(&info) == 0 ? (long)(info.freeram * info.mem_unit) : -1;
}

static void test_lazy(void)
{
	long before = freeram_bytes(), after, unmapped;
	unsigned char *m = (unsigned char *)sys_mmap(NULL, LAZY_BYTES, RW,
						     ANON | (linux_mode ? MAP_NORESERVE : 0), -1, 0);
	volatile unsigned char *last;
	int ends_ok, middle_zero, lazy_ok;

	if (MMAP_FAILED(m)) {
		check("mmap_lazy_100g", 0, "mmap of %lu GiB gave %ld", LAZY_BYTES / GIB, (long)m);
		return;
	}
	last = m + LAZY_BYTES - 1;
	m[0] = STORE_BYTE;
	*last = STORE_BYTE + 1;
	after = freeram_bytes();
	ends_ok = m[0] == STORE_BYTE && *last == STORE_BYTE + 1;
	middle_zero = m[LAZY_BYTES / 2] == 0;
	lazy_ok = linux_mode || before - after < (long)LAZY_FREERAM_DROP_MAX;
	unmapped = sys_munmap(m, LAZY_BYTES);
	check("mmap_lazy_100g", ends_ok && middle_zero && lazy_ok && unmapped == 0,
	      "map at %p: the ends %s, the middle %s; freeram fell by %ld KiB%s; munmap %ld", m,
	      ends_ok ? "read back" : "did not read back", middle_zero ? "reads zero" : "is not zero",
	      (before - after) >> 10, linux_mode ? " (not checked)" : "", unmapped);
}

static void test_sigbus(void)
{
	long fd = file_create(FILE_NAME, SHORT_FILE_BYTES, SEED_FILE), grow, wrote, child;
	unsigned char *shared = (unsigned char *)sys_mmap(NULL, PAGES * PAGE_SIZE, RW, MAP_SHARED, fd, 0);
	unsigned char *private = (unsigned char *)sys_mmap(NULL, PAGES * PAGE_SIZE, RW, MAP_PRIVATE, fd, 0);
	unsigned char *beyond = (unsigned char *)sys_mmap(NULL, PAGE_SIZE, RW, MAP_SHARED, fd,
							 BEYOND_EOF_OFFSET);
	int first_ok, grown_ok;

	if (fd < 0 || MMAP_FAILED(shared) || MMAP_FAILED(private) || MMAP_FAILED(beyond)) {
		check("mmap_sigbus", 0, "fd %ld, maps %ld, %ld, %ld", fd, (long)shared, (long)private,
		      (long)beyond);
		return;
	}
	first_ok = pattern_first_bad(shared, 0, SHORT_FILE_BYTES, SEED_FILE) == SHORT_FILE_BYTES &&
		   bytes_first_not(shared + SHORT_FILE_BYTES, 0, PAGE_SIZE - SHORT_FILE_BYTES) ==
			   PAGE_SIZE - SHORT_FILE_BYTES;
	check("mmap_sigbus", first_ok, "the first page does not show %lu file bytes then zeros",
	      SHORT_FILE_BYTES);
	check_child("mmap_sigbus_load", access_in_child(shared + PAGE_SIZE, 0, 0), SIGBUS);
	check_child("mmap_sigbus_store", access_in_child(shared + 2 * PAGE_SIZE, 1, STORE_BYTE), SIGBUS);
	check_child("mmap_sigbus_private", access_in_child(private + PAGE_SIZE, 0, 0), SIGBUS);
	check_child("mmap_sigbus_offset", access_in_child(beyond, 0, 0), SIGBUS);

	grow = sys_lseek(fd, GROWN_BYTES - GROW_TEXT_LEN, SEEK_SET);
	wrote = sys_write(fd, GROW_TEXT, GROW_TEXT_LEN);
	child = access_in_child(shared + PAGE_SIZE, 0, 0);
	grown_ok = bytes_first_not(shared + SHORT_FILE_BYTES, 0, GROWN_BYTES - GROW_TEXT_LEN - SHORT_FILE_BYTES) ==
			   GROWN_BYTES - GROW_TEXT_LEN - SHORT_FILE_BYTES &&
		   memcmp(shared + GROWN_BYTES - GROW_TEXT_LEN, GROW_TEXT, GROW_TEXT_LEN) == 0;
	check("mmap_sigbus_then_grow", grow >= 0 && wrote == GROW_TEXT_LEN && child == 0 && grown_ok,
	      "lseek %ld, write %ld; a child's load from page two: status %ld; the map %s the new "
	      "bytes", grow, wrote, child, grown_ok ? "shows" : "does not show");

	sys_close(sys_openat(AT_FDCWD, FILE_NAME, O_RDWR | O_TRUNC, 0));
	check_child("mmap_truncate_sigbus", access_in_child(shared, 0, 0), SIGBUS);
	sys_munmap(shared, PAGES * PAGE_SIZE);
	sys_munmap(private, PAGES * PAGE_SIZE);
	sys_munmap(beyond, PAGE_SIZE);
	sys_close(fd);
}

int main(int argc, char **argv, char **envp)
{
	long fds[NR_FD_KINDS];

	linux_mode = argc > 1 && strcmp(argv[1], LINUX_FLAG) == 0;
	open_fds(fds);
	test_mmap_cases(fds);
	test_call_errors(fds);
	test_munmap();
	test_fixed(fds[FD_RDWR]);
	test_mprotect();
	test_mprotect_cow();
	test_lazy();
	for (int kind = FD_RDWR; kind < FD_CLOSED; kind++)
		sys_close(fds[kind]);
	test_sigbus();
	sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	test_exit();
}
