/*
 * mmap1.c: the MMAP1 scenario. Creates a file, maps it shared and private, writes through both,
 * forks, and shows what each process and read() see:
 *   - a store through the MAP_SHARED map is the file: read() and every other mapping see it;
 *   - a store through the MAP_PRIVATE map copies that page: only this process sees it;
 *   - after fork the child's shared store reaches the parent; its private store does not.
 * The trace shows the file page mapped twice ("file"), then copied ("cow ... copy of").
 * Expected output: the "[U] ..." lines below, exit status 0.
 */
#include "ulib.h"

#define FILE_NAME "mmap1.dat"
#define TEXT "hello, file!"
#define TEXT_LEN 12

static void show(const char *who, int fd, const char *shared, const char *private)
{
	char buf[TEXT_LEN + 1];
	long n;

	sys_lseek(fd, 0, SEEK_SET);
	n = sys_read(fd, buf, TEXT_LEN);
	buf[n > 0 ? n : 0] = '\0';
	printf("[U] %s pid %ld: read() \"%s\", shared map \"%s\", private map \"%s\"\n", who, sys_getpid(), buf,
	       shared, private);
}

int main(int argc, char **argv, char **envp)
{
	int fd = sys_openat(AT_FDCWD, FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0644);
	char *shared, *private;
	int status;

	if (fd < 0 || sys_write(fd, TEXT, TEXT_LEN) != TEXT_LEN) {
		printf("mmap1: FAIL cannot create %s (%d)\n", FILE_NAME, fd);
		return 1;
	}
	shared = (char *)sys_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	private = (char *)sys_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	show("start", fd, shared, private);

	memcpy(shared, "HELLO", 5);          /* the file itself: read() and the private map see it */
	show("shared store", fd, shared, private);

	memcpy(private + 7, "mine!", 5);     /* a private copy of the page: the file is unchanged */
	show("private store", fd, shared, private);

	if (sys_fork() == 0) {
		memcpy(shared + 7, "child", 5);   /* reaches the parent and the file */
		memcpy(private, "CHILD", 5);      /* the child's own copy */
		show("child", fd, shared, private);
		return 0;
	}
	sys_wait4(-1, &status, 0, 0);
	show("parent after child", fd, shared, private);
	sys_munmap(shared, PAGE_SIZE);
	sys_munmap(private, PAGE_SIZE);
	sys_close(fd);
	sys_unlinkat(AT_FDCWD, FILE_NAME, 0);
	return 0;
}
