/*
 * elftest.c: checks that the ELF loader gives each section the right contents:
 * a multi-page initialized .data table, a 4 MiB zero-filled .bss array, and a .rodata table.
 * Expected output: "elf_data: ok", "elf_bss: ok", "elf_rodata: ok"; exit status 0.
 */
#include "ulib.h"

#define TABLE_ENTRIES 4096		/* 4096 * 4 bytes = 4 pages, more than 2 */
#define BSS_BYTES (4UL << 20)
#define BSS_SAMPLE_STRIDE (256 * PAGE_SIZE + 1)	/* a few scattered bytes to write and read back */
#define BSS_SAMPLE_BYTE 0x5a

/* Known non-zero patterns; the build expands them into every table entry. */
#define DATA_VALUE(i) ((unsigned)(i) * 2654435761u | 1u)
#define RODATA_VALUE(i) ((unsigned)(i) * 40503u + 7u)

/* LIST_4096(F, 0) expands to F(0), F(1), ..., F(4095), (each level repeats the one below 4x) */
#define LIST_1(F, i) F(i),
#define LIST_4(F, i) LIST_1(F, i) LIST_1(F, i + 1) LIST_1(F, i + 2) LIST_1(F, i + 3)
#define LIST_16(F, i) LIST_4(F, i) LIST_4(F, i + 4) LIST_4(F, i + 8) LIST_4(F, i + 12)
#define LIST_64(F, i) \
	LIST_16(F, i) LIST_16(F, i + 16) LIST_16(F, i + 32) LIST_16(F, i + 48)
#define LIST_256(F, i) \
	LIST_64(F, i) LIST_64(F, i + 64) LIST_64(F, i + 128) LIST_64(F, i + 192)
#define LIST_1024(F, i) \
	LIST_256(F, i) LIST_256(F, i + 256) LIST_256(F, i + 512) LIST_256(F, i + 768)
#define LIST_4096(F, i) \
	LIST_1024(F, i) LIST_1024(F, i + 1024) LIST_1024(F, i + 2048) LIST_1024(F, i + 3072)

static unsigned data_table[TABLE_ENTRIES] = { LIST_4096(DATA_VALUE, 0) };
static const unsigned rodata_table[TABLE_ENTRIES] = { LIST_4096(RODATA_VALUE, 0) };
static unsigned char bss_array[BSS_BYTES];

static unsigned data_value(int i)
{
	return DATA_VALUE(i);
}

static unsigned rodata_value(int i)
{
	return RODATA_VALUE(i);
}

/* Returns the first index whose entry differs from expected(index), or TABLE_ENTRIES if none.
 * Reads go through a volatile pointer so the compiler cannot answer from the initializer. */
static int first_mismatch(const volatile unsigned *table, unsigned (*expected)(int))
{
	for (int i = 0; i < TABLE_ENTRIES; i++)
		if (table[i] != expected(i))
			return i;
	return TABLE_ENTRIES;
}

static void test_data(void)
{
	volatile unsigned *table = data_table;
	int bad = first_mismatch(table, data_value);

	/* .data must also be writable (and private to this process). */
	table[TABLE_ENTRIES - 1] = 0;
	check("elf_data", bad == TABLE_ENTRIES && table[TABLE_ENTRIES - 1] == 0,
	      "entry %d is 0x%x, expected 0x%x", bad, table[bad % TABLE_ENTRIES],
	      data_value(bad));
}

/* Returns the offset of the first page whose first or last byte is not zero, or BSS_BYTES. */
static unsigned long first_nonzero_page(const volatile unsigned char *bss)
{
	unsigned long off;

	for (off = 0; off < BSS_BYTES; off += PAGE_SIZE)
		if (bss[off] != 0 || bss[off + PAGE_SIZE - 1] != 0)
			break;
	return off;
}

/* Writes scattered bytes; returns the offset of the first that reads back wrong, or BSS_BYTES. */
static unsigned long first_lost_write(volatile unsigned char *bss)
{
	unsigned long off;

	for (off = 0; off < BSS_BYTES; off += BSS_SAMPLE_STRIDE)
		bss[off] = BSS_SAMPLE_BYTE;
	for (off = 0; off < BSS_BYTES; off += BSS_SAMPLE_STRIDE)
		if (bss[off] != BSS_SAMPLE_BYTE)
			break;
	return off < BSS_BYTES ? off : BSS_BYTES;
}

static void test_bss(void)
{
	unsigned long nonzero = first_nonzero_page(bss_array);
	unsigned long lost = first_lost_write(bss_array);

	check("elf_bss", nonzero == BSS_BYTES && lost == BSS_BYTES,
	      "first non-zero page at offset 0x%lx, first lost write at 0x%lx (0x%lx = none)",
	      nonzero, lost, BSS_BYTES);
}

static void test_rodata(void)
{
	int bad = first_mismatch(rodata_table, rodata_value);

	check("elf_rodata", bad == TABLE_ENTRIES, "entry %d is 0x%x, expected 0x%x", bad,
	      rodata_table[bad % TABLE_ENTRIES], rodata_value(bad));
}

int main(int argc, char **argv, char **envp)
{
	test_data();
	test_bss();
	test_rodata();
	test_exit();
}
