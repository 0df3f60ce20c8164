/*
 * oomcopy.c: running out of memory inside a system call's user copy kills the process with SIGKILL,
 * as a fault of its own would, instead of returning -EFAULT. A child read()s one file page into every
 * page of a 256 MiB anonymous map (twice the machine's RAM): each read's copy faults in a new page,
 * until none is left. The kernel runs on and every page comes back.
 *   oomcopy_sigkill    the child dies by SIGKILL (it exits with 100 + errno if a read fails instead)
 * Expected output: "oomcopy_sigkill: ok"; exit status 0.
 */
#include "ulib.h"

#define MAP_BYTES (256UL << 20)
#define FILE_NAME "oomcopy.dat"
#define SEED 0x42
#define READ_FAILED 100

static int fill_by_reads(void *arg)
{
	long fd = (long)arg;
	unsigned char *m = (unsigned char *)sys_mmap(NULL, MAP_BYTES, PROT_READ | PROT_WRITE,
						     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (MMAP_FAILED(m))
		return READ_FAILED;
	for (unsigned long off = 0; off < MAP_BYTES; off += PAGE_SIZE) {
		long got = read_at((int)fd, 0, m + off, PAGE_SIZE);
		if (got != (long)PAGE_SIZE)
			return READ_FAILED + (got < 0 ? (int)-got : 0);
	}
	return 0;
}

int main(int argc, char **argv, char **envp)
{
	long fd = file_create(FILE_NAME, PAGE_SIZE, SEED);
	long status = fd < 0 ? fd : fork_run(fill_by_reads, (void *)fd);

	sys_close(fd);
	sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	check_child("oomcopy_sigkill", status, SIGKILL);
	test_exit();
}
