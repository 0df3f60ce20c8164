/*
 * badarg.c: shows that bad system-call arguments get clean errors instead of crashing the
 * kernel or the process: kernel, unmapped, read-only and straddling buffers, zero lengths,
 * impossible brk requests, unknown system-call numbers.
 * Expected output: one "<name>: ok" line per case (plus one note line saying what reading
 * into the text returned); exit status 0.
 */
#include "ulib.h"

#define BUF_LEN 16
#define UNMAPPED_ADDR 0x1000UL			/* below the text (which starts at 0x10000) */
#define STRADDLE_ADDR (USER_END - 0x100)	/* with STRADDLE_LEN, crosses USER_END */
#define STRADDLE_LEN 0x200UL
#define HUGE_BRK 0xffffffff00000000UL
#define UNKNOWN_SYSCALL_A 9999
#define UNKNOWN_SYSCALL_B 1000

static char buf[BUF_LEN];

static void expect(const char *name, long got, long want)
{
	check(name, got == want, "returned %ld, expected %ld", got, want);
}

/* Reading into read-only text: -EFAULT, or 0 from a console that has nothing to give. */
static void read_into_text(void)
{
	long got = sys_read(0, (void *)main, BUF_LEN);

	printf("note: read into text returned %ld (%s)\n", got, got == -EFAULT ? "-EFAULT" : "no data");
	check("read_text", got == -EFAULT || got == 0, "returned %ld, expected %d or 0", got, -EFAULT);
}

static void bad_brk(void)
{
	unsigned long brk = sys_brk(0);

	expect("brk_past_user", sys_brk(USER_END + PAGE_SIZE), brk);
	expect("brk_huge", sys_brk(HUGE_BRK), brk);
}

int main(int argc, char **argv, char **envp)
{
	struct sysinfo *kernel_info = (struct sysinfo *)KERNEL_ADDR;

	expect("write_kaddr", sys_write(1, (void *)KERNEL_ADDR, BUF_LEN), -EFAULT);
	expect("write_unmapped", sys_write(1, (void *)UNMAPPED_ADDR, BUF_LEN), -EFAULT);
	read_into_text();
	expect("write_zero_len", sys_write(1, buf, 0), 0);
	expect("read_zero_len", sys_read(0, buf, 0), 0);
	bad_brk();
	expect("nosys_9999", syscall6(UNKNOWN_SYSCALL_A, 0, 0, 0, 0, 0, 0), -ENOSYS);
	expect("nosys_1000", syscall6(UNKNOWN_SYSCALL_B, 0, 0, 0, 0, 0, 0), -ENOSYS);
	expect("sysinfo_null", sys_sysinfo(NULL), -EFAULT);
	expect("sysinfo_kaddr", sys_sysinfo(kernel_info), -EFAULT);
	expect("write_straddle", sys_write(1, (void *)STRADDLE_ADDR, STRADDLE_LEN), -EFAULT);
	test_exit();
}
