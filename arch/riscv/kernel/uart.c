/*
 * uart.c: the receive side of the console's ns16550a. OpenSBI keeps writing the output (SBI console
 * putchar); the kernel takes the input: the receive-data interrupt (IER bit 0, with OUT2 set in MCR
 * as on a PC) raises PLIC source UART0_IRQ, and the handler hands every waiting byte to the console.
 */
#include "console.h"
#include "irq.h"
#include "memlayout.h"
#include "pgtable.h"

#define UART_RBR 0          /* receive buffer (read) */
#define UART_IER 1          /* interrupt enable */
#define UART_MCR 4          /* modem control */
#define UART_LSR 5          /* line status */
#define IER_RDI 0x01        /* receive data available */
#define MCR_OUT2 0x08       /* gates the interrupt line on PC-style UARTs */
#define LSR_DR 0x01         /* a byte is waiting */

static volatile uint8_t *uart;

void uart_init(void)
{
	uart = ioremap(UART0_PA, PGSIZE);
	uart[UART_MCR] |= MCR_OUT2;
	uart[UART_IER] = IER_RDI;
	plic_enable(UART0_IRQ);
}

int uart_getc(void)
{
	return uart[UART_LSR] & LSR_DR ? uart[UART_RBR] : -1;
}

void uart_intr(void)
{
	int c;

	while ((c = uart_getc()) >= 0)
		console_receive((char)c);
}
