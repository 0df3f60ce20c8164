/* sbi.h: the OpenSBI calls the kernel uses (legacy console, timer, system reset). */
#ifndef _SBI_H
#define _SBI_H

#include "types.h"

struct sbiret {
	long error;
	long value;
};

struct sbiret sbi_ecall(long ext, long fid, long a0, long a1, long a2);
void sbi_console_putchar(int c);
void sbi_set_timer(uint64_t stime);
/* Power QEMU off with `status` as its exit status (0 via SBI SRST, else the sifive_test device). */
void __noreturn sbi_shutdown(int status);

#endif
