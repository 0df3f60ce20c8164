/*
 * layout/pie.c: a static position-independent program (ET_DYN without PT_INTERP) with no libc, as
 * gcc -fPIE -pie -nostdlib -Wl,--no-dynamic-linker links it. It prints where it was loaded (its own
 * address, found PC-relatively) and the byte in .bss after a large array, then exits with 0.
 */
#define SYS_write 64
#define SYS_exit 93
#define HEX_DIGITS 16

static const char msg[] = "static-pie: running at 0x";
static char bss[8192];

static long sys3(long nr, long a, long b, long c)
{
	register long a0 asm("a0") = a, a1 asm("a1") = b, a2 asm("a2") = c, a7 asm("a7") = nr;

	asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
	return a0;
}

void _start(void)
{
	char hex[HEX_DIGITS + 1];
	unsigned long where = (unsigned long)msg & ~0xfffUL;

	for (int i = HEX_DIGITS - 1; i >= 0; i--, where >>= 4)
		hex[i] = "0123456789abcdef"[where & 15];
	hex[HEX_DIGITS] = '\n';
	sys3(SYS_write, 1, (long)msg, sizeof(msg) - 1);
	sys3(SYS_write, 1, (long)hex, sizeof(hex));
	sys3(SYS_exit, bss[sizeof(bss) - 1], 0, 0);
}
