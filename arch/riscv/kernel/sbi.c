/* sbi.c: calls into OpenSBI (console, timer, reset) and the sifive_test exit device. */
#include "sbi.h"
#include "memlayout.h"

#define SBI_EXT_LEGACY_SET_TIMER 0x00
#define SBI_EXT_LEGACY_PUTCHAR   0x01
#define SBI_EXT_LEGACY_SHUTDOWN  0x08
#define SBI_EXT_SRST             0x53525354
#define SBI_SRST_SHUTDOWN        0
#define SBI_SRST_NO_REASON       0

#define SIFIVE_TEST_FAIL 0x3333   /* (code << 16) | FAIL makes QEMU exit with `code` */

struct sbiret sbi_ecall(long ext, long fid, long arg0, long arg1, long arg2)
{
	register long a0 asm("a0") = arg0;
	register long a1 asm("a1") = arg1;
	register long a2 asm("a2") = arg2;
	register long a6 asm("a6") = fid;
	register long a7 asm("a7") = ext;

	asm volatile("ecall" : "+r"(a0), "+r"(a1) : "r"(a2), "r"(a6), "r"(a7) : "memory");
	return (struct sbiret){ a0, a1 };
}

void sbi_console_putchar(int c)
{
	sbi_ecall(SBI_EXT_LEGACY_PUTCHAR, 0, c, 0, 0);
}

void sbi_set_timer(uint64_t stime)
{
	sbi_ecall(SBI_EXT_LEGACY_SET_TIMER, 0, (long)stime, 0, 0);
}

void sbi_shutdown(int status)
{
	if (status != 0) {
		/* The device is mapped at its direct-map address by setup_vm_final(). */
		volatile uint32_t *test = (volatile uint32_t *)PA2VA(SIFIVE_TEST_PA);
		*test = ((uint32_t)status << 16) | SIFIVE_TEST_FAIL;
	}
	sbi_ecall(SBI_EXT_SRST, 0, SBI_SRST_SHUTDOWN, SBI_SRST_NO_REASON, 0);
	sbi_ecall(SBI_EXT_LEGACY_SHUTDOWN, 0, 0, 0, 0);
	for (;;)
		asm volatile("wfi");
}
