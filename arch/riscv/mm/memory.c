/*
 * memory.c: the generic page-fault handlers. handle_mm_fault() decides between a missing PTE (filled
 * by the VMA's vm_ops: a zeroed or the shared zero page for anonymous memory, file bytes for ELF
 * segments, the file's cached page for file mappings) and a write to a present read-only PTE
 * (copy-on-write, or reuse when it is the last reference). Every PTE change is followed by sfence.vma
 * for that page.
 */
#include "vm.h"
#include "mm.h"
#include "mapping.h"
#include "bootargs.h"
#include "proc.h"
#include "memlayout.h"
#include "riscv.h"
#include "string.h"
#include "log.h"
#include "kernel.h"

/* How a fault changed a PTE: the last word of its trace line (README, "Reading the trace"). */
enum pte_event {
	MAP_ZERO, MAP_ANON, MAP_ELF, MAP_FILE, MAP_FILE_COPY, MAP_VDSO,   /* [map]: an absent PTE filled */
	MAP_FILE_AROUND,                         /* [map]: a cached neighbour mapped by fault-around */
	COW_ZERO_FILL, COW_REUSE, COW_COPY,                      /* [cow]: a private page made writable */
	WP_SHARED,                                               /* a shared page made writable: no line */
};

static const char *const pte_event_names[] = {
	[MAP_ZERO] = "zero", [MAP_ANON] = "anon", [MAP_ELF] = "elf", [MAP_FILE] = "file",
	[MAP_FILE_COPY] = "file-copy", [MAP_VDSO] = "vdso", [MAP_FILE_AROUND] = "file-around",
	[COW_ZERO_FILL] = "zero-fill", [COW_REUSE] = "reuse", [COW_COPY] = "copy of",
};

/* "r-x" for a PTE's R, W and X bits. */
static const char *prot_str(pte_t pte)
{
	static const char *const names[] = { "---", "r--", "-w-", "rw-", "--x", "r-x", "-wx", "rwx" };

	return names[(pte & (PTE_R | PTE_W | PTE_X)) / PTE_R];
}

/*
 * The one way a fault changes a user PTE: store pte in slot (a newly filled slot is counted in its
 * table), drop the stale translation of addr, and trace it as a [map] or [cow] line. from_pa is the
 * page a COW copy was made from.
 */
static __attribute__((always_inline)) inline void set_user_pte(pte_t *slot, uint64_t addr, pte_t pte, enum pte_event ev, uint64_t from_pa)
{
	if (ev < COW_ZERO_FILL)
		install_pte(slot, pte);       /* the slot was empty */
	else
		*slot = pte;                  /* a present PTE replaced: the table's count stays */
	flush_tlb_page(addr);
	if (ev < COW_ZERO_FILL)
		trace("[map] pid %lu va 0x%lx pa 0x%lx %s %s", current->pid, addr, pte_pa(pte), prot_str(pte),
		      pte_event_names[ev]);
	else if (ev == WP_SHARED)
		return;
	else if (ev == COW_COPY)
		trace("[cow] pid %lu va 0x%lx pa 0x%lx copy of 0x%lx", current->pid, addr, pte_pa(pte), from_pa);
	else
		trace("[cow] pid %lu va 0x%lx pa 0x%lx %s", current->pid, addr, pte_pa(pte), pte_event_names[ev]);
}

/* Map page at addr with prot (a fault filling an absent PTE). */
static void set_pte(pte_t *slot, uint64_t addr, void *page, uint64_t prot, enum pte_event ev)
{
	set_user_pte(slot, addr, mk_pte(VA2PA(page), prot), ev, 0);
}

/* Map a page that stays shared (the zero page, a cached file page) with a reference of its own. */
static enum vm_fault map_shared_page(pte_t *slot, uint64_t addr, void *page, uint64_t prot, enum pte_event ev)
{
	get_page(page);
	set_pte(slot, addr, page, prot, ev);
	return VM_FAULT_OK;
}

enum vm_fault map_vdso_page(pte_t *pte, uint64_t addr, void *page, uint64_t prot)
{
	return map_shared_page(pte, addr, page, prot, MAP_VDSO);
}

/*
 * Map the cached pages of ino at page index idx, idx + 1, ... to va, va + PGSIZE, ... below end, into
 * the consecutive PTE slots from slot, wherever a page is cached and the slot is empty; the page at
 * fault_va is traced as the fault's own ("file"), the others as "file-around". The hot loop of
 * fault-around: it stores the PTEs itself and counts them in their table once per run.
 */
static void map_cached_run(struct inode *ino, uint64_t idx, uint64_t va, uint64_t end, pte_t *slot, uint64_t prot,
			   uint64_t fault_va)
{
	while (va < end) {
		uint64_t want = (end - va) >> PGSHIFT;
		void *const *pages = find_cached_run(ino, idx, &want);
		uint64_t n = want;   /* a copy kept in a register */
		pte_t *s = slot, *last = slot + (pages ? n : 0);
		struct page *frames = mem_map;   /* loaded once: the PTE stores could alias mem_map */
		unsigned mapped = 0;

		for (uint64_t a = va; s < last; s++, pages++, a += PGSIZE) {
			uint64_t pfn = VA2PA(*pages) >> PGSHIFT;

			if (!*pages || *s)
				continue;
			frames[pfn - (PHY_START >> PGSHIFT)].count++;   /* get_page, with frames kept in a register */
			*s = mk_pte(pfn << PGSHIFT, prot);
			flush_tlb_page(a);
			trace("[map] pid %lu va 0x%lx pa 0x%lx %s %s", current->pid, a, pfn << PGSHIFT, prot_str(prot),
			      pte_event_names[a == fault_va ? MAP_FILE : MAP_FILE_AROUND]);
			mapped++;
		}
		if (mapped)
			count_installed_ptes(slot, mapped);
		idx += n, va += n << PGSHIFT, slot += n;
	}
}

/* Where vma's pages end in its file: the page holding the file's last byte ends there. */
static uint64_t file_map_limit(struct vm_area_struct *vma)
{
	return vma->vm_start + PGROUNDUP(file_size(vma->vm_file) - vma->vm_pgoff);
}

/* Anonymous memory: reads map the shared zero page read-only, writes get a private zeroed page. */
static enum vm_fault do_anonymous_page(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	uint64_t prot = vm_flags_to_prot(vma->vm_flags);
	void *page;

	if (!(access & VM_WRITE) && !zju_mode)
		return map_shared_page(pte, addr, zero_page, pte_wrprotect(prot), MAP_ZERO);
	page = alloc_user_page(PG_USER, true);
	if (!page)
		return VM_FAULT_OOM;
	set_pte(pte, addr, page, prot, MAP_ANON);
	return VM_FAULT_OK;
}

/* The cached file page holding byte pos of vma's file, or NULL. */
static void *vma_file_page(struct vm_area_struct *vma, uint64_t addr)
{
	return find_get_page(vma->vm_file, (vma->vm_pgoff + (addr - vma->vm_start)) >> PGSHIFT);
}

/*
 * ELF segment page: file bytes [vm_pgoff, vm_pgoff + vm_filesz) from vm_start, zeros after them. A
 * read-only page wholly inside the file maps the file's cached page itself, shared by every process
 * running the program; otherwise the process gets its own copy with the tail zeroed.
 */
static enum vm_fault do_elf_page(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	uint64_t off = addr - vma->vm_start, prot = vm_flags_to_prot(vma->vm_flags);
	uint64_t n = off < vma->vm_filesz ? MIN(PGSIZE, vma->vm_filesz - off) : 0;
	uint8_t *src = vma_file_page(vma, addr), *page;

	if (!src)
		return VM_FAULT_OOM;
	if (n == PGSIZE && !(vma->vm_flags & VM_WRITE) && !zju_mode)
		return map_shared_page(pte, addr, src, prot, MAP_FILE);
	page = alloc_user_page(PG_USER, false);
	if (!page)
		return VM_FAULT_OOM;
	memcpy(page, src, n);
	memset(page + n, 0, PGSIZE - n);
	set_pte(pte, addr, page, prot, MAP_ELF);
	return VM_FAULT_OK;
}

/* A page of a file mapping wholly past end-of-file: SIGBUS, as Linux. */
static bool past_eof(struct vm_area_struct *vma, uint64_t addr)
{
	return vma->vm_pgoff + (addr - vma->vm_start) >= file_size(vma->vm_file);
}

/* MAP_SHARED (file or shared anonymous): the file's own cached page with the VMA's permissions. */
static enum vm_fault do_shared_file_page(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	void *page;

	if (past_eof(vma, addr))
		return VM_FAULT_SIGBUS;
	page = vma_file_page(vma, addr);
	if (!page)
		return VM_FAULT_OOM;
	return map_shared_page(pte, addr, page, vm_flags_to_prot(vma->vm_flags), MAP_FILE);
}

/* MAP_PRIVATE file: reads map the cached page read-only; a write gets a private copy at once. */
static enum vm_fault do_private_file_page(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	uint64_t prot = vm_flags_to_prot(vma->vm_flags);
	void *page, *copy;

	if (past_eof(vma, addr))
		return VM_FAULT_SIGBUS;
	page = vma_file_page(vma, addr);
	if (!page)
		return VM_FAULT_OOM;
	if (!(access & VM_WRITE))
		return map_shared_page(pte, addr, page, pte_wrprotect(prot), MAP_FILE);
	copy = alloc_user_page(PG_USER, false);
	if (!copy)
		return VM_FAULT_OOM;
	copy_page(copy, page);
	set_pte(pte, addr, copy, prot, MAP_FILE_COPY);
	return VM_FAULT_OK;
}

const struct vm_operations_struct anon_vm_ops = { .name = "anon", .fault = do_anonymous_page };
const struct vm_operations_struct elf_vm_ops = { .name = "elf", .fault = do_elf_page };
const struct vm_operations_struct file_shared_vm_ops = { .name = "file", .fault = do_shared_file_page };
const struct vm_operations_struct file_private_vm_ops = { .name = "file", .fault = do_private_file_page };

/* A VMA kind's own fault handler (a vm_operations_struct's fault). */
typedef enum vm_fault (*fault_fn)(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access);

/*
 * Fault-around (fault_around=<n>) for a fault at addr (empty PTE slot pte) in a file-backed VMA: a read
 * maps the cached pages of the fault_around_pages-aligned window around addr, addr's own among them,
 * with the permissions its fault would give (read-only when wrprotect: a private file map), kept inside
 * the VMA, below the end of what may map the file's pages (an ELF segment's last whole file page, else
 * the file's last page) and inside addr's page table (so the window's PTE slots follow from pte).
 * Whatever that leaves unmapped at addr (a write, a page not cached yet, past end of file, a writable
 * ELF segment, zju=1) goes to the VMA kind's own handler, fault. elf: vma is an ELF segment.
 */
static enum vm_fault fault_around(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access,
				  bool elf, bool wrprotect, fault_fn fault)
{
	uint64_t size = fault_around_pages << PGSHIFT, window = addr & ~(size - 1), table = addr & ~(MEGAPAGE_SIZE - 1);
	uint64_t limit, start, end, prot;

	if ((access & VM_WRITE) || zju_mode || (elf && (vma->vm_flags & VM_WRITE)))
		return fault(vma, addr, pte, access);
	limit = elf ? vma->vm_start + PGROUNDDOWN(vma->vm_filesz) : file_map_limit(vma);
	start = MAX(vma->vm_start, MAX(window, table));
	end = MIN(MIN(vma->vm_end, limit), MIN(window + size, table + MEGAPAGE_SIZE));
	if (addr >= end)
		return fault(vma, addr, pte, access);
	prot = vm_flags_to_prot(vma->vm_flags);
	map_cached_run(vma->vm_file, (vma->vm_pgoff + (start - vma->vm_start)) >> PGSHIFT, start, end,
		       pte - ((addr - start) >> PGSHIFT), wrprotect ? pte_wrprotect(prot) : prot, addr);
	return *pte ? VM_FAULT_OK : fault(vma, addr, pte, access);
}

/* The fault handlers of file-backed VMAs with fault-around (fault_around_init picks them). */
static enum vm_fault do_elf_page_around(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	return fault_around(vma, addr, pte, access, true, false, do_elf_page);
}

static enum vm_fault do_shared_file_page_around(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	return fault_around(vma, addr, pte, access, false, false, do_shared_file_page);
}

static enum vm_fault do_private_file_page_around(struct vm_area_struct *vma, uint64_t addr, pte_t *pte, uint64_t access)
{
	return fault_around(vma, addr, pte, access, false, true, do_private_file_page);
}

static const struct vm_operations_struct elf_around_vm_ops = { .name = "elf", .fault = do_elf_page_around };
static const struct vm_operations_struct file_shared_around_vm_ops = { .name = "file", .fault = do_shared_file_page_around };
static const struct vm_operations_struct file_private_around_vm_ops = { .name = "file",
									 .fault = do_private_file_page_around };

uint64_t fault_around_pages;
const struct vm_operations_struct *elf_ops = &elf_vm_ops;
const struct vm_operations_struct *file_shared_ops = &file_shared_vm_ops;
const struct vm_operations_struct *file_private_ops = &file_private_vm_ops;

void fault_around_set(uint64_t pages)
{
	fault_around_pages = pages;
	if (!pages)
		return;
	elf_ops = &elf_around_vm_ops;
	file_shared_ops = &file_shared_around_vm_ops;
	file_private_ops = &file_private_around_vm_ops;
}

/* The copying half of do_wp_page: a private copy of old (or a zeroed page for the zero page). */
static __attribute__((noinline)) enum vm_fault wp_page_copy(struct vm_area_struct *vma, uint64_t addr, pte_t *pte,
							     void *old)
{
	void *new = alloc_user_page(PG_USER, old == zero_page);

	if (!new)
		return VM_FAULT_OOM;
	if (old != zero_page)
		copy_page(new, old);
	set_user_pte(pte, addr, mk_pte(VA2PA(new), vm_flags_to_prot(vma->vm_flags)),
		     old == zero_page ? COW_ZERO_FILL : COW_COPY, VA2PA(old));
	put_page(old);
	return VM_FAULT_OK;
}

/*
 * Write to a present read-only PTE of a writable VMA: shared pages just become writable; a private
 * page is reused when this is its last reference, else copied.
 */
static enum vm_fault do_wp_page(struct vm_area_struct *vma, uint64_t addr, pte_t *pte)
{
	void *old = (void *)PA2VA(pte_pa(*pte));

	if ((vma->vm_flags & VM_SHARED) || (old != zero_page && page_count(old) == 1)) {
		set_user_pte(pte, addr, pte_mkwrite(*pte), vma->vm_flags & VM_SHARED ? WP_SHARED : COW_REUSE, 0);
		return VM_FAULT_OK;
	}
	return wp_page_copy(vma, addr, pte, old);
}

enum vm_fault handle_mm_fault(struct vm_area_struct *vma, uint64_t addr, uint64_t access)
{
	pte_t *pte = walk(vma->vm_mm->pgd, addr, true);

	vma->vm_touched = true;          /* walk may have made tables: unmap visits them even if the fault fails */
	if (!pte)
		return VM_FAULT_OOM;
	BUG_ON(*pte & PTE_PROTNONE);     /* only in VMAs that allow no access at all */
	if (!pte_present(*pte))
		return vma->vm_ops->fault(vma, addr, pte, access);
	if ((access & VM_WRITE) && !pte_writable(*pte))
		return do_wp_page(vma, addr, pte);
	flush_tlb_page(addr);   /* already allowed: the TLB held a stale entry */
	return VM_FAULT_OK;
}
