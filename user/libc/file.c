/*
 * file.c: files through glibc: stdio streams (fopen/fprintf/fgets/fseek/ftell), stat and fstat (glibc
 * 2.36 implements fstat with newfstatat(fd, "", AT_EMPTY_PATH)), access, dup/dup2, fcntl flags,
 * pread/pwrite, readv/writev, ftruncate, readlink and getcwd, unlink.
 */
#include "common.h"
#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/uio.h>

#define NAME "file.txt"

static void check_stdio(void)
{
	FILE *f = fopen(NAME, "w");
	char line[64];
	int n = 0, ok = 1;

	for (int i = 0; i < 100; i++)
		fprintf(f, "line %d\n", i);
	CHECK("stdio_write", f && fclose(f) == 0);
	f = fopen(NAME, "r");
	while (f && fgets(line, sizeof(line), f)) {
		char want[64];
		snprintf(want, sizeof(want), "line %d\n", n++);
		ok &= strcmp(line, want) == 0;
	}
	CHECK("stdio_read_back", f && ok && n == 100);
	CHECK("stdio_seek", fseek(f, 7, SEEK_SET) == 0 && fgets(line, sizeof(line), f) && !strcmp(line, "line 1\n"));
	CHECK("stdio_tell", ftell(f) == 14);
	fclose(f);
}

static void check_stat(void)
{
	struct stat st;
	int fd = open(NAME, O_RDONLY);

	CHECK("stat_size", stat(NAME, &st) == 0 && st.st_size == 790 && S_ISREG(st.st_mode));
	CHECK("fstat_size", fstat(fd, &st) == 0 && st.st_size == 790 && S_ISREG(st.st_mode));
	CHECK("fstat_console", fstat(1, &st) == 0 && S_ISCHR(st.st_mode));
	CHECK("stat_missing", stat("no-such-file", &st) == -1 && errno == ENOENT);
	CHECK("access_rw", access(NAME, R_OK | W_OK) == 0);
	CHECK("access_missing", access("no-such-file", F_OK) == -1 && errno == ENOENT);
	close(fd);
}

static void check_descriptors(void)
{
	int fd = open(NAME, O_RDWR), fd2 = dup(fd);
	char c;

	CHECK("dup_shares_offset", fd2 > fd && lseek(fd, 5, SEEK_SET) == 5 && lseek(fd2, 0, SEEK_CUR) == 5);
	CHECK("dup2_target", dup2(fd, 20) == 20 && read(20, &c, 1) == 1 && c == '0');
	CHECK("dup2_same", dup2(fd, fd) == fd);
	CHECK("fcntl_getfl", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
	CHECK("fcntl_setfl_append", fcntl(fd, F_SETFL, O_APPEND) == 0 && (fcntl(fd, F_GETFL) & O_APPEND));
	CHECK("fcntl_cloexec", fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 && fcntl(fd, F_GETFD) == FD_CLOEXEC &&
				   fcntl(fd2, F_GETFD) == 0);
	CHECK("fcntl_dupfd", fcntl(fd, F_DUPFD, 30) == 30 && fcntl(fd, F_DUPFD_CLOEXEC, 30) == 31 &&
				 fcntl(31, F_GETFD) == FD_CLOEXEC);
	close(fd);
	close(fd2);
	close(20);
	close(30);
	close(31);
}

static void check_positional(void)
{
	int fd = open(NAME, O_RDWR);
	char buf[16] = { 0 }, a[4], b[8];
	struct iovec iov[2] = { { "AB", 2 }, { "CDEF", 4 } };

	CHECK("pread", pread(fd, buf, 6, 7) == 6 && !memcmp(buf, "line 1", 6) && lseek(fd, 0, SEEK_CUR) == 0);
	CHECK("pwrite", pwrite(fd, "XY", 2, 1) == 2 && pread(fd, buf, 4, 0) == 4 && !memcmp(buf, "lXYe", 4));
	CHECK("writev", lseek(fd, 0, SEEK_SET) == 0 && writev(fd, iov, 2) == 6);
	struct iovec in[2] = { { a, sizeof(a) }, { b, 2 } };
	CHECK("readv", lseek(fd, 0, SEEK_SET) == 0 && readv(fd, in, 2) == 6 && !memcmp(a, "ABCD", 4) &&
			   !memcmp(b, "EF", 2));
	CHECK("ftruncate", ftruncate(fd, 3) == 0 && lseek(fd, 0, SEEK_END) == 3);
	CHECK("ftruncate_grow", ftruncate(fd, 8192) == 0 && pread(fd, buf, 4, 4096) == 4 && !buf[0] && !buf[3]);
	CHECK("pread_console", pread(1, buf, 1, 0) == -1 && errno == ESPIPE);
	close(fd);
}

static void check_names(void)
{
	char buf[PATH_MAX];

	CHECK("readlink_regular", readlink(NAME, buf, sizeof(buf)) == -1 && errno == EINVAL);
	CHECK("readlink_missing", readlink("no-such-file", buf, sizeof(buf)) == -1 && errno == ENOENT);
	CHECK("getcwd", getcwd(buf, sizeof(buf)) == buf && buf[0] == '/');
	CHECK("getcwd_small", getcwd(buf, 1) == NULL && errno == ERANGE);
	CHECK("unlink", unlink(NAME) == 0 && access(NAME, F_OK) == -1 && errno == ENOENT);
}

int main(void)
{
	check_stdio();
	check_stat();
	check_descriptors();
	check_positional();
	check_names();
	return done();
}
