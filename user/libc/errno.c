/*
 * errno.c: failing calls set errno to Linux's value and perror/strerror print its text: missing
 * files, bad descriptors, bad pointers, bad flags and arguments of the new calls.
 */
#include "common.h"
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>

/* An unmapped address, through a volatile so the compiler cannot see what it is. */
static void *volatile bad_ptr = (void *)16;
static volatile int minus_one = -1;
#define BAD_PTR bad_ptr

static void fails(const char *name, long result, int want)
{
	if (result == -1 && errno == want) {
		printf("%s: ok (%s)\n", name, strerror(errno));
	} else {
		printf("%s: FAIL returned %ld errno %d, expected errno %d\n", name, result, errno, want);
		failures++;
	}
}

int main(void)
{
	struct timespec ts;
	struct stat st;
	char c;
	int fds[2];

	fails("open_missing", open("no-such-file", O_RDONLY), ENOENT);
	errno = 0;
	if (open("no-such-file", O_RDONLY) < 0)
		perror("open no-such-file");
	fails("close_bad", close(99), EBADF);
	fails("read_bad_fd", read(42, &c, 1), EBADF);
	fails("write_bad_ptr", write(1, BAD_PTR, 4), EFAULT);
	fails("fstat_bad_fd", fstat(77, &st), EBADF);
	fails("dup_bad", dup(55), EBADF);
	fails("dup2_bad", dup2(55, 3), EBADF);
	fails("fcntl_bad_cmd", fcntl(1, 9999), EINVAL);
	fails("ioctl_file", ioctl(open("errno.tmp", O_CREAT | O_RDWR, 0644), TCGETS, &ts), ENOTTY);
	fails("stat_bad_ptr", stat("errno.tmp", BAD_PTR), EFAULT);
	fails("access_bad_mode", access("errno.tmp", 0x40), EINVAL);
	unlink("errno.tmp");
	fails("pipe2_bad_ptr", pipe2(BAD_PTR, 0), EFAULT);
	fails("pipe2_bad_flag", pipe2(fds, 1 << 30), EINVAL);
	fails("clock_bad_ptr", clock_gettime(CLOCK_MONOTONIC, BAD_PTR), EFAULT);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	fails("nanosleep_negative", nanosleep(&ts, NULL), EINVAL);
	fails("kill_bad_signal", kill(getpid(), 999), EINVAL);
	CHECK("kill_probe_self", kill(getpid(), 0) == 0);
	fails("kill_no_process", kill(99999, SIGTERM), ESRCH);
	fails("getrandom_bad_flags", getrandom(&c, 1, 0x100), EINVAL);
	fails("getrandom_bad_ptr", getrandom(BAD_PTR, 8, 0), EFAULT);
	struct iovec iov = { BAD_PTR, 4 };
	fails("writev_bad_iov", writev(1, BAD_PTR, 1), EFAULT);
	fails("writev_bad_base", writev(1, &iov, 1), EFAULT);
	fails("writev_negative_count", writev(1, &iov, minus_one), EINVAL);
	fails("lseek_console", lseek(0, 0, SEEK_SET), ESPIPE);
	fails("ftruncate_console", ftruncate(1, 0), EINVAL);
	errno = EACCES;
	perror("perror EACCES");
	return done();
}
