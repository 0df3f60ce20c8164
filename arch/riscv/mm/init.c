/*
 * init.c: the kernel's page tables. setup_vm() runs at physical addresses before paging and maps RAM
 * twice with 1 GiB leaves (identity and VM_START) so head.S can jump high. setup_vm_final() then builds
 * swapper_pg_dir with honest permissions: text R-X, rodata and ramdisk R, data/bss and free RAM RW.
 */
#include "memlayout.h"
#include "entry.h"
#include "mm.h"
#include "pgtable.h"
#include "riscv.h"
#include "kernel.h"
#include "log.h"

pte_t early_pgtbl[PTES_PER_TABLE] __aligned(PGSIZE);
pte_t swapper_pg_dir[PTES_PER_TABLE] __aligned(PGSIZE);

#define GIGAPAGE_INDEX(va) (((va) >> 30) & (PTES_PER_TABLE - 1))

/*
 * Runs before paging: only PC-relative accesses, no calls. Maps PHY_SIZE_MAX from PHY_START (whatever
 * RAM there is: the device tree, read once paging is on, says how much), so the tree can be read
 * wherever OpenSBI put it (at the top of RAM).
 */
void setup_vm(void)
{
	for (uint64_t off = 0; off < PHY_SIZE_MAX; off += GIGAPAGE_SIZE) {
		pte_t leaf = (((PHY_START + off) >> PGSHIFT) << PTE_PPN_SHIFT) | PTE_V | PTE_R | PTE_W | PTE_X | PTE_A |
			     PTE_D;
		early_pgtbl[GIGAPAGE_INDEX(PHY_START + off)] = leaf;
		early_pgtbl[GIGAPAGE_INDEX(VM_START + off)] = leaf;
	}
}

static void map_kernel_range(void *start, void *end, uint64_t prot)
{
	uint64_t va = (uint64_t)start, size = PGROUNDUP((uint64_t)end) - va;

	if (create_mapping(swapper_pg_dir, va, VA2PA(va), size, prot))
		panic("setup_vm_final: out of memory mapping %lx", va);
}

void *ioremap(uint64_t pa, uint64_t size)
{
	uint64_t va = PA2VA(pa);

	if (create_mapping(swapper_pg_dir, va, pa, PGROUNDUP(size), PAGE_KERNEL_RW))
		panic("ioremap: out of memory mapping %lx", pa);
	flush_tlb_all();
	return (void *)va;
}

void setup_vm_final(void)
{
	map_kernel_range(_stext, _etext, PAGE_KERNEL_RX);
	map_kernel_range(_srodata, _erodata, PAGE_KERNEL_RO);
	map_kernel_range(_sdata, (void *)PA2VA(PHY_START + phy_size), PAGE_KERNEL_RW);
	if (create_mapping(swapper_pg_dir, PA2VA(SIFIVE_TEST_PA), SIFIVE_TEST_PA, PGSIZE, PAGE_KERNEL_RW))
		panic("setup_vm_final: out of memory mapping the exit device");

	switch_pgd(swapper_pg_dir);
	verbose("kernel page table: text R-X, rodata R, data and RAM RW");
}
