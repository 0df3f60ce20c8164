/*
 * fuzzfound.c: one check for each thing the system-call fuzzer found, as Linux behaves. Files are
 * created in the current directory and removed at the end.
 *   fd_high_bits         read, lseek, fstat and close take an unsigned int fd: fd + 2^32 is fd
 *                        (close of it used to write 32 GiB past the descriptor table: a panic)
 *   fstat_ino            st_ino is a small number (not a kernel address), the same for two opens
 *                        of one file and different for two files
 *   brk_after_mprotect   after mprotect(PROT_READ) of the last heap page, the page brk adds next
 *                        takes stores (a child's, then the parent's)
 *   creat_emfile         openat(O_CREAT) with every descriptor in use: -EMFILE and no file made
 *   mmap_offset_wrap     an offset + length that wraps past 2^64: -EOVERFLOW
 *   append_zero_write    write() of 0 bytes on an O_APPEND descriptor leaves the offset alone
 *   shared_anon_2g       a 2 GiB MAP_SHARED|MAP_ANONYMOUS map takes stores past 1 GiB and at its
 *                        end, seen by the parent after a child made them
 *   openat_fdcwd32       openat with dirfd 0xffffff9c (AT_FDCWD as a 32-bit int) works
 *   wait4_pid_high       wait4(pid + 2^32) waits for pid (pid_t is an int)
 *   lseek_whence_high    lseek whence SEEK_END + 2^32 is SEEK_END (whence is an unsigned int)
 *   wait4_wuntraced      WUNTRACED and WCONTINUED are accepted: -ECHILD with no child
 *   wait4_pgrp           wait4(-5) waits for process group 5: -ECHILD; wait4(0) (our group)
 *                        then reaps the child
 *   mprotect_enomem      mprotect with length -1, length 2^40, or a kernel address: -ENOMEM
 *   mprotect_grows_both  PROT_GROWSDOWN | PROT_GROWSUP together: -EINVAL, checked first (even for length 0)
 *   o_directory_file     O_DIRECTORY on a regular file: -ENOTDIR
 *   seek_data_hole       SEEK_DATA at 10 of a 100-byte file is 10, SEEK_HOLE is 100; both at 100:
 *                        -ENXIO
 *   wait4_efault_reaps   wait4 with an unwritable status pointer reaps the child, then -EFAULT
 * Skipped with --linux (run under qemu-riscv64 from a scratch directory, `ulimit -n 1024`): QEMU
 * emulates these calls itself and differs from Linux there, runs the program as data (not as an
 * executable the host kernel protects), and Linux's argument limit is not one page:
 *   map_validate_unknown MAP_SHARED_VALIDATE of a file with an unknown flag: -EOPNOTSUPP
 *   map_fixed_noreplace  MAP_FIXED_NOREPLACE over a mapping: -EEXIST, and the bytes stay
 *   map_fixed_zero       MAP_FIXED at address 0 (below mmap_min_addr, without CAP_SYS_RAWIO): -EPERM
 *   write_only_read      a PROT_WRITE-only anonymous page can be read before it is written (in a
 *                        child), and write() from it works: on riscv write implies read
 *   etxtbsy_open         opening this running program for writing, or with O_TRUNC: -ETXTBSY
 *   etxtbsy_exec         exec of a program open for writing: -ETXTBSY; after close it runs
 *   etxtbsy_truncate     truncate() of this running program by name: -ETXTBSY, and it runs on
 * Expected output: one "<name>: ok" line per check; exit status 0.
 */
#include "ulib.h"

#define LINUX_FLAG "--linux"
#define FILE_NAME "fuzzfound.dat"
#define OTHER_NAME "fuzzfound2.dat"
#define NEW_NAME "fuzzfound.new"
#define FILE_BYTES 100L
#define SEED 0x21
#define HIGH_BIT (1L << 32)
#define FD_CAP 1100			/* more than the 1024 descriptors of `ulimit -n 1024` */
#define FDCWD_32 0xffffff9cL		/* AT_FDCWD (-100) as an unsigned 32-bit value */
#define SMALL_INO (1UL << 32)
#define SHARED_ANON_LEN (2UL << 30)
#define PAST_1G ((1UL << 30) + PAGE_SIZE)
#define GROUP_5 5
#define LEN_2P40 (1UL << 40)
#define SEEK_AT 10L
#define MAP_UNKNOWN_FLAG 0x200000	/* no MAP_* flag uses this bit */
#define ECHO "echoargs"

static int linux_mode;
static int fds[FD_CAP];

static long fd_high_calls(long fd)
{
	struct stat st;
	char c;

	if (syscall6(__NR_lseek, fd + HIGH_BIT, 0, SEEK_SET, 0, 0, 0) != 0 ||
	    syscall6(__NR_read, fd + HIGH_BIT, (long)&c, 1, 0, 0, 0) != 1 ||
	    syscall6(__NR_fstat, fd + HIGH_BIT, (long)&st, 0, 0, 0, 0) != 0 || st.st_size != FILE_BYTES)
		return -1;
	return syscall6(__NR_close, fd + HIGH_BIT, 0, 0, 0, 0, 0);
}

static void test_fd_high_bits(void)
{
	long fd = file_create(FILE_NAME, FILE_BYTES, SEED);
	long closed = fd_high_calls(fd), again = sys_close(fd);

	check("fd_high_bits", fd >= 0 && closed == 0 && again == -EBADF,
	      "fd %ld: calls on fd + 2^32 gave %ld, then close(fd) %ld (expected 0, %d)", fd, closed, again,
	      -EBADF);
}

static unsigned long ino_of(const char *name)
{
	struct stat st;
	long fd = sys_openat(AT_FDCWD, name, O_RDONLY, 0);

	st.st_ino = 0;
	if (fd >= 0) {
		sys_fstat(fd, &st);
		sys_close(fd);
	}
	return st.st_ino;
}

static void test_fstat_ino(void)
{
	long fd = file_create(OTHER_NAME, FILE_BYTES, SEED);
	unsigned long a = ino_of(FILE_NAME), a2 = ino_of(FILE_NAME), b = ino_of(OTHER_NAME);

	sys_close(fd);
	check("fstat_ino", a && b && a < SMALL_INO && b < SMALL_INO && a == a2 && a != b,
	      "st_ino %lx, again %lx, other file %lx", a, a2, b);
}

static void test_write_only_read(void)
{
	unsigned char *m = (unsigned char *)sys_mmap(NULL, PAGE_SIZE, PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long fd = sys_openat(AT_FDCWD, OTHER_NAME, O_WRONLY, 0);
	long status = access_in_child(m, 0, 0), wrote = sys_write(fd, m, PAGE_SIZE);

	sys_close(fd);
	check("write_only_read", !MMAP_FAILED(m) && status == 0 && wrote == (long)PAGE_SIZE,
	      "mmap %p: child's load status %ld, write() from it %ld", m, status, wrote);
	sys_munmap(m, PAGE_SIZE);
}

static void test_brk_after_mprotect(void)
{
	unsigned long base = heap_grow(2 * PAGE_SIZE), more;
	long prot = sys_mprotect((void *)(base + PAGE_SIZE), PAGE_SIZE, PROT_READ), status;

	more = heap_grow(PAGE_SIZE);
	status = access_in_child((void *)more, 1, 1);
	if (status == 0)
		*(volatile unsigned char *)more = 2;
	check("brk_after_mprotect", base && prot == 0 && more == base + 2 * PAGE_SIZE && status == 0,
	      "heap at %lx, mprotect %ld, next page %lx, child's store status %ld", base, prot, more, status);
}

static void test_creat_emfile(void)
{
	long err = 0, created;
	int n = 0;

	while (n < FD_CAP && (err = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0)) >= 0)
		fds[n++] = (int)err;
	created = sys_openat(AT_FDCWD, NEW_NAME, O_RDWR | O_CREAT, 0644);
	while (n > 0)
		sys_close(fds[--n]);
	long reopen = sys_openat(AT_FDCWD, NEW_NAME, O_RDONLY, 0);
	if (reopen >= 0) {
		sys_close(reopen);
		sys_unlinkat(AT_FDCWD, NEW_NAME, 0);
	}
	check("creat_emfile", err == -EMFILE && created == -EMFILE && reopen == -ENOENT,
	      "filling gave %ld, openat(O_CREAT) %ld, then openat of the name %ld (expected %d, %d, %d)", err,
	      created, reopen, -EMFILE, -EMFILE, -ENOENT);
}

static void test_mmap_offset_wrap(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long got = sys_mmap(NULL, 2 * PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, -(long)PAGE_SIZE);

	if (!MMAP_FAILED(got))
		sys_munmap((void *)got, 2 * PAGE_SIZE);
	sys_close(fd);
	check("mmap_offset_wrap", got == -EOVERFLOW, "mmap gave %ld, expected %d", got, -EOVERFLOW);
}

static void test_append_zero_write(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDWR | O_APPEND, 0);
	long wrote = sys_write(fd, "", 0), pos = sys_lseek(fd, 0, SEEK_CUR);

	sys_close(fd);
	check("append_zero_write", fd >= 0 && wrote == 0 && pos == 0, "write %ld, offset then %ld", wrote, pos);
}

static int shared_anon_child(void *arg)
{
	unsigned char *m = arg;

	m[PAST_1G] = 0x5a;
	m[SHARED_ANON_LEN - 1] = 0xa5;
	return 0;
}

static void test_shared_anon_2g(void)
{
	unsigned char *m = (unsigned char *)sys_mmap(NULL, SHARED_ANON_LEN, PROT_READ | PROT_WRITE,
						     MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long status = MMAP_FAILED(m) ? (long)m : fork_run(shared_anon_child, m);

	check("shared_anon_2g", status == 0 && m[PAST_1G] == 0x5a && m[SHARED_ANON_LEN - 1] == 0xa5,
	      "mmap %p, child status %ld", m, status);
	sys_munmap(m, SHARED_ANON_LEN);
}

static void test_openat_fdcwd32(void)
{
	long fd = syscall6(__NR_openat, FDCWD_32, (long)FILE_NAME, O_RDONLY, 0, 0, 0);

	if (fd >= 0)
		sys_close(fd);
	check("openat_fdcwd32", fd >= 0, "openat gave %ld", fd);
}

static void test_wait4_pid_high(void)
{
	long pid = sys_fork(), got;
	int status = -1;

	if (pid == 0)
		sys_exit(7);
	got = syscall6(__NR_wait4, pid + HIGH_BIT, (long)&status, 0, 0, 0, 0);
	if (got != pid)
		reap_children();
	check("wait4_pid_high", got == pid && WEXITSTATUS(status) == 7, "wait4 gave %ld (pid %ld), status %x",
	      got, pid, status);
}

static void test_lseek_whence_high(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long got = syscall6(__NR_lseek, fd, 0, SEEK_END + HIGH_BIT, 0, 0, 0);

	sys_close(fd);
	check("lseek_whence_high", got == FILE_BYTES, "lseek gave %ld, expected %ld", got, FILE_BYTES);
}

static void test_wait4_options(void)
{
	long untraced = sys_wait4(-1, NULL, WUNTRACED, NULL), cont = sys_wait4(-1, NULL, WCONTINUED, NULL);

	check("wait4_wuntraced", untraced == -ECHILD && cont == -ECHILD, "WUNTRACED %ld, WCONTINUED %ld", untraced,
	      cont);
}

static void test_wait4_pgrp(void)
{
	long pid = sys_fork(), other, own;

	if (pid == 0)
		sys_exit(0);
	other = sys_wait4(-GROUP_5, NULL, 0, NULL);
	own = sys_wait4(0, NULL, 0, NULL);
	if (own != pid)
		reap_children();
	check("wait4_pgrp", other == -ECHILD && own == pid, "wait4(-5) %ld, wait4(0) %ld (pid %ld)", other, own,
	      pid);
}

static void test_mprotect_grows_both(void)
{
	long got = sys_mprotect((void *)USER_END - PAGE_SIZE, 0, PROT_READ | PROT_GROWSDOWN | PROT_GROWSUP);

	check("mprotect_grows_both", got == -EINVAL, "mprotect gave %ld, expected %d", got, -EINVAL);
}

static void test_mprotect_enomem(void)
{
	unsigned char *m = (unsigned char *)sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long minus1 = sys_mprotect(m, -1UL, PROT_READ), big = sys_mprotect(m, LEN_2P40, PROT_READ);
	long kaddr = sys_mprotect((void *)KERNEL_ADDR, PAGE_SIZE, PROT_READ);

	sys_munmap(m, PAGE_SIZE);
	check("mprotect_enomem", minus1 == -ENOMEM && big == -ENOMEM && kaddr == -ENOMEM,
	      "length -1 %ld, length 2^40 %ld, kernel address %ld (expected %d)", minus1, big, kaddr, -ENOMEM);
}

static void test_o_directory(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY | O_DIRECTORY, 0);

	if (fd >= 0)
		sys_close(fd);
	check("o_directory_file", fd == -ENOTDIR, "openat gave %ld, expected %d", fd, -ENOTDIR);
}

static void test_seek_data_hole(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDONLY, 0);
	long data = sys_lseek(fd, SEEK_AT, SEEK_DATA), hole = sys_lseek(fd, SEEK_AT, SEEK_HOLE);
	long data_end = sys_lseek(fd, FILE_BYTES, SEEK_DATA), hole_end = sys_lseek(fd, FILE_BYTES, SEEK_HOLE);

	sys_close(fd);
	check("seek_data_hole", data == SEEK_AT && hole == FILE_BYTES && data_end == -ENXIO && hole_end == -ENXIO,
	      "SEEK_DATA %ld, SEEK_HOLE %ld; at the end %ld, %ld", data, hole, data_end, hole_end);
}

static void test_map_validate(void)
{
	long fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDWR, 0);
	long got = sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED_VALIDATE | MAP_UNKNOWN_FLAG, fd, 0);

	if (!MMAP_FAILED(got))
		sys_munmap((void *)got, PAGE_SIZE);
	sys_close(fd);
	check("map_validate_unknown", got == -EOPNOTSUPP, "mmap gave %ld, expected %d", got, -EOPNOTSUPP);
}

static void test_map_fixed_noreplace(void)
{
	unsigned char *m = (unsigned char *)sys_mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
						     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long got;

	m[PAGE_SIZE] = 0x77;
	got = sys_mmap(m + PAGE_SIZE, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	check("map_fixed_noreplace", got == -EEXIST && m[PAGE_SIZE] == 0x77, "mmap gave %ld, byte %d", got,
	      m[PAGE_SIZE]);
	sys_munmap(m, 2 * PAGE_SIZE);
}

static void test_map_fixed_zero(void)
{
	long got = sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	if (!MMAP_FAILED(got))
		sys_munmap((void *)got, PAGE_SIZE);
	check("map_fixed_zero", got == -EPERM, "mmap gave %ld, expected %d", got, -EPERM);
}

static void test_wait4_efault(void)
{
	long pid = sys_fork(), got, again;

	if (pid == 0)
		sys_exit(0);
	got = sys_wait4(pid, (int *)KERNEL_ADDR, 0, NULL);
	again = sys_wait4(pid, NULL, 0, NULL);
	check("wait4_efault_reaps", got == -EFAULT && again == -ECHILD, "wait4 gave %ld, then %ld (expected %d, %d)",
	      got, again, -EFAULT, -ECHILD);
}

static int exec_echo(void *arg)
{
	char *argv[] = { ECHO, NULL };

	return -(int)sys_execve(ECHO, argv, NULL);
}

/* self: this program's name, running now. */
static void test_etxtbsy(const char *self)
{
	long wronly = sys_openat(AT_FDCWD, self, O_WRONLY, 0), trunc = sys_openat(AT_FDCWD, self, O_RDONLY | O_TRUNC, 0);
	long fd = sys_openat(AT_FDCWD, ECHO, O_RDWR, 0), busy = fork_run(exec_echo, NULL), runs;

	sys_close(fd);
	runs = fork_run(exec_echo, NULL);
	check("etxtbsy_open", wronly == -ETXTBSY && trunc == -ETXTBSY, "O_WRONLY %ld, O_TRUNC %ld (expected %d)",
	      wronly, trunc, -ETXTBSY);
	check("etxtbsy_exec", fd >= 0 && WEXITSTATUS(busy) == ETXTBSY && WEXITSTATUS(runs) == 1,
	      "open %ld, exec while open status %lx, after close %lx", fd, busy, runs);
	trunc = syscall6(__NR_truncate, (long)self, 0, 0, 0, 0, 0);
	check("etxtbsy_truncate", trunc == -ETXTBSY, "truncate gave %ld, expected %d", trunc, -ETXTBSY);
}

int main(int argc, char **argv, char **envp)
{
	linux_mode = argc > 1 && strcmp(argv[1], LINUX_FLAG) == 0;
	test_fd_high_bits();
	test_fstat_ino();
	test_brk_after_mprotect();
	test_creat_emfile();
	test_mmap_offset_wrap();
	test_append_zero_write();
	test_shared_anon_2g();
	test_openat_fdcwd32();
	test_wait4_pid_high();
	test_lseek_whence_high();
	test_wait4_options();
	test_wait4_pgrp();
	test_mprotect_enomem();
	test_mprotect_grows_both();
	test_o_directory();
	test_seek_data_hole();
	test_wait4_efault();
	if (linux_mode) {
		printf("fuzzfound: kernel-only checks skipped (%s)\n", LINUX_FLAG);
	} else {
		test_map_validate();
		test_map_fixed_noreplace();
		test_map_fixed_zero();
		test_write_only_read();
		test_etxtbsy(argv[0]);
	}
	sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	sys_unlinkat(AT_FDCWD, OTHER_NAME, 0);
	test_exit();
}
