/*
 * mmaptest.c: checks what file and anonymous mappings show, and to whom (mmaperr.c checks the
 * error cases, munmap, mprotect, MAP_FIXED and faults). Files are created in the current
 * directory and removed at the end.
 *   mmap_read_only_tail    a 5000-byte file mapped read-only, shared and private, from an
 *                          O_RDONLY descriptor: the 5000 bytes, then zeros to the end of the
 *                          second page (bytes 5000..8191)
 *   mmap_after_close       a mapping outlives the descriptor it was made from
 *   mmap_private_write     stores through a MAP_PRIVATE map stay in it: read(), a second private
 *                          map and a shared map of the file still show the original bytes
 *   mmap_shared_write      stores through a MAP_SHARED map are the file: read() sees them before
 *                          and after munmap, and so does a new map
 *   mmap_shared_tail       a store past the end of the file, in its last (partly mapped) page,
 *                          does not grow the file
 *   mmap_shared_child      a child's stores through an inherited shared map reach the parent
 *                          and the file
 *   mmap_private_fork      a private file map across fork: the child sees the parent's earlier
 *                          store and the file's untouched page; afterwards neither side sees the
 *                          other's stores (the two take turns through a shared anonymous page)
 *   mmap_two_files         two files mapped at once, the second from offset 4096: each map shows
 *                          its own file's bytes from its offset, and a store reaches only its file
 *   mmap_anon_private      1 MiB of MAP_PRIVATE | MAP_ANONYMOUS reads zero; across fork each
 *                          side keeps its own stores
 *   mmap_anon_shared       1 MiB of MAP_SHARED | MAP_ANONYMOUS reads zero; the child's stores
 *                          reach the parent
 *   mmap_anon_shared_far   1 GiB and a page of MAP_SHARED | MAP_ANONYMOUS: a store at its first and
 *                          at its last page (the kernel's cache index grows to its third level)
 *                          reaches a child, and the child's store at the last page the parent
 *   mmap_unlinked          a file unlinked while mapped (and mapped again from its descriptor
 *                          after the unlink and the close) lives on: both maps show the bytes,
 *                          and a store through one shows in the other
 * Expected output: one "<name>: ok" line per check above; exit status 0 (also under Linux).
 */
#include "ulib.h"

#define FILE_A "mmaptest_a.dat"
#define FILE_B "mmaptest_b.dat"
#define TAIL_FILE_BYTES 5000UL
#define TAIL_MAP_BYTES (2 * PAGE_SIZE)
#define TWO_PAGES (2 * PAGE_SIZE)
#define THREE_PAGES (3 * PAGE_SIZE)
#define B_OFFSET PAGE_SIZE
#define STORE_AT 100UL
#define STORE_A 0xa5
#define STORE_B 0xb6
#define ANON_BYTES (1UL << 20)
#define ANON_PAGES (ANON_BYTES / PAGE_SIZE)
/* Pattern seeds: the file's bytes, and what the parent, the child and the parent again store. */
#define SEED_FILE 0x21
#define SEED_OTHER_FILE 0x43
#define SEED_PARENT 0x65
#define SEED_CHILD 0x87
#define SEED_PARENT_LATER 0xa9
/* Exit-code bits of the mmap_private_fork child. */
#define BAD_INHERITED 1		/* the parent's pre-fork store or the file page looked wrong */
#define BAD_OWN 2		/* its own stores did not read back */
#define BAD_LEAK 4		/* the parent's later store showed up */
#define BAD_TURN 8		/* the parent never took its turn */
/* Exit code of a child whose inherited map showed wrong bytes. */
#define CHILD_SAW_WRONG 1

static unsigned char buf[THREE_PAGES];

/* mmap at an address of the kernel's choice; the result as a pointer (MMAP_FAILED tells errors). */
static unsigned char *map(unsigned long len, int prot, int flags, int fd, long offset)
{
	return (unsigned char *)sys_mmap(NULL, len, prot, flags, fd, offset);
}

static void fill_pattern(unsigned char *mem, unsigned long offset, unsigned long len, unsigned seed)
{
	for (unsigned long i = 0; i < len; i++)
		mem[i] = file_pattern(offset + i, seed);
}

/* True when the file behind fd holds exactly len bytes of seed's pattern (read with read()). */
static int file_holds(int fd, unsigned long len, unsigned seed)
{
	return read_at(fd, 0, buf, sizeof(buf)) == (long)len &&
	       pattern_first_bad(buf, 0, len, seed) == len;
}

/* The 5000 bytes, then zeros to the end of the map. */
static int tail_map_ok(const unsigned char *m)
{
	return pattern_first_bad(m, 0, TAIL_FILE_BYTES, SEED_FILE) == TAIL_FILE_BYTES &&
	       bytes_first_not(m + TAIL_FILE_BYTES, 0, TAIL_MAP_BYTES - TAIL_FILE_BYTES) ==
		       TAIL_MAP_BYTES - TAIL_FILE_BYTES;
}

static void test_read_only_tail(void)
{
	long fd = file_create(FILE_A, TAIL_FILE_BYTES, SEED_FILE);
	long ro = sys_openat(AT_FDCWD, FILE_A, O_RDONLY, 0);
	unsigned char *shared = map(TAIL_FILE_BYTES, PROT_READ, MAP_SHARED, ro, 0);
	unsigned char *private = map(TAIL_FILE_BYTES, PROT_READ, MAP_PRIVATE, ro, 0);
	int shared_ok = !MMAP_FAILED(shared) && tail_map_ok(shared);
	int private_ok = !MMAP_FAILED(private) && tail_map_ok(private);

	sys_munmap(shared, TAIL_FILE_BYTES);
	sys_munmap(private, TAIL_FILE_BYTES);
	sys_close(ro);
	sys_close(fd);
	check("mmap_read_only_tail", fd >= 0 && ro >= 0 && shared_ok && private_ok,
	      "fds %ld and %ld; shared map %p %s, private map %p %s", fd, ro, shared,
	      shared_ok ? "right" : "wrong", private, private_ok ? "right" : "wrong");
}

static void test_after_close(void)
{
	long ro = sys_openat(AT_FDCWD, FILE_A, O_RDONLY, 0);
	unsigned char *m = map(TAIL_FILE_BYTES, PROT_READ, MAP_PRIVATE, ro, 0);
	long closed = sys_close(ro);
	int ok = !MMAP_FAILED(m) && tail_map_ok(m);
	long unmapped = sys_munmap(m, TAIL_FILE_BYTES);

	check("mmap_after_close", ro >= 0 && closed == 0 && ok && unmapped == 0,
	      "fd %ld, map %p, close %ld, contents then %s, munmap %ld", ro, m, closed,
	      ok ? "right" : "wrong", unmapped);
}

static void test_private_write(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_A, O_RDWR, 0);
	unsigned char *mine = map(TAIL_MAP_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	unsigned char *other, *shared;
	int mine_ok, other_ok, shared_ok, file_ok;

	if (MMAP_FAILED(mine)) {
		check("mmap_private_write", 0, "fd %ld, mmap %ld", fd, (long)mine);
		return;
	}
	fill_pattern(mine, 0, TAIL_MAP_BYTES, SEED_PARENT);
	other = map(TAIL_MAP_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	shared = map(TAIL_MAP_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	mine_ok = pattern_first_bad(mine, 0, TAIL_MAP_BYTES, SEED_PARENT) == TAIL_MAP_BYTES;
	other_ok = !MMAP_FAILED(other) && tail_map_ok(other);
	shared_ok = !MMAP_FAILED(shared) && tail_map_ok(shared);
	file_ok = file_holds(fd, TAIL_FILE_BYTES, SEED_FILE);
	sys_munmap(mine, TAIL_MAP_BYTES);
	sys_munmap(other, TAIL_MAP_BYTES);
	sys_munmap(shared, TAIL_MAP_BYTES);
	sys_close(fd);
	check("mmap_private_write", mine_ok && other_ok && shared_ok && file_ok,
	      "the private map %s its stores; a second private map %s, a shared map %s, read() %s "
	      "the original bytes", mine_ok ? "kept" : "lost", other_ok ? "shows" : "does not show",
	      shared_ok ? "shows" : "does not show", file_ok ? "shows" : "does not show");
}

static void test_shared_write(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_A, O_RDWR, 0);
	unsigned char *m = map(TAIL_MAP_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), *again;
	int before, after, new_map, tail_bytes_ok;
	long unmapped, size;

	if (MMAP_FAILED(m)) {
		check("mmap_shared_write", 0, "fd %ld, mmap %ld", fd, (long)m);
		return;
	}
	fill_pattern(m, 0, TAIL_FILE_BYTES, SEED_PARENT);
	before = file_holds(fd, TAIL_FILE_BYTES, SEED_PARENT);
	m[TAIL_FILE_BYTES] = STORE_A;	/* past the end of the file, inside its last page */
	size = file_size(fd);
	tail_bytes_ok = file_holds(fd, TAIL_FILE_BYTES, SEED_PARENT);
	unmapped = sys_munmap(m, TAIL_MAP_BYTES);
	after = file_holds(fd, TAIL_FILE_BYTES, SEED_PARENT);
	again = map(TAIL_FILE_BYTES, PROT_READ, MAP_SHARED, fd, 0);
	new_map = !MMAP_FAILED(again) &&
		  pattern_first_bad(again, 0, TAIL_FILE_BYTES, SEED_PARENT) == TAIL_FILE_BYTES;
	sys_munmap(again, TAIL_FILE_BYTES);
	sys_close(fd);
	check("mmap_shared_write", before && unmapped == 0 && after && new_map,
	      "read() %s the stores before munmap; munmap %ld; read() %s them after it, a new map "
	      "%s them", before ? "sees" : "does not see", unmapped, after ? "sees" : "does not see",
	      new_map ? "shows" : "does not show");
	check("mmap_shared_tail", size == (long)TAIL_FILE_BYTES && tail_bytes_ok,
	      "after a store at offset %lu of a %lu-byte file: fstat size %ld, read() %s",
	      TAIL_FILE_BYTES, TAIL_FILE_BYTES, size, tail_bytes_ok ? "unchanged" : "changed");
}

static int child_stores(void *shared)
{
	fill_pattern(shared, 0, TAIL_FILE_BYTES, SEED_CHILD);
	return 0;
}

static void test_shared_child(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_A, O_RDWR, 0), status;
	unsigned char *m = map(TAIL_MAP_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	int map_ok, file_ok;

	if (MMAP_FAILED(m)) {
		check("mmap_shared_child", 0, "fd %ld, mmap %ld", fd, (long)m);
		return;
	}
	status = fork_run(child_stores, m);
	map_ok = pattern_first_bad(m, 0, TAIL_FILE_BYTES, SEED_CHILD) == TAIL_FILE_BYTES;
	file_ok = file_holds(fd, TAIL_FILE_BYTES, SEED_CHILD);
	sys_munmap(m, TAIL_MAP_BYTES);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, FILE_A, 0);
	check("mmap_shared_child", status == 0 && map_ok && file_ok,
	      "child status %ld; the parent's map %s, read() %s the child's stores", status,
	      map_ok ? "shows" : "does not show", file_ok ? "sees" : "does not see");
}

/* The turn-taking page of mmap_private_fork, shared by parent and child. */
struct turns {
	volatile int child_done;
	volatile int parent_done;
};

/* Page 0 holds a store made before the fork, page 1 the file's bytes. */
static int private_fork_child(unsigned char *m, struct turns *turns)
{
	int bad = 0;

	if (pattern_first_bad(m, 0, PAGE_SIZE, SEED_PARENT) != PAGE_SIZE ||
	    pattern_first_bad(m + PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, SEED_FILE) != PAGE_SIZE)
		bad |= BAD_INHERITED;
	fill_pattern(m, 0, TWO_PAGES, SEED_CHILD);
	turns->child_done = 1;
	if (!await_flag(&turns->parent_done))
		bad |= BAD_TURN;
	if (pattern_first_bad(m, 0, TWO_PAGES, SEED_CHILD) != TWO_PAGES)
		bad |= m[0] == file_pattern(0, SEED_PARENT_LATER) ? BAD_LEAK : BAD_OWN;
	return bad;
}

static void test_private_fork(void)
{
	long fd = file_create(FILE_A, TWO_PAGES, SEED_FILE), pid, status;
	unsigned char *m = map(TWO_PAGES, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	struct turns *turns = (struct turns *)map(PAGE_SIZE, PROT_READ | PROT_WRITE,
						  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int turn_ok, unseen, kept, file_ok;

	if (fd < 0 || MMAP_FAILED(m) || MMAP_FAILED(turns)) {
		check("mmap_private_fork", 0, "fd %ld, file map %ld, turns map %ld", fd, (long)m,
		      (long)turns);
		return;
	}
	fill_pattern(m, 0, PAGE_SIZE, SEED_PARENT);
	pid = sys_fork();
	if (pid == 0)
		sys_exit(private_fork_child(m, turns));
	turn_ok = await_flag(&turns->child_done);
	unseen = pattern_first_bad(m, 0, PAGE_SIZE, SEED_PARENT) == PAGE_SIZE &&
		 pattern_first_bad(m + PAGE_SIZE, PAGE_SIZE, PAGE_SIZE, SEED_FILE) == PAGE_SIZE;
	fill_pattern(m, 0, PAGE_SIZE, SEED_PARENT_LATER);
	turns->parent_done = 1;
	status = wait_child(pid);
	kept = pattern_first_bad(m, 0, PAGE_SIZE, SEED_PARENT_LATER) == PAGE_SIZE;
	file_ok = file_holds(fd, TWO_PAGES, SEED_FILE);
	sys_munmap(m, TWO_PAGES);
	sys_munmap(turns, PAGE_SIZE);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, FILE_A, 0);
	check("mmap_private_fork", status == 0 && turn_ok && unseen && kept && file_ok,
	      "child status %ld (exit-code bits: 1 inherited bytes wrong, 2 own stores lost, 4 saw "
	      "the parent's store, 8 parent never took its turn); child %s its turn; the parent %s "
	      "the child's stores, %s its own; the file %s", status, turn_ok ? "took" : "never took",
	      unseen ? "does not see" : "sees", kept ? "keeps" : "lost",
	      file_ok ? "is unchanged" : "changed");
}

static void test_two_files(void)
{
	long fa = file_create(FILE_A, TWO_PAGES, SEED_FILE);
	long fb = file_create(FILE_B, THREE_PAGES, SEED_OTHER_FILE);
	unsigned char *a = map(TWO_PAGES, PROT_READ | PROT_WRITE, MAP_SHARED, fa, 0);
	unsigned char *b = map(TWO_PAGES, PROT_READ | PROT_WRITE, MAP_SHARED, fb, B_OFFSET);
	unsigned char byte_a = 0, byte_b = 0;
	int contents_ok, a_only = 0, b_only = 0;

	if (fa < 0 || fb < 0 || MMAP_FAILED(a) || MMAP_FAILED(b)) {
		check("mmap_two_files", 0, "fds %ld and %ld, maps %ld and %ld", fa, fb, (long)a, (long)b);
		return;
	}
	contents_ok = pattern_first_bad(a, 0, TWO_PAGES, SEED_FILE) == TWO_PAGES &&
		      pattern_first_bad(b, B_OFFSET, TWO_PAGES, SEED_OTHER_FILE) == TWO_PAGES;
	a[STORE_AT] = STORE_A;
	b[STORE_AT] = STORE_B;
	if (read_at(fa, STORE_AT, &byte_a, 1) == 1 && read_at(fb, B_OFFSET + STORE_AT, &byte_b, 1) == 1) {
		/* Each store is at its own offset and nowhere else in either file. */
		a_only = byte_a == STORE_A && read_at(fb, STORE_AT, &byte_a, 1) == 1 &&
			 byte_a == file_pattern(STORE_AT, SEED_OTHER_FILE);
		b_only = byte_b == STORE_B && read_at(fa, B_OFFSET + STORE_AT, &byte_b, 1) == 1 &&
			 byte_b == file_pattern(B_OFFSET + STORE_AT, SEED_FILE);
	}
	sys_munmap(a, TWO_PAGES);
	sys_munmap(b, TWO_PAGES);
	sys_close(fa);
	sys_close(fb);
	sys_unlinkat(AT_FDCWD, FILE_A, 0);
	sys_unlinkat(AT_FDCWD, FILE_B, 0);
	check("mmap_two_files", contents_ok && a_only && b_only,
	      "maps %s their files' bytes; the store through the first map %s, through the second "
	      "map %s", contents_ok ? "show" : "do not show",
	      a_only ? "reached only its file" : "went wrong", b_only ? "reached only its file" : "went wrong");
}

static int anon_private_child(void *m)
{
	int saw_parent = pages_first_bad(m, ANON_PAGES, SEED_PARENT) == ANON_PAGES;

	pages_fill(m, ANON_PAGES, SEED_CHILD);
	return saw_parent && pages_first_bad(m, ANON_PAGES, SEED_CHILD) == ANON_PAGES ? 0 : CHILD_SAW_WRONG;
}

static void test_anon_private(void)
{
	unsigned char *m = map(ANON_BYTES, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long zeros;
	long status;
	int kept;

	if (MMAP_FAILED(m)) {
		check("mmap_anon_private", 0, "mmap %ld", (long)m);
		return;
	}
	zeros = bytes_first_not(m, 0, ANON_BYTES);
	pages_fill(m, ANON_PAGES, SEED_PARENT);
	status = fork_run(anon_private_child, m);
	kept = pages_first_bad(m, ANON_PAGES, SEED_PARENT) == ANON_PAGES;
	sys_munmap(m, ANON_BYTES);
	check("mmap_anon_private", zeros == ANON_BYTES && status == 0 && kept,
	      "first non-zero byte %lu of %lu; child status %ld; the parent %s its own stores",
	      zeros, ANON_BYTES, status, kept ? "keeps" : "lost");
}

static int anon_shared_child(void *m)
{
	pages_fill(m, ANON_PAGES, SEED_CHILD);
	return 0;
}

static void test_anon_shared(void)
{
	unsigned char *m = map(ANON_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	unsigned long zeros, first_bad;
	long status;

	if (MMAP_FAILED(m)) {
		check("mmap_anon_shared", 0, "mmap %ld", (long)m);
		return;
	}
	zeros = bytes_first_not(m, 0, ANON_BYTES);
	status = fork_run(anon_shared_child, m);
	first_bad = pages_first_bad(m, ANON_PAGES, SEED_CHILD);
	sys_munmap(m, ANON_BYTES);
	check("mmap_anon_shared", zeros == ANON_BYTES && status == 0 && first_bad == ANON_PAGES,
	      "first non-zero byte %lu of %lu; child status %ld; first page without the child's "
	      "stores %lu of %lu", zeros, ANON_BYTES, status, first_bad, ANON_PAGES);
}

#define FAR_PAGES (512UL * 512 + 1)         /* past what two 512-entry index levels reach */
#define FAR_BYTES (FAR_PAGES * PAGE_SIZE)
#define FAR_FIRST 0x11
#define FAR_LAST 0x22
#define FAR_CHILD 0x33

/* The child of mmap_anon_shared_far: sees both parent stores, then stores at the last page. */
static int anon_far_child(void *arg)
{
	unsigned char *m = arg;
	int seen = m[0] == FAR_FIRST && m[FAR_BYTES - 1] == FAR_LAST;

	m[FAR_BYTES - 1] = FAR_CHILD;
	return seen ? 0 : 1;
}

static void test_anon_shared_far(void)
{
	unsigned char *m = map(FAR_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long status;
	int seen;

	if (MMAP_FAILED(m)) {
		check("mmap_anon_shared_far", 0, "mmap %ld", (long)m);
		return;
	}
	m[0] = FAR_FIRST;
	m[FAR_BYTES - 1] = FAR_LAST;
	status = fork_run(anon_far_child, m);
	seen = m[0] == FAR_FIRST && m[FAR_BYTES - 1] == FAR_CHILD && m[FAR_BYTES / 2] == 0;
	sys_munmap(m, FAR_BYTES);
	check("mmap_anon_shared_far", status == 0 && seen, "child status %ld; the parent %s the child's store",
	      status, seen ? "sees" : "misses");
}

static void test_unlinked(void)
{
	long fd = file_create(FILE_B, THREE_PAGES, SEED_OTHER_FILE), removed, reopen, closed;
	unsigned char *before = map(THREE_PAGES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0), *after;
	int both_ok, store_ok;

	removed = sys_unlinkat(AT_FDCWD, FILE_B, 0);
	after = map(THREE_PAGES, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	closed = sys_close(fd);
	reopen = sys_openat(AT_FDCWD, FILE_B, O_RDONLY, 0);
	if (reopen >= 0)
		sys_close(reopen);
	if (MMAP_FAILED(before) || MMAP_FAILED(after)) {
		check("mmap_unlinked", 0, "fd %ld, maps %ld and %ld", fd, (long)before, (long)after);
		return;
	}
	both_ok = pattern_first_bad(before, 0, THREE_PAGES, SEED_OTHER_FILE) == THREE_PAGES &&
		  pattern_first_bad(after, 0, THREE_PAGES, SEED_OTHER_FILE) == THREE_PAGES;
	before[THREE_PAGES - 1] = STORE_B;
	store_ok = after[THREE_PAGES - 1] == STORE_B;
	sys_munmap(before, THREE_PAGES);
	sys_munmap(after, THREE_PAGES);
	check("mmap_unlinked", removed == 0 && closed == 0 && reopen == -ENOENT && both_ok && store_ok,
	      "unlinkat %ld, close %ld, openat of the name %ld; the maps %s the bytes; a store "
	      "through one %s in the other", removed, closed, reopen, both_ok ? "show" : "do not show",
	      store_ok ? "shows" : "does not show");
}

int main(int argc, char **argv, char **envp)
{
	test_read_only_tail();
	test_after_close();
	test_private_write();
	test_shared_write();
	test_shared_child();
	test_private_fork();
	test_two_files();
	test_anon_private();
	test_anon_shared();
	test_anon_shared_far();
	test_unlinked();
	test_exit();
}
