/*
 * fdt.c: just enough of a flattened-device-tree reader to find /chosen/bootargs, which QEMU fills
 * from -append, the RAM's size (memory@) and the hart's ISA extensions (riscv,isa). All FDT fields are
 * big-endian.
 */
#include "fdt.h"
#include "string.h"

#define FDT_MAGIC 0xd00dfeed
#define FDT_BEGIN_NODE 1
#define FDT_END_NODE 2
#define FDT_PROP 3
#define FDT_NOP 4
#define FDT_END 9

struct fdt_header {
	uint32_t magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap, version;
	uint32_t last_comp_version, boot_cpuid_phys, size_dt_strings, size_dt_struct;
};

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static const uint8_t *align4(const uint8_t *p)
{
	return (const uint8_t *)(((uintptr_t)p + 3) & ~3UL);
}

/* The value of property prop of the first node whose name starts with node, or NULL. */
static const char *fdt_find(const void *fdt, const char *node, const char *prop)
{
	const struct fdt_header *h = fdt;
	const uint8_t *p, *end, *strings;
	bool in_node = false;

	if (!fdt || be32(&h->magic) != FDT_MAGIC)
		return NULL;
	p = (const uint8_t *)fdt + be32(&h->off_dt_struct);
	end = p + be32(&h->size_dt_struct);
	strings = (const uint8_t *)fdt + be32(&h->off_dt_strings);
	while (p < end) {
		uint32_t token = be32(p);
		p += 4;
		if (token == FDT_BEGIN_NODE) {
			in_node = !strncmp((const char *)p, node, strlen(node));
			p = align4(p + strlen((const char *)p) + 1);
		} else if (token == FDT_END_NODE) {
			in_node = false;
		} else if (token == FDT_PROP) {
			uint32_t len = be32(p), nameoff = be32(p + 4);
			const char *value = (const char *)p + 8;
			if (in_node && !strcmp((const char *)strings + nameoff, prop))
				return value;
			p = align4(p + 8 + len);
		} else if (token != FDT_NOP) {
			break;   /* FDT_END or garbage */
		}
	}
	return NULL;
}

const char *fdt_bootargs(const void *fdt)
{
	return fdt_find(fdt, "chosen", "bootargs");
}

uint64_t fdt_memory_size(const void *fdt, uint64_t base)
{
	const char *reg = fdt_find(fdt, "memory@", "reg");   /* <base-hi base-lo size-hi size-lo> (2 cells each) */

	if (!reg || ((uint64_t)be32(reg) << 32 | be32(reg + 4)) != base)
		return 0;
	return (uint64_t)be32(reg + 8) << 32 | be32(reg + 12);
}

bool fdt_isa_has(const void *fdt, const char *ext)
{
	const char *isa = fdt_find(fdt, "cpu@", "riscv,isa");
	size_t n = strlen(ext);

	for (; isa && *isa; isa++)
		if (*isa == '_' && !strncmp(isa + 1, ext, n) && (isa[n + 1] == '_' || !isa[n + 1]))
			return true;
	return false;
}
