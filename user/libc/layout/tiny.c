/*
 * layout/tiny.c: a program with no libc whose segments share pages, linked in two ways by
 * libc.mk: by lld (read-only, code and data segments sharing file pages) and by GNU ld with
 * layout/share.ld (the data segment starts in the page where the read-only data ends). It prints a
 * line from .rodata and exits with a byte it stored past 4 KiB of .bss, which holds .data's 7.
 */
#define SYS_write 64
#define SYS_exit 93

static const char msg[] = "layout: hello from shared pages\n";
static char bss[5000];
int data_var = 7;

static long sys3(long nr, long a, long b, long c)
{
	register long a0 asm("a0") = a, a1 asm("a1") = b, a2 asm("a2") = c, a7 asm("a7") = nr;

	asm volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
	return a0;
}

void _start(void)
{
	bss[sizeof(bss) - 1] = (char)data_var;
	sys3(SYS_write, 1, (long)msg, sizeof(msg) - 1);
	sys3(SYS_exit, bss[sizeof(bss) - 1], 0, 0);
}
