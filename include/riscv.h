/* riscv.h: supervisor CSR bits, trap causes by name, and CSR access macros. */
#ifndef _RISCV_H
#define _RISCV_H

#ifdef __ASSEMBLER__
#define _BIT(n) (1 << (n))
#else
#define _BIT(n) (1UL << (n))
#endif

/* sstatus */
#define SSTATUS_SIE    _BIT(1)   /* S-mode interrupts enabled */
#define SSTATUS_SPIE   _BIT(5)   /* SIE before the trap; becomes SIE at sret */
#define SSTATUS_SPP    _BIT(8)   /* trap came from S-mode */
#define SSTATUS_SUM    _BIT(18)  /* S-mode may touch U pages: set only in uaccess */
#define SSTATUS_FS     (3UL << 13)  /* floating-point unit state: */
#define SSTATUS_FS_OFF     (0UL << 13)  /*   FP instructions trap */
#define SSTATUS_FS_INITIAL (1UL << 13)  /*   usable, registers hold their initial values */
#define SSTATUS_FS_CLEAN   (2UL << 13)  /*   usable, registers match the saved copy */
#define SSTATUS_FS_DIRTY   (3UL << 13)  /*   usable, registers changed since the last save */

/* sie / sip */
#define SIE_STIE       _BIT(5)   /* supervisor timer interrupt enable */
#define SIE_SEIE       _BIT(9)   /* supervisor external interrupt enable (the PLIC) */

/* scounteren: let U-mode read cycle, time and instret */
#define SCOUNTEREN_ALL 0x7

/* satp */
#define SATP_MODE_SV39 (8UL << 60)
#define MAKE_SATP(pgd_pa) (SATP_MODE_SV39 | ((uint64_t)(pgd_pa) >> PGSHIFT))

#define SCAUSE_INTERRUPT (1UL << 63)
#define SCAUSE_ECALL_U 8             /* ecall from U-mode: entry.S sends it to do_syscall itself */

#ifndef __ASSEMBLER__
#include "types.h"

/* Exception codes (scause with the interrupt bit clear). */
enum exc_cause {
	EXC_INST_MISALIGNED = 0,
	EXC_INST_ACCESS = 1,
	EXC_ILLEGAL_INST = 2,
	EXC_BREAKPOINT = 3,
	EXC_LOAD_MISALIGNED = 4,
	EXC_LOAD_ACCESS = 5,
	EXC_STORE_MISALIGNED = 6,
	EXC_STORE_ACCESS = 7,
	EXC_ECALL_U = SCAUSE_ECALL_U,
	EXC_ECALL_S = 9,
	EXC_INST_PAGE_FAULT = 12,
	EXC_LOAD_PAGE_FAULT = 13,
	EXC_STORE_PAGE_FAULT = 15,
};

/* Interrupt codes (scause with the interrupt bit set). */
enum irq_cause {
	IRQ_S_SOFT = 1,
	IRQ_S_TIMER = 5,
	IRQ_S_EXT = 9,
};

#define csr_read(csr) ({ uint64_t __v; asm volatile("csrr %0, " #csr : "=r"(__v)::"memory"); __v; })
#define csr_write(csr, val) asm volatile("csrw " #csr ", %0" ::"rK"((uint64_t)(val)) : "memory")
#define csr_set(csr, bits) asm volatile("csrs " #csr ", %0" ::"rK"((uint64_t)(bits)) : "memory")
#define csr_clear(csr, bits) asm volatile("csrc " #csr ", %0" ::"rK"((uint64_t)(bits)) : "memory")

static inline uint64_t rdinstret(void) { return csr_read(instret); }
static inline uint64_t rdtime(void) { return csr_read(time); }

/* Flush every TLB entry of this hart. */
static inline void flush_tlb_all(void) { asm volatile("sfence.vma" ::: "memory"); }
/* Flush the TLB entries for one virtual page, all address spaces. */
static inline void flush_tlb_page(uint64_t va) { asm volatile("sfence.vma %0" ::"r"(va) : "memory"); }
#endif

#endif
