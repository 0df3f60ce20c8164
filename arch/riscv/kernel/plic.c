/*
 * plic.c: the platform-level interrupt controller of QEMU virt. Hart 0's S-mode is context 1; a
 * source is enabled by giving it priority 1 and setting its bit in that context's enable word (the
 * threshold is 0). An external interrupt is claimed (the source number), handled, then completed.
 */
#include "irq.h"
#include "memlayout.h"
#include "pgtable.h"
#include "riscv.h"
#include "kernel.h"

#define PLIC_S_CONTEXT 1                       /* hart 0, supervisor mode */
#define PLIC_PRIORITY(irq) (4 * (irq))
#define PLIC_ENABLE(ctx) (0x2000 + 0x80 * (ctx))
#define PLIC_THRESHOLD(ctx) (0x200000 + 0x1000 * (ctx))
#define PLIC_CLAIM(ctx) (0x200004 + 0x1000 * (ctx))

static uint8_t *plic;

static volatile uint32_t *plic_reg(uint64_t offset)
{
	return (volatile uint32_t *)(plic + offset);
}

void plic_init(void)
{
	plic = ioremap(PLIC_PA, PLIC_SIZE);
	*plic_reg(PLIC_THRESHOLD(PLIC_S_CONTEXT)) = 0;
	csr_set(sie, SIE_SEIE);
}

void plic_enable(int irq)
{
	*plic_reg(PLIC_PRIORITY(irq)) = 1;
	*plic_reg(PLIC_ENABLE(PLIC_S_CONTEXT) + 4 * (irq / 32)) |= 1U << (irq % 32);
}

void plic_handle_irq(void)
{
	uint32_t irq;

	while ((irq = *plic_reg(PLIC_CLAIM(PLIC_S_CONTEXT))) != 0) {
		if (irq == UART0_IRQ)
			uart_intr();
		else
			panic("unexpected external interrupt %u", irq);
		*plic_reg(PLIC_CLAIM(PLIC_S_CONTEXT)) = irq;   /* complete */
	}
}
