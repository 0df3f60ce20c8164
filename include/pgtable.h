/*
 * pgtable.h: the Sv39 page-table interface. arch/riscv/mm/pgtable.c is the only file that knows the PTE
 * format; everything else goes through these functions and the vm_flags -> PTE conversion.
 */
#ifndef _PGTABLE_H
#define _PGTABLE_H

#include "types.h"
#include "memlayout.h"

typedef uint64_t pte_t;
typedef pte_t *pagetable_t;   /* kernel virtual address of a 4 KiB table of 512 PTEs */

/* PTE bits */
#define PTE_V (1UL << 0)
#define PTE_R (1UL << 1)
#define PTE_W (1UL << 2)
#define PTE_X (1UL << 3)
#define PTE_U (1UL << 4)
#define PTE_G (1UL << 5)
#define PTE_A (1UL << 6)
#define PTE_D (1UL << 7)
#define PTE_PROTNONE (1UL << 8)   /* software (RSW) bit: V clear, but the PTE still holds its page */

#define PTE_PPN_SHIFT 10                            /* the physical page number starts at bit 10 */
#define PTE_INDEX_BITS 9                            /* each level resolves 9 bits of the address */
#define PTES_PER_TABLE (1 << PTE_INDEX_BITS)

/* Kernel mapping permissions (global, accessed/dirty preset so hardware never updates them). */
#define PAGE_KERNEL_RX (PTE_V | PTE_R | PTE_X | PTE_G | PTE_A)
#define PAGE_KERNEL_RO (PTE_V | PTE_R | PTE_G | PTE_A)
#define PAGE_KERNEL_RW (PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D)

static inline bool pte_present(pte_t pte) { return pte & PTE_V; }
/* A leaf that holds a page: present, or made inaccessible by mprotect(PROT_NONE). */
static inline bool pte_has_page(pte_t pte) { return pte & (PTE_V | PTE_PROTNONE); }
static inline bool pte_writable(pte_t pte) { return pte & PTE_W; }
static inline uint64_t pte_pa(pte_t pte) { return (pte >> PTE_PPN_SHIFT) << PGSHIFT; }
static inline pte_t mk_pte(uint64_t pa, uint64_t prot) { return ((pa >> PGSHIFT) << PTE_PPN_SHIFT) | prot; }
/* The permission and status bits of pte (everything below the page number). */
static inline uint64_t pte_prot(pte_t pte) { return pte & ((1UL << PTE_PPN_SHIFT) - 1); }
static inline pte_t pte_wrprotect(pte_t pte) { return pte & ~(PTE_W | PTE_D); }
static inline pte_t pte_mkwrite(pte_t pte) { return pte | PTE_W | PTE_D; }

/* PTE protection bits for a user page of a VMA with these vm_flags (never copied bit for bit). */
uint64_t vm_flags_to_prot(uint64_t vm_flags);

/* Store pte into a level-0 slot of a user table (counting the slot if it was empty). */
void install_pte(pte_t *slot, pte_t pte);
/* Level-0 PTE slot for va, allocating missing tables when alloc; NULL if absent or out of memory. */
pte_t *walk(pagetable_t pgd, uint64_t va, bool alloc);
/* Map [va, va+sz) to [pa, pa+sz) with prot; 2 MiB leaves where both are aligned. 0 or -ENOMEM. */
int create_mapping(pagetable_t pgd, uint64_t va, uint64_t pa, uint64_t sz, uint64_t prot);
/* Drop the user mappings in [start, end): put_page each mapped page. Caller flushes the TLB. */
void unmap_range(pagetable_t pgd, uint64_t start, uint64_t end);
/* Call fn on every non-empty leaf PTE of [start, end) (read only: nothing is changed or freed). */
typedef void (*pte_visit_fn)(pte_t pte, uint64_t va, void *arg);
void visit_range(pagetable_t pgd, uint64_t start, uint64_t end, pte_visit_fn fn, void *arg);
/*
 * Fork: copy the present PTEs of [start, end) from src to dst, taking a page reference for each.
 * With cow, writable PTEs are write-protected in both tables. Returns the number of pages shared, or
 * -ENOMEM (what was copied stays in dst for the caller to tear down). Caller flushes the TLB.
 */
long copy_page_range(pagetable_t dst, pagetable_t src, uint64_t start, uint64_t end, bool cow);
/* mprotect: give the pages in [start, end) the permissions of vm_flags; private mappings never gain
 * write access here (their next write faults and is resolved by copy-on-write). Caller flushes the TLB. */
void change_protection(pagetable_t pgd, uint64_t start, uint64_t end, uint64_t vm_flags);
/* Make pgd the hart's page table (satp) and drop every stale translation. */
void switch_pgd(pagetable_t pgd);
/* A new root sharing the kernel half with swapper_pg_dir; NULL when out of memory. */
pagetable_t pgd_alloc(void);
/* Free every user-half table page and the root (mappings must already be unmapped). */
void pgd_free(pagetable_t pgd);
/*
 * What an address space really needed, added into st: pages it wrote (writable PTEs), read-only user
 * pages not yet counted for any process (each counted once), and its page-table pages.
 */
struct mm_page_stats {
	uint64_t written, readonly, tables;
};
void mm_page_stats(pagetable_t pgd, struct mm_page_stats *st);
/* Print the user half like xv6's vmprint, one line per valid PTE. */
void vmprint(pagetable_t pgd, int pid);

extern pte_t swapper_pg_dir[PTES_PER_TABLE];

/* Map device registers at physical pa (size bytes) into the kernel half, at PA2VA(pa); boot only. */
void *ioremap(uint64_t pa, uint64_t size);

#endif
