/*
 * mem.c: the fuzzer's memory model. Two regions have a shadow entry per page: the arena (ARENA_PAGES
 * pages at ARENA_BASE, mapped only with MAP_FIXED: anonymous private or shared, shared or private maps
 * of the model files at page offsets that may lie past their end) and the heap (moved with brk). A
 * page's shadow holds its kind, its protection and what its first byte must read (anonymous pages and
 * private copies keep their own byte; file pages read the file's shadow). After each operation the
 * pages it touched are probed without risking a fault: write(probe file, page, 1) must succeed exactly
 * when the page is readable (PROT_WRITE implies read, as Linux on riscv), the byte must match, and
 * read(probe file, page, 1) of that same byte must succeed exactly when the page is writable.
 * Children check what the parent cannot: that fork copies the model, and that a load, store or jump
 * dies by SIGSEGV or SIGBUS exactly when the model says so.
 */
#include "fuzz.h"

#define HEAP_PAGES 32
#define MAX_MAP_PAGES 8
#define FILE_OFFSET_PAGES 5          /* offsets 0..4 pages: the model files hold at most 4 */
#define NR_PROTS 8                   /* every combination of PROT_READ, PROT_WRITE, PROT_EXEC */
#define PAST_EOF (-2)                /* expected_byte: inside a file map but wholly past the end */
#define UNREADABLE (-1)
#define FAULT_SIGNALS (SIG_BIT(SIGSEGV) | SIG_BIT(SIGBUS))
#define ZERO_CODE_SIGNALS SIG_BIT(SIGILL)   /* an all-zero instruction is illegal */

enum kind { K_NONE, K_ANON, K_ANON_SHARED, K_FILE_SHARED, K_FILE_PRIVATE, NR_KINDS };

struct shadow_page {
	unsigned char kind, prot;
	unsigned char copied;        /* a private file page written: it holds its own byte now */
	unsigned char byte;          /* anonymous or copied: the first byte */
	int file;
	unsigned long foff;          /* file offset of the page */
};

struct region {
	const char *name;
	unsigned long base;
	int npages;                  /* pages in the shadow (the heap: pages below the break) */
	struct shadow_page page[ARENA_PAGES > HEAP_PAGES ? ARENA_PAGES : HEAP_PAGES];
};

static struct region arena = { "arena", ARENA_BASE, ARENA_PAGES };
static struct region heap = { "heap" };
static unsigned long heap_brk;       /* the break the model expects */
static long probe_fd;

void mem_init(void)
{
	probe_fd = fz_call(__NR_openat, AT_FDCWD, (long)"fz.probe", O_RDWR | O_CREAT | O_TRUNC, 0644, 0, 0);
	expect_eq("open probe file", probe_fd >= 0, 1);
	heap_brk = (unsigned long)fz_call(__NR_brk, 0, 0, 0, 0, 0, 0);
	heap.base = PAGE_ROUND_UP(heap_brk);
	heap_brk = heap.base;
	expect_eq("brk to a page boundary", fz_call(__NR_brk, (long)heap_brk, 0, 0, 0, 0, 0), (long)heap_brk);
}

static int expected_byte(const struct shadow_page *p)
{
	int b;

	if (p->kind == K_NONE || !(p->prot & (PROT_READ | PROT_WRITE)))
		return UNREADABLE;
	if (p->kind != K_FILE_SHARED && p->kind != K_FILE_PRIVATE)
		return p->byte;
	b = file_byte(p->file, p->foff);
	if (p->kind == K_FILE_PRIVATE && p->copied)
		return b < 0 ? PAST_EOF : p->byte;
	return b < 0 ? PAST_EOF : b;
}

static unsigned char *page_addr(const struct region *r, int i)
{
	return (unsigned char *)(r->base + (unsigned long)i * PAGE_SIZE);
}

/* Probe page i of r (see the file comment); returns 1 when everything matched. */
static int probe_page(struct region *r, int i)
{
	struct shadow_page *p = &r->page[i];
	unsigned char *addr = page_addr(r, i);
	int want = expected_byte(p), ok;

	fz_call(__NR_lseek, probe_fd, 0, SEEK_SET, 0, 0, 0);
	ok = expect_eq(r->name, fz_call(__NR_write, probe_fd, (long)addr, 1, 0, 0, 0), want >= 0 ? 1 : -EFAULT);
	if (!ok || want < 0)
		return ok;
	ok = expect_eq("first byte of page", *(volatile unsigned char *)addr, want);
	fz_call(__NR_lseek, probe_fd, 0, SEEK_SET, 0, 0, 0);
	ok &= expect_eq("kernel store into page", fz_call(__NR_read, probe_fd, (long)addr, 1, 0, 0, 0),
			p->prot & PROT_WRITE ? 1 : -EFAULT);
	if ((p->prot & PROT_WRITE) && p->kind == K_FILE_PRIVATE && !p->copied) {
		p->copied = 1;           /* the kernel's store made the private copy */
		p->byte = (unsigned char)want;
	}
	return ok;
}

static void probe_range(struct region *r, int first, int n)
{
	for (int i = first; i < first + n && i < r->npages; i++)
		if (!probe_page(r, i))
			return;
}

int mem_probe_all(void)
{
	unsigned long before = stats->mismatches;

	probe_range(&arena, 0, arena.npages);
	probe_range(&heap, 0, heap.npages);
	return (int)(stats->mismatches - before);
}

void mem_file_truncated(int f, unsigned long size)
{
	for (int i = 0; i < arena.npages; i++) {
		struct shadow_page *p = &arena.page[i];
		if (p->kind == K_FILE_PRIVATE && p->file == f && p->foff >= size)
			p->copied = 0;       /* truncation drops private copies too (Linux) */
	}
}

/* A random range of 1..MAX_MAP_PAGES pages inside r's first limit pages. */
static int random_range(int limit, int *n)
{
	int first = (int)rnd_below(limit);
	int room = limit - first < MAX_MAP_PAGES ? limit - first : MAX_MAP_PAGES;

	*n = 1 + (int)rnd_below(room);
	return first;
}

static int range_mapped(const struct region *r, int first, int n, int want)
{
	for (int i = first; i < first + n; i++)
		if ((r->page[i].kind != K_NONE) != want)
			return 0;
	return 1;
}

static long arena_mmap_call(int first, int n, int prot, int kind, int file, unsigned long foff)
{
	int shared = kind == K_ANON_SHARED || kind == K_FILE_SHARED, anon = kind <= K_ANON_SHARED;
	int noreplace = rnd_chance(20);
	long flags = (shared ? MAP_SHARED : MAP_PRIVATE) | (anon ? MAP_ANONYMOUS : 0) |
		     (noreplace ? MAP_FIXED_NOREPLACE : MAP_FIXED);
	long fd = anon ? (rnd_chance(50) ? -1 : (long)pool_int()) : (long)with_high_junk(file_rdwr_fd(file));
	long want = noreplace && !range_mapped(&arena, first, n, 0) ? -EEXIST : (long)page_addr(&arena, first);
	long got = fz_call(__NR_mmap, (long)page_addr(&arena, first), (long)n * PAGE_SIZE, prot, flags, fd,
			   anon ? (long)rnd() & ~(PAGE_SIZE - 1) & 0xffffffffUL : (long)foff);

	expect_eq("mmap MAP_FIXED in the arena", got, want);
	return got;
}

static void arena_mmap(void)
{
	int n, first = random_range(ARENA_PAGES, &n), prot = (int)rnd_below(NR_PROTS);
	int kind = K_ANON + (int)rnd_below(NR_KINDS - K_ANON), file = (int)rnd_below(NR_MODEL_FILES);
	unsigned long foff = rnd_below(FILE_OFFSET_PAGES) * PAGE_SIZE;

	if (arena_mmap_call(first, n, prot, kind, file, foff) != (long)page_addr(&arena, first))
		return;
	for (int i = 0; i < n; i++)
		arena.page[first + i] = (struct shadow_page){ kind, prot, 0, 0, file, foff + i * PAGE_SIZE };
	probe_range(&arena, first, n);
}

static void arena_munmap(void)
{
	int n, first = random_range(ARENA_PAGES, &n);

	expect_eq("munmap in the arena", fz_call(__NR_munmap, (long)page_addr(&arena, first), n * PAGE_SIZE, 0, 0, 0, 0),
		  0);
	for (int i = first; i < first + n; i++)
		arena.page[i].kind = K_NONE;
	probe_range(&arena, first, n);
}

/* mprotect: all mapped gives 0, an unmapped first page -ENOMEM (a later hole: Linux changes part). */
static void region_mprotect(struct region *r)
{
	int n, first, prot = (int)rnd_below(NR_PROTS);
	long want;

	if (!r->npages)
		return;
	first = random_range(r->npages, &n);
	if (range_mapped(r, first, n, 1))
		want = 0;
	else if (r->page[first].kind == K_NONE)
		want = -ENOMEM;
	else
		return;
	if (!expect_eq("mprotect", fz_call(__NR_mprotect, (long)page_addr(r, first), n * PAGE_SIZE, prot, 0, 0, 0), want) ||
	    want)
		return;
	for (int i = first; i < first + n; i++)
		r->page[i].prot = (unsigned char)prot;
	probe_range(r, first, n);
}

/* A user store of a random byte into a random page the model says takes it. */
static void region_store(struct region *r)
{
	int i = r->npages ? (int)rnd_below(r->npages) : 0;
	struct shadow_page *p = &r->page[i];
	unsigned char b = (unsigned char)rnd();

	if (!r->npages || !(p->prot & PROT_WRITE) || expected_byte(p) < 0)
		return;
	*(volatile unsigned char *)page_addr(r, i) = b;
	if (p->kind == K_FILE_SHARED) {
		file_set_byte(p->file, p->foff, b);
	} else {
		p->byte = b;
		p->copied = 1;
	}
	probe_range(r, i, 1);
}

static void heap_brk_op(void)
{
	unsigned long target = heap.base + rnd_below(HEAP_PAGES * PAGE_SIZE + 1);
	int pages = (int)(PAGE_ROUND_UP(target - heap.base) / PAGE_SIZE), old = heap.npages;

	if (rnd_chance(10)) {
		const unsigned long bad[] = { 1, heap.base - PAGE_SIZE, USER_END + PAGE_SIZE, KERNEL_ADDR, -1UL };
		expect_eq("brk refused", fz_call(__NR_brk, (long)bad[rnd_below(5)], 0, 0, 0, 0, 0), (long)heap_brk);
		return;
	}
	if (!expect_eq("brk", fz_call(__NR_brk, (long)target, 0, 0, 0, 0, 0), (long)target))
		return;
	heap_brk = target;
	for (int i = old; i < pages; i++)
		heap.page[i] = (struct shadow_page){ K_ANON, PROT_READ | PROT_WRITE, 0, 0, 0, 0 };
	for (int i = pages; i < old; i++)
		heap.page[i].kind = K_NONE;
	heap.npages = old > pages ? old : pages;
	probe_range(&heap, 0, heap.npages);
	heap.npages = pages;
}

void mem_op(void)
{
	unsigned long r = rnd_below(100);

	if (r < 25)
		arena_mmap();
	else if (r < 35)
		arena_munmap();
	else if (r < 50)
		region_mprotect(&arena);
	else if (r < 70)
		region_store(&arena);
	else if (r < 85)
		heap_brk_op();
	else if (r < 92)
		region_mprotect(&heap);
	else
		region_store(&heap);
}

void mem_drop_arena(void)
{
	fz_call(__NR_munmap, ARENA_BASE, ARENA_PAGES * PAGE_SIZE, 0, 0, 0, 0);
}

/* The fork child: the model holds; then its private stores must stay out of the parent's pages. */
static int fork_check_child(void)
{
	unsigned long before = stats->mismatches;

	mem_probe_all();
	for (int i = 0; i < arena.npages; i++) {
		struct shadow_page *p = &arena.page[i];
		if ((p->kind == K_ANON || p->kind == K_FILE_PRIVATE) && (p->prot & PROT_WRITE) && expected_byte(p) >= 0)
			*(volatile unsigned char *)page_addr(&arena, i) = (unsigned char)~expected_byte(p);
	}
	return stats->mismatches != before;
}

void mem_fork_check(void)
{
	long pid = fz_fork_child();

	if (pid == 0)
		sys_exit(fork_check_child());
	if (expect_child("fork check child", pid < 0 ? pid : fz_wait(pid, NULL), 0))
		mem_probe_all();
}

enum access { LOAD, STORE, JUMP, NR_ACCESSES };
#define UNPREDICTABLE (~0UL)

/* What a child's access to a modelled page must do: 0 survive, else the signals it may die by. */
static unsigned long access_outcome(const struct shadow_page *p, enum access how)
{
	int b = expected_byte(p);

	if (p->kind == K_NONE)
		return SIG_BIT(SIGSEGV);
	if (how == LOAD)
		return b >= 0 ? 0 : b == PAST_EOF ? SIG_BIT(SIGBUS) : SIG_BIT(SIGSEGV);
	if (how == STORE)
		return !(p->prot & PROT_WRITE) ? SIG_BIT(SIGSEGV) : b == PAST_EOF ? SIG_BIT(SIGBUS) : 0;
	if (!(p->prot & PROT_EXEC))
		return SIG_BIT(SIGSEGV);
	if ((p->kind == K_ANON || p->kind == K_ANON_SHARED) && p->byte == 0)
		return ZERO_CODE_SIGNALS;    /* anonymous pages are zero but for the modelled first byte */
	if ((p->kind == K_FILE_SHARED || p->kind == K_FILE_PRIVATE) && b == PAST_EOF)
		return SIG_BIT(SIGBUS);
	return UNPREDICTABLE;            /* random bytes run as code: anything, even a loop */
}

static void access_and_exit(unsigned char *addr, enum access how, unsigned char value)
{
	if (how == LOAD)
		(void)*(volatile unsigned char *)addr;
	else if (how == STORE)
		*(volatile unsigned char *)addr = value;
	else
		((void (*)(void))(void *)addr)();
	sys_exit(0);
}

/* Addresses outside the model whose outcome is known: every access to them faults, but text loads. */
static unsigned char *outside_target(enum access *how, unsigned long *outcome)
{
	static const unsigned long bad[] = { 0, 8, KERNEL_ADDR, USER_END, -1UL & ~1UL, 1UL << 63 };

	if (*how != JUMP && rnd_chance(30)) {
		*outcome = *how == LOAD ? 0 : SIG_BIT(SIGSEGV);
		return (unsigned char *)(void *)main;
	}
	*outcome = SIG_BIT(SIGSEGV);
	return (unsigned char *)bad[rnd_below(sizeof(bad) / sizeof(bad[0]))];
}

void mem_access_child(void)
{
	enum access how = (enum access)rnd_below(NR_ACCESSES);
	struct region *r = rnd_chance(70) ? &arena : &heap;
	int i = r->npages ? (int)rnd_below(r->npages) : 0;
	unsigned long outcome, off = 0;
	unsigned char *addr, value = (unsigned char)rnd();
	long pid;

	if (r->npages && rnd_chance(85)) {
		outcome = access_outcome(&r->page[i], how);
		addr = page_addr(r, i);
		if (r->page[i].kind == K_ANON || r->page[i].kind == K_FILE_PRIVATE)
			off = how == JUMP ? 0 : rnd_below(PAGE_SIZE);     /* private: the parent never sees it */
		else
			value = (unsigned char)expected_byte(&r->page[i]); /* shared: store what is there */
	} else {
		addr = outside_target(&how, &outcome);
	}
	if (outcome == UNPREDICTABLE)
		return;
	pid = fz_fork_child();
	if (pid == 0)
		access_and_exit(addr + off, how, value);
	expect_child(how == LOAD ? "load in a child" : how == STORE ? "store in a child" : "jump in a child",
		     pid < 0 ? pid : fz_wait(pid, NULL), outcome);
}
