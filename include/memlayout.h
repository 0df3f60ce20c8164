/* memlayout.h: the machine's memory map and the kernel/user address-space layout, one constant a line. */
#ifndef _MEMLAYOUT_H
#define _MEMLAYOUT_H

#ifdef __ASSEMBLER__
#define _UL(x) x
#else
#define _UL(x) x##UL
#endif

#define PGSHIFT        12
#define PGSIZE         (_UL(1) << PGSHIFT)                 /* 4 KiB base page */
#define MEGAPAGE_SIZE  (_UL(1) << 21)                      /* 2 MiB Sv39 level-1 leaf */
#define GIGAPAGE_SIZE  (_UL(1) << 30)                      /* 1 GiB Sv39 level-2 leaf */

#define PHY_START      _UL(0x80000000)                      /* QEMU virt DRAM base */
#define PHY_SIZE_DEFAULT _UL(0x8000000)                     /* 128 MiB: RAM when the device tree names none */
#define PHY_SIZE_MAX   (_UL(4) << 30)                       /* 4 GiB: what setup_vm's early map covers */
#define GIGAPAGE_SIZE  (_UL(1) << 30)
#define OPENSBI_SIZE   _UL(0x200000)                        /* firmware below the kernel */
#define KERNEL_PA      (PHY_START + OPENSBI_SIZE)           /* where QEMU loads vmlinux */

#define VM_START       _UL(0xffffffe000000000)              /* direct map of PHY_START */
#define PA2VA_OFFSET   (VM_START - PHY_START)
#define KERNEL_VA      (VM_START + OPENSBI_SIZE)            /* link address of _start */

#define SIFIVE_TEST_PA _UL(0x100000)                        /* QEMU virt power/exit device */
#define PLIC_PA        _UL(0x0c000000)                      /* QEMU virt interrupt controller */
#define PLIC_SIZE      _UL(0x400000)                        /* priorities, enables, contexts 0..3 */
#define UART0_PA       _UL(0x10000000)                      /* QEMU virt ns16550a (the console) */
#define UART0_IRQ      10                                   /* its PLIC interrupt source */

#include "uapi/layout.h"                                  /* USER_END */
#define USER_START     _UL(0)
#define USER_STACK_SIZE (_UL(8) << 20)                      /* 8 MiB stack VMA below USER_END */
#define USER_STACK_GAP (_UL(1) << 20)                       /* unmapped guard between mmap area and stack */
#define MMAP_MIN_ADDR  _UL(0x10000)                         /* mmap_min_addr: the lowest address mmap maps */

#ifndef __ASSEMBLER__
#define PA2VA(pa) ((uint64_t)(pa) + PA2VA_OFFSET)
#define VA2PA(va) ((uint64_t)(va) - PA2VA_OFFSET)
#define PGROUNDUP(x)   (((uint64_t)(x) + PGSIZE - 1) & ~(PGSIZE - 1))
#define PGROUNDDOWN(x) ((uint64_t)(x) & ~(PGSIZE - 1))
#define PAGE_ALIGNED(x) (((uint64_t)(x) & (PGSIZE - 1)) == 0)
#endif

#endif
