/* irq.h: device interrupts: the PLIC (plic.c) and the console UART's receive side (uart.c). */
#ifndef _IRQ_H
#define _IRQ_H

#include "types.h"

/* Map the PLIC, route source irq to this hart's S-mode context and enable external interrupts. */
void plic_init(void);
void plic_enable(int irq);
/* An S-mode external interrupt: claim each pending source, run its handler, complete it. */
void plic_handle_irq(void);

/* Map the UART and enable its receive interrupt. */
void uart_init(void);
/* Read one received byte, or -1 when none is waiting. */
int uart_getc(void);
/* The UART's interrupt: every received byte goes to console_receive(). */
void uart_intr(void);

#endif
