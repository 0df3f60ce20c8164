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

	BUG_ON((va | pa | sz) & (PGSIZE - 1));   /* a partial page would leave n 0 below: no progress */
	while (va < end) {
		int level = (((va | pa) & (MEGAPAGE_SIZE - 1)) == 0 && end - va >= MEGAPAGE_SIZE) ? 1 : 0;
		pte_t *pte = walk_to(pgd, va, level, true);
		/* the leaves of this size left in this table and in the range, all filled at once */
		uint64_t n = MIN(PTES_PER_TABLE - vpn(va, level), (end - va) / level_size(level));

		if (!pte)
			return -ENOMEM;
		for (; n; n--, pte++) {
			*pte = mk_pte(pa, prot);
			va += level_size(level);
			pa += level_size(level);
		}
	}
	if (pgd == swapper_pg_dir)
		for (unsigned i = USER_ROOT_ENTRIES; i < PTES_PER_TABLE; i++)
			if (pgd[i]) {
				kernel_root_lo = MIN(kernel_root_lo, i);
				kernel_root_hi = MAX(kernel_root_hi, i + 1);
			}
	return 0;
}

/*
 * What a range walk does with each run of level-0 slots [from, to) it reaches; va is the address
 * mapped by *from. Returns a count to add up, or -errno to stop the walk.
 */
typedef long (*leaf_fn)(pte_t *from, pte_t *to, uint64_t va, void *arg);

/* Free table child (slot *slot of table parent) if nothing is left in it. */
static inline void free_if_empty(pagetable_t parent, pte_t *slot)
{
	pagetable_t child = pte_table(*slot);

	if (!virt_to_page(child)->nr_ptes) {
		put_page(child);
		*slot = 0;
		virt_to_page(parent)->nr_ptes--;
	}
}

/*
 * The one range walk: call fn on each present leaf table below pgd for the part of [start, end)
 * it covers (start < end), then (with prune) free every table the callback left empty. Returns the sum of fn's
 * results, or the first negative one. Always inlined, so each caller gets the walk with its own fn
 * compiled in: no indirect call on the fork, exit and mprotect paths.
 */
static inline __attribute__((always_inline)) long walk_user_range(pagetable_t pgd, uint64_t start, uint64_t end,
								  leaf_fn fn, void *arg, bool prune)
{
	uint64_t l2_size = level_size(2), l1_size = level_size(1);
	long sum = 0, n = 0;

	for (unsigned i = vpn(start, 2), last = end_index(0, 2, end); i < last && n >= 0; i++) {
		uint64_t lo = i * l2_size, from = MAX(start, lo), to = MIN(end, lo + l2_size);
		pagetable_t mid;

		if (!pgd[i])
			continue;
		BUG_ON(pte_is_leaf(pgd[i]));
		mid = pte_table(pgd[i]);
		for (unsigned j = vpn(from, 1), stop = end_index(lo, 1, to); j < stop && n >= 0; j++) {
			uint64_t lo1 = lo + j * l1_size, from1 = MAX(from, lo1), to1 = MIN(to, lo1 + l1_size);
			pagetable_t leaf;

			if (!mid[j])
				continue;
			BUG_ON(pte_is_leaf(mid[j]));
			leaf = pte_table(mid[j]);
			n = fn(leaf + vpn(from1, 0), leaf + end_index(lo1, 0, to1), from1, arg);
			sum += n;
			if (prune)
				free_if_empty(mid, &mid[j]);
		}
		if (prune)
			free_if_empty(pgd, &pgd[i]);
	}
	return n < 0 ? n : sum;
}

#define SKIP_STRIDE 8   /* empty slots are skipped this many at a time */

/* The first non-empty slot in [p, end), or end: sparse tables are mostly zeros. */
static inline pte_t *skip_empty(pte_t *p, pte_t *end)
{
	while (end - p >= SKIP_STRIDE && !((p[0] | p[1] | p[2] | p[3]) | (p[4] | p[5] | p[6] | p[7])))
		p += SKIP_STRIDE;
	while (p < end && !*p)
		p++;
	return p;
}

/* Unmap: drop each page, clear its slot; the walk frees tables that empty. */
static long unmap_ptes(pte_t *p, pte_t *end, uint64_t va, void *arg)
{
	struct page *table = table_of(p);

	for (p = skip_empty(p, end); p < end && table->nr_ptes; p = skip_empty(p + 1, end)) {
		put_page((void *)PA2VA(pte_pa(*p)));
		*p = 0;
		table->nr_ptes--;
	}
	return 0;
}

/*
 * False when [start, end) lies within one leaf table's span and that table does not exist: nothing is
 * mapped there (the quick answer for the many small untouched VMAs fork and exit go through).
 */
static inline bool range_may_be_mapped(pagetable_t pgd, uint64_t start, uint64_t end)
{
	pte_t l2 = pgd[vpn(start, 2)];

	if ((start ^ (end - 1)) >> (PGSHIFT + 2 * PTE_INDEX_BITS))
		return true;                    /* spans more than one middle table entry */
	if ((l2 & (PTE_V | PTE_LEAF_BITS)) != PTE_V)
		return false;
	return (start ^ (end - 1)) >> (PGSHIFT + PTE_INDEX_BITS) || pte_table(l2)[vpn(start, 1)];
}

void unmap_range(pagetable_t pgd, uint64_t start, uint64_t end)
{
	if (start < end && range_may_be_mapped(pgd, start, end))
		walk_user_range(pgd, start, end, unmap_ptes, NULL, true);
}

struct visit_args {
	pte_visit_fn fn;
	void *arg;
};

static long visit_ptes(pte_t *p, pte_t *end, uint64_t va, void *arg)
{
	struct visit_args *v = arg;

	for (; p < end; p++, va += PGSIZE)
		if (*p)
			v->fn(*p, va, v->arg);
	return 0;
}

void visit_range(pagetable_t pgd, uint64_t start, uint64_t end, pte_visit_fn fn, void *arg)
{
	struct visit_args v = { fn, arg };

	if (start < end)
		walk_user_range(pgd, start, end, visit_ptes, &v, false);
}

struct copy_args {
	pagetable_t dst;
	bool cow;
};

/*
 * Fork: share the pages of src's slots [src, src_end) with the same slots of dst (tables made as
 * needed); empty runs are skipped several slots at a time.
 */
static long copy_ptes(pte_t *src, pte_t *src_end, uint64_t va, void *arg)
{
	struct copy_args *c = arg;
	pte_t *first = skip_empty(src, src_end), *dst;
	long n = 0;

	if (first == src_end)
		return 0;                       /* no table in the child for slots with nothing to share */
	dst = walk_to(c->dst, va + (first - src) * PGSIZE, 0, true);   /* the slot matching first */
	if (!dst)
		return -ENOMEM;
	for (pte_t *p = first, *d = dst; p < src_end; p++, d++) {
		pte_t pte = *p;

		if (!pte) {                     /* the start of an empty run: skip to its end */
			pte_t *next = skip_empty(p, src_end);

			if (next == src_end)
				break;
			d += next - p;
			p = next;
			pte = *p;
		}
		if (c->cow && (pte & PTE_W))
			*p = pte = pte_wrprotect(pte);
		pte_page(pte)->count++;         /* get_page of the frame */
		*d = pte;
		n++;
	}
	table_of(dst)->nr_ptes += n;
	return n;
}

long copy_page_range(pagetable_t dst, pagetable_t src, uint64_t start, uint64_t end, bool cow)
{
	struct copy_args c = { .dst = dst, .cow = cow };

	return start < end && range_may_be_mapped(src, start, end) ? walk_user_range(src, start, end, copy_ptes, &c, true)
								     : 0;
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

/* mprotect: new permissions for every page in the slots. */
static long protect_ptes(pte_t *p, pte_t *end, uint64_t va, void *arg)
{
	uint64_t vm_flags = *(uint64_t *)arg;

	for (; p < end; p++)
		if (*p)
			*p = protect_pte(*p, vm_flags);
	return 0;
}

void change_protection(pagetable_t pgd, uint64_t start, uint64_t end, uint64_t vm_flags)
{
	if (start < end)
		walk_user_range(pgd, start, end, protect_ptes, &vm_flags, true);
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
