/*
 * pgtable.c: the only file that knows the Sv39 PTE format: walking, mapping, unmapping, freeing and
 * printing page tables, and turning VMA flags into PTE bits. User space uses 4 KiB leaves only.
 */
#include "pgtable.h"
#include "memlayout.h"
#include "mm.h"
#include "vm.h"
#include "errno.h"
#include "kernel.h"
#include "string.h"
#include "printk.h"

#define LEVELS 3
#define USER_ROOT_ENTRIES (PTES_PER_TABLE / 2)   /* root slots of the lower (user) half */
#define PTE_LEAF_BITS (PTE_R | PTE_W | PTE_X)

static inline unsigned vpn(uint64_t va, int level)
{
	return (va >> (PGSHIFT + 9 * level)) & (PTES_PER_TABLE - 1);
}

static inline uint64_t level_size(int level)
{
	return 1UL << (PGSHIFT + 9 * level);
}

static inline bool pte_is_leaf(pte_t pte)
{
	return pte & PTE_LEAF_BITS;
}

static inline pagetable_t pte_table(pte_t pte)
{
	return (pagetable_t)PA2VA(pte_pa(pte));
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

/* A zeroed table page, counted as user page-table memory. */
static pagetable_t alloc_pgtable(void)
{
	pagetable_t t = alloc_zeroed_page();

	if (t)
		account_page(t, PG_PGTABLE);
	return t;
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
		*pte = mk_pte(VA2PA(next), PTE_V);
		t = next;
	}
	return &t[vpn(va, leaf_level)];
}

pte_t *walk(pagetable_t pgd, uint64_t va, bool alloc)
{
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
	return 0;
}

/* Unmap the 4 KiB leaves of [start, end) below table t, which maps from base; skips absent tables. */
static void unmap_level(pagetable_t t, int level, uint64_t base, uint64_t start, uint64_t end)
{
	uint64_t size = level_size(level);

	for (unsigned i = vpn(start, level); i < PTES_PER_TABLE; i++) {
		uint64_t lo = base + i * size, hi = lo + size;
		if (lo >= end)
			break;
		if (level == 0 ? !pte_has_page(t[i]) : !pte_present(t[i]))
			continue;
		if (level == 0) {
			put_page((void *)PA2VA(pte_pa(t[i])));
			t[i] = 0;
			continue;
		}
		BUG_ON(pte_is_leaf(t[i]));
		unmap_level(pte_table(t[i]), level - 1, lo, MAX(start, lo), MIN(end, hi));
	}
}

void unmap_range(pagetable_t pgd, uint64_t start, uint64_t end)
{
	if (start < end)
		unmap_level(pgd, LEVELS - 1, 0, start, end);
}

/* copy_page_range() below table level: src and dst map the same range from base. */
static long copy_level(pagetable_t dst, pagetable_t src, int level, uint64_t base, uint64_t start, uint64_t end,
		       bool cow)
{
	uint64_t size = level_size(level);
	long shared = 0;

	for (unsigned i = vpn(start, level); i < PTES_PER_TABLE; i++) {
		uint64_t lo = base + i * size, hi = lo + size;
		pte_t pte = src[i];
		if (lo >= end)
			break;
		if (level == 0 ? !pte_has_page(pte) : !pte_present(pte))
			continue;
		if (level == 0) {
			if (cow && pte_writable(pte))
				src[i] = pte = pte_wrprotect(pte);
			get_page((void *)PA2VA(pte_pa(pte)));
			dst[i] = pte;
			shared++;
			continue;
		}
		if (!pte_present(dst[i])) {
			pagetable_t next = alloc_pgtable();
			if (!next)
				return -ENOMEM;
			dst[i] = mk_pte(VA2PA(next), PTE_V);
		}
		long n = copy_level(pte_table(dst[i]), pte_table(pte), level - 1, lo, MAX(start, lo), MIN(end, hi), cow);
		if (n < 0)
			return n;
		shared += n;
	}
	return shared;
}

/* change_protection() below table level t, which maps from base. */
static void protect_level(pagetable_t t, int level, uint64_t base, uint64_t start, uint64_t end, uint64_t vm_flags)
{
	uint64_t size = level_size(level);

	for (unsigned i = vpn(start, level); i < PTES_PER_TABLE; i++) {
		uint64_t lo = base + i * size, hi = lo + size;
		pte_t pte = t[i];
		if (lo >= end)
			break;
		if (level > 0) {
			if (pte_present(pte))
				protect_level(pte_table(pte), level - 1, lo, MAX(start, lo), MIN(end, hi), vm_flags);
			continue;
		}
		if (!pte_has_page(pte))
			continue;
		if (!(vm_flags & VM_ACCESS)) {
			t[i] = mk_pte(pte_pa(pte), PTE_PROTNONE | PTE_U);
			continue;
		}
		pte_t new = mk_pte(pte_pa(pte), vm_flags_to_prot(vm_flags));
		if (!(vm_flags & VM_SHARED) && !pte_writable(pte))
			new = pte_wrprotect(new);
		t[i] = new;
	}
}

void change_protection(pagetable_t pgd, uint64_t start, uint64_t end, uint64_t vm_flags)
{
	if (start < end)
		protect_level(pgd, LEVELS - 1, 0, start, end, vm_flags);
}

long copy_page_range(pagetable_t dst, pagetable_t src, uint64_t start, uint64_t end, bool cow)
{
	return start < end ? copy_level(dst, src, LEVELS - 1, 0, start, end, cow) : 0;
}

pagetable_t pgd_alloc(void)
{
	pagetable_t pgd = alloc_page();

	if (!pgd)
		return NULL;
	account_page(pgd, PG_PGTABLE);
	memset(pgd, 0, USER_ROOT_ENTRIES * sizeof(pte_t));
	memcpy(pgd + USER_ROOT_ENTRIES, swapper_pg_dir + USER_ROOT_ENTRIES, USER_ROOT_ENTRIES * sizeof(pte_t));
	return pgd;
}

static void free_table(pagetable_t t, int level)
{
	for (unsigned i = 0; level > 0 && i < PTES_PER_TABLE; i++)
		if (pte_present(t[i]))
			free_table(pte_table(t[i]), level - 1);
	put_page(t);
}

void pgd_free(pagetable_t pgd)
{
	for (unsigned i = 0; i < USER_ROOT_ENTRIES; i++)
		if (pte_present(pgd[i]))
			free_table(pte_table(pgd[i]), LEVELS - 2);
	put_page(pgd);
}

/* Add t's table pages and its leaves' written / first-seen read-only pages to st. */
static void stat_table(pagetable_t t, int level, struct mm_page_stats *st)
{
	st->tables++;
	for (unsigned i = 0; i < (level == LEVELS - 1 ? USER_ROOT_ENTRIES : PTES_PER_TABLE); i++) {
		pte_t pte = t[i];
		if (level == 0 ? !pte_has_page(pte) : !pte_present(pte))
			continue;
		if (level > 0) {
			stat_table(pte_table(pte), level - 1, st);
			continue;
		}
		struct page *page = virt_to_page((void *)PA2VA(pte_pa(pte)));
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
		if (level == 0 ? !pte_has_page(pte) : !pte_present(pte))
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
