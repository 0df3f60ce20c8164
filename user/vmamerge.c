/*
 * vmamerge.c: neighbouring VMAs that could be one become one, as on Linux. Leaves its maps in place and
 * prints their ranges, so that the test (dump=1) can check that each range is a single [maps] line:
 *   - 256 pages mapped read-write, each page made read-only by its own mprotect, then each back;
 *   - 256 one-page read-only maps made one after the other (each lands right below the last);
 *   - a file mapped shared in two halves at adjacent addresses with contiguous offsets, and (not
 *     merged) two halves whose offsets are not contiguous.
 * Each check also reads and writes through the merged maps.
 */
#include "ulib.h"

#define PAGES 256UL
#define FILE_PAGES 4UL
#define MERGE_FILE "vmamerge.dat"
#define SEED 0x3c

static void mprotect_each(void)
{
	char *p = (char *)sys_mmap(0, PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long bad = 0;

	for (unsigned long i = 0; i < PAGES; i++)
		bad |= sys_mprotect(p + i * PAGE_SIZE, PAGE_SIZE, PROT_READ);
	for (unsigned long i = 0; i < PAGES; i++)
		bad |= sys_mprotect(p + i * PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE);
	pages_fill(p, PAGES, SEED);
	check("merge_mprotect", !bad && pages_first_bad(p, PAGES, SEED) == PAGES, "mprotect %ld", bad);
	printf("vmamerge: mprotect %010lx-%010lx\n", (unsigned long)p, (unsigned long)p + PAGES * PAGE_SIZE);
}

static void adjacent_maps(void)
{
	unsigned long low = -1UL, high = 0, bad = 0;

	for (unsigned long i = 0; i < PAGES; i++) {
		long a = sys_mmap(0, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		bad |= MMAP_FAILED(a) || (high && (unsigned long)a + PAGE_SIZE != low);
		low = (unsigned long)a;
		high = high ? high : low + PAGE_SIZE;
	}
	check("merge_adjacent", !bad && pages_first_bad((void *)low, PAGES, 0) == PAGES, "maps not adjacent");
	printf("vmamerge: adjacent %010lx-%010lx\n", low, high);
}

/* Two halves of the file at adjacent addresses; offsets of the upper half: contiguous or not. */
static void file_halves(int fd, unsigned long upper_off, const char *name)
{
	unsigned long half = FILE_PAGES / 2 * PAGE_SIZE;
	long a = sys_mmap(0, 2 * half, PROT_READ, MAP_SHARED, fd, 0);
	long b = sys_mmap((void *)(a + half), half, PROT_READ, MAP_SHARED | MAP_FIXED, fd, (long)upper_off);
	int ok = !MMAP_FAILED(a) && b == a + (long)half;

	for (unsigned long off = 0; ok && off < 2 * half; off += PAGE_SIZE) {
		unsigned long file_off = off < half ? off : upper_off + off - half;
		ok = ((unsigned char *)a)[off] == file_pattern(file_off, SEED);
	}
	check(name, ok, "map %lx/%lx or its bytes", a, b);
	printf("vmamerge: %s %010lx-%010lx\n", name, (unsigned long)a, (unsigned long)a + 2 * half);
}

int main(int argc, char **argv, char **envp)
{
	long fd;

	mprotect_each();
	adjacent_maps();
	file_create(MERGE_FILE, FILE_PAGES * PAGE_SIZE, SEED);
	fd = sys_openat(AT_FDCWD, MERGE_FILE, O_RDONLY, 0);
	file_halves((int)fd, FILE_PAGES / 2 * PAGE_SIZE, "merge_file");
	file_halves((int)fd, 0, "merge_file_apart");
	sys_close(fd);
	test_exit();
}
