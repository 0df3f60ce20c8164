/*
 * pgtable.c: the only file that knows the Sv39 PTE format: walking, mapping, unmapping, copying,
 * protecting, freeing and printing page tables, and turning VMA flags into PTE bits.
 * User space uses 4 KiB leaves only. Every user table page counts its non-zero entries in its struct
 * page (nr_ptes): unmapping frees a table the moment it empties, so tearing down an address space
 * visits only what is mapped. An entry is zero exactly when it holds nothing.
 */
#include "pgtable.h"
#include "memlayout.h"
#include "mm.h"
#include "vm.h"
#include "errno.h"
#include "kernel.h"
#include "string.h"
#include "printk.h"
#include "riscv.h"

#define LEVELS 3
#define USER_ROOT_ENTRIES (PTES_PER_TABLE / 2)   /* root slots of the lower (user) half */
#define PTE_LEAF_BITS (PTE_R | PTE_W | PTE_X)

/* Root slots the kernel half uses (set by setup_vm_final); pgd_alloc copies just these. */
static unsigned kernel_root_lo = PTES_PER_TABLE, kernel_root_hi;

static inline unsigned vpn(uint64_t va, int level)
{
	return (va >> (PGSHIFT + PTE_INDEX_BITS * level)) & (PTES_PER_TABLE - 1);
}

static inline uint64_t level_size(int level)
{
	return 1UL << (PGSHIFT + PTE_INDEX_BITS * level);
}

static inline bool pte_is_leaf(pte_t pte)
{
	return pte & PTE_LEAF_BITS;
}

static inline pagetable_t pte_table(pte_t pte)
{
	return (pagetable_t)PA2VA(pte_pa(pte));
}

static inline struct page *pte_page(pte_t pte)
{
	return &mem_map[(pte >> PTE_PPN_SHIFT) - (PHY_START >> PGSHIFT)];
}

/* The struct page of the table holding slot. */
static inline struct page *table_of(pte_t *slot)
{
	return virt_to_page((void *)PGROUNDDOWN(slot));
}

/* One past the last slot of table t (mapping from base, level) that [.., end) reaches. */
static inline unsigned end_index(uint64_t base, int level, uint64_t end)
{
	uint64_t span = level_size(level) * PTES_PER_TABLE;

	return end - base >= span ? PTES_PER_TABLE : (unsigned)((end - base + level_size(level) - 1) >> (PGSHIFT + PTE_INDEX_BITS * level));
}

uint64_t vm_flags_to_prot(uint64_t vm_flags)
{
	uint64_t prot = PTE_V | PTE_U | PTE_A;

	if (vm_flags & (VM_READ | VM_WRITE))
		prot |= PTE_R;                 /* Sv39 has no write-only pages */
	if (vm_flags & VM_WRITE)
		prot |= PTE_W | PTE_D;
	if (vm_flags & VM_EXEC)
		prot |= PTE_X;
	return prot;
}

void install_pte(pte_t *slot, pte_t pte)
{
	if (!*slot)
		table_of(slot)->nr_ptes++;
	*slot = pte;
}

/* A zeroed table page, counted as user page-table memory. */
static pagetable_t alloc_pgtable(void)
{
	return alloc_user_page(PG_PGTABLE, true);
}

/* The PTE slot for va at leaf_level, allocating zeroed tables on the way when alloc. */
static pte_t *walk_to(pagetable_t t, uint64_t va, int leaf_level, bool alloc)
{
	for (int level = LEVELS - 1; level > leaf_level; level--) {
		pte_t *pte = &t[vpn(va, level)];
		if (pte_present(*pte)) {
			if (pte_is_leaf(*pte))
				return NULL;           /* a larger leaf covers va */
			t = pte_table(*pte);
			continue;
		}
		if (!alloc)
			return NULL;
		pagetable_t next = alloc_pgtable();
		if (!next)
			return NULL;
		install_pte(pte, mk_pte(VA2PA(next), PTE_V));
		t = next;
	}
	return &t[vpn(va, leaf_level)];
}

pte_t *walk(pagetable_t pgd, uint64_t va, bool alloc)
{
	pte_t l2 = pgd[vpn(va, 2)], l1;

	/* Fast path for the fault handler: both tables exist already. */
	if ((l2 & (PTE_V | PTE_LEAF_BITS)) == PTE_V) {
		l1 = pte_table(l2)[vpn(va, 1)];
		if ((l1 & (PTE_V | PTE_LEAF_BITS)) == PTE_V)
			return &pte_table(l1)[vpn(va, 0)];
	}
	return walk_to(pgd, va, 0, alloc);
}

int create_mapping(pagetable_t pgd, uint64_t va, uint64_t pa, uint64_t sz, uint64_t prot)
{
	uint64_t end = va + sz;

	while (va < end) {
		int level = (((va | pa) & (MEGAPAGE_SIZE - 1)) == 0 && end - va >= MEGAPAGE_SIZE) ? 1 : 0;
		pte_t *pte = walk_to(pgd, va, level, true);
		if (!pte)
			return -ENOMEM;
		*pte = mk_pte(pa, prot);
		va += level_size(level);
		pa += level_size(level);
	}
	if (pgd == swapper_pg_dir)
		for (unsigned i = USER_ROOT_ENTRIES; i < PTES_PER_TABLE; i++)
			if (pgd[i]) {
				kernel_root_lo = MIN(kernel_root_lo, i);
				kernel_root_hi = MAX(kernel_root_hi, i + 1);
			}
	return 0;
}

/* Drop the leaves of one table in [p, end). */
static void unmap_ptes(pte_t *p, pte_t *end, struct page *table)
{
	for (; p < end; p++) {
		pte_t pte = *p;
		if (!pte)
			continue;
		put_page((void *)PA2VA(pte_pa(pte)));
		*p = 0;
		table->nr_ptes--;
	}
}

/* Unmap [start, end) below table t (level > 0, mapping from base); frees tables that empty. */
static void unmap_level(pagetable_t t, int level, uint64_t base, uint64_t start, uint64_t end)
{
	uint64_t size = level_size(level);

	for (unsigned i = vpn(start, level), last = end_index(base, level, end); i < last; i++) {
		uint64_t lo = base + i * size;
		pagetable_t child;

		if (!t[i])
			continue;
		BUG_ON(pte_is_leaf(t[i]));
		child = pte_table(t[i]);
		if (level == 1)
			unmap_ptes(child + vpn(MAX(start, lo), 0), child + end_index(lo, 0, MIN(end, lo + size)),
				   virt_to_page(child));
		else
			unmap_level(child, level - 1, lo, MAX(start, lo), MIN(end, lo + size));
		if (!virt_to_page(child)->nr_ptes) {
			put_page(child);
			t[i] = 0;
			virt_to_page(t)->nr_ptes--;
		}
	}
}

void unmap_range(pagetable_t pgd, uint64_t start, uint64_t end)
{
	if (start < end)
		unmap_level(pgd, LEVELS - 1, 0, start, end);
}

/* Fork: copy the leaves [src, src_end) into dst, sharing each page. */
static long copy_ptes(pte_t *dst, pte_t *src, pte_t *src_end, bool cow)
{
	struct page *table = table_of(dst);
	long n = 0;

	for (; src < src_end; src++, dst++) {
		pte_t pte = *src;
		if (!pte)
			continue;
		if (cow && (pte & PTE_W))
			*src = pte = pte_wrprotect(pte);
		get_page((void *)PA2VA(pte_pa(pte)));
		*dst = pte;
		n++;
	}
	table->nr_ptes += n;
	return n;
}

/* copy_page_range() below table level > 0: src and dst map the same range from base. */
static long copy_level(pagetable_t dst, pagetable_t src, int level, uint64_t base, uint64_t start, uint64_t end,
		       bool cow)
{
	uint64_t size = level_size(level);
	long shared = 0, n;

	for (unsigned i = vpn(start, level), last = end_index(base, level, end); i < last; i++) {
		uint64_t lo = base + i * size, from = MAX(start, lo), to = MIN(end, lo + size);
		if (!src[i])
			continue;
		if (!dst[i]) {
			pagetable_t next = alloc_pgtable();
			if (!next)
				return -ENOMEM;
			install_pte(&dst[i], mk_pte(VA2PA(next), PTE_V));
		}
		if (level == 1)
			n = copy_ptes(pte_table(dst[i]) + vpn(from, 0), pte_table(src[i]) + vpn(from, 0),
				      pte_table(src[i]) + end_index(lo, 0, to), cow);
		else
			n = copy_level(pte_table(dst[i]), pte_table(src[i]), level - 1, lo, from, to, cow);
		if (n < 0)
			return n;
		shared += n;
	}
	return shared;
}

long copy_page_range(pagetable_t dst, pagetable_t src, uint64_t start, uint64_t end, bool cow)
{
	return start < end ? copy_level(dst, src, LEVELS - 1, 0, start, end, cow) : 0;
}

/* The PTE for a page of a VMA with vm_flags, keeping a private page read-only if it was. */
static pte_t protect_pte(pte_t pte, uint64_t vm_flags)
{
	pte_t new;

	if (!(vm_flags & VM_ACCESS))
		return mk_pte(pte_pa(pte), PTE_PROTNONE | PTE_U);
	new = mk_pte(pte_pa(pte), vm_flags_to_prot(vm_flags));
	if (!(vm_flags & VM_SHARED) && !pte_writable(pte))
		new = pte_wrprotect(new);
	return new;
}

/* change_protection() below table t (level > 0, mapping from base). */
static void protect_level(pagetable_t t, int level, uint64_t base, uint64_t start, uint64_t end, uint64_t vm_flags)
{
	uint64_t size = level_size(level);

	for (unsigned i = vpn(start, level), last = end_index(base, level, end); i < last; i++) {
		uint64_t lo = base + i * size, from = MAX(start, lo), to = MIN(end, lo + size);
		if (!t[i])
			continue;
		if (level > 1) {
			protect_level(pte_table(t[i]), level - 1, lo, from, to, vm_flags);
			continue;
		}
		pte_t *p = pte_table(t[i]) + vpn(from, 0), *stop = pte_table(t[i]) + end_index(lo, 0, to);
		for (; p < stop; p++)
			if (*p)
				*p = protect_pte(*p, vm_flags);
	}
}

void change_protection(pagetable_t pgd, uint64_t start, uint64_t end, uint64_t vm_flags)
{
	if (start < end)
		protect_level(pgd, LEVELS - 1, 0, start, end, vm_flags);
}

void switch_pgd(pagetable_t pgd)
{
	csr_write(satp, MAKE_SATP(VA2PA(pgd)));
	flush_tlb_all();
}

pagetable_t pgd_alloc(void)
{
	pagetable_t pgd = alloc_pgtable();

	if (!pgd)
		return NULL;
	for (unsigned i = kernel_root_lo; i < kernel_root_hi; i++)
		pgd[i] = swapper_pg_dir[i];
	return pgd;
}

static void free_table(pagetable_t t, int level)
{
	for (unsigned i = 0; level > 0 && i < PTES_PER_TABLE; i++)
		if (t[i])
			free_table(pte_table(t[i]), level - 1);
	put_page(t);
}

void pgd_free(pagetable_t pgd)
{
	/* Normally every table was freed as its last entry was unmapped; sweep whatever is left. */
	for (unsigned i = 0; virt_to_page(pgd)->nr_ptes && i < USER_ROOT_ENTRIES; i++)
		if (pgd[i])
			free_table(pte_table(pgd[i]), LEVELS - 2);
	put_page(pgd);
}

/* Add t's table pages and its leaves' written / first-seen read-only pages to st. */
static void stat_table(pagetable_t t, int level, struct mm_page_stats *st)
{
	st->tables++;
	for (unsigned i = 0; i < (level == LEVELS - 1 ? USER_ROOT_ENTRIES : PTES_PER_TABLE); i++) {
		pte_t pte = t[i];
		if (!pte)
			continue;
		if (level > 0) {
			stat_table(pte_table(pte), level - 1, st);
			continue;
		}
		struct page *page = pte_page(pte);
		if (pte_writable(pte)) {
			st->written++;
		} else if ((page->flags & (PG_USER | PG_COUNTED)) == PG_USER) {
			page->flags |= PG_COUNTED;
			st->readonly++;
		}
	}
}

void mm_page_stats(pagetable_t pgd, struct mm_page_stats *st)
{
	stat_table(pgd, LEVELS - 1, st);
}

static void print_table(pagetable_t t, int level, uint64_t base, int pid)
{
	static const char *const indent[LEVELS] = { " .. .. ..", " .. ..", " .." };
	unsigned limit = level == LEVELS - 1 ? USER_ROOT_ENTRIES : PTES_PER_TABLE;

	for (unsigned i = 0; i < limit; i++) {
		pte_t pte = t[i];
		uint64_t va = base + i * level_size(level);
		if (!pte)
			continue;
		if (level == 0)
			printk("[pgtable] pid %d%s%u: va 0x%lx pte 0x%lx pa 0x%lx %c%c%c%c%s\n", pid, indent[level], i,
			       va, pte, pte_pa(pte), pte & PTE_R ? 'r' : '-', pte & PTE_W ? 'w' : '-',
			       pte & PTE_X ? 'x' : '-', pte & PTE_U ? 'u' : '-', pte_present(pte) ? "" : " prot-none");
		else {
			printk("[pgtable] pid %d%s%u: pte 0x%lx pa 0x%lx\n", pid, indent[level], i, pte, pte_pa(pte));
			print_table(pte_table(pte), level - 1, va, pid);
		}
	}
}

void vmprint(pagetable_t pgd, int pid)
{
	printk("[pgtable] pid %d root pa 0x%lx\n", pid, VA2PA(pgd));
	print_table(pgd, LEVELS - 1, 0, pid);
}
