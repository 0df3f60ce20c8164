/* panic.c: report a broken kernel invariant and stop QEMU with a failing exit status. */
#include "kernel.h"
#include "printk.h"
#include "riscv.h"
#include "sbi.h"

void __panic(const char *file, int line, const char *fmt, ...)
{
	char msg[160];
	va_list ap;

	csr_clear(sstatus, SSTATUS_SIE);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* The trap CSRs still describe the trap being handled: the kernel runs with interrupts off. */
	printk("[panic] %s:%d: %s (scause 0x%lx sepc 0x%lx stval 0x%lx)\n", file, line, msg, csr_read(scause),
	       csr_read(sepc), csr_read(stval));
	sbi_shutdown(PANIC_EXIT_STATUS);
}
