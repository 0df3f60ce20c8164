/*
 * mmap.c: file mappings through glibc: a shared map written and synced with msync (its flags
 * checked), seen by read(); madvise(MADV_DONTNEED) dropping private pages (anonymous memory reads
 * zeros again, a private file map the file again); bad arguments.
 */
#include "common.h"
#include <fcntl.h>
#include <sys/mman.h>

#define NAME "mmap.dat"
#define LEN 8192

int main(void)
{
	int fd = open(NAME, O_CREAT | O_RDWR | O_TRUNC, 0644);
	char buf[16];

	CHECK("mmap_file_size", ftruncate(fd, LEN) == 0);
	char *shared = mmap(NULL, LEN, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	CHECK("mmap_shared", shared != MAP_FAILED);
	memcpy(shared + 4096, "through the map", 16);
	CHECK("msync_sync", msync(shared, LEN, MS_SYNC) == 0);
	CHECK("msync_async_invalidate", msync(shared, LEN, MS_ASYNC | MS_INVALIDATE) == 0);
	CHECK("msync_both", msync(shared, LEN, MS_SYNC | MS_ASYNC) == -1 && errno == EINVAL);
	CHECK("msync_bad_flag", msync(shared, LEN, 8) == -1 && errno == EINVAL);
	CHECK("msync_unaligned", msync(shared + 1, 10, MS_SYNC) == -1 && errno == EINVAL);
	CHECK("read_sees_map", pread(fd, buf, 16, 4096) == 16 && !memcmp(buf, "through the map", 16));

	char *private = mmap(NULL, LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	private[4096] = 'T';
	CHECK("private_copy", private[4096] == 'T' && shared[4096] == 't');
	CHECK("madvise_file", madvise(private, LEN, MADV_DONTNEED) == 0 && private[4096] == 't');

	char *anon = mmap(NULL, LEN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(anon, 0x5a, LEN);
	CHECK("madvise_anon", madvise(anon, LEN, MADV_DONTNEED) == 0 && anon[0] == 0 && anon[LEN - 1] == 0);
	CHECK("madvise_hints", madvise(anon, LEN, MADV_WILLNEED) == 0 && madvise(anon, LEN, MADV_SEQUENTIAL) == 0);
	CHECK("madvise_bad", madvise(anon, LEN, 12345) == -1 && errno == EINVAL);
	CHECK("madvise_unaligned", madvise(anon + 1, 10, MADV_DONTNEED) == -1 && errno == EINVAL);
	munmap(anon, LEN);
	CHECK("madvise_unmapped", madvise(anon, LEN, MADV_DONTNEED) == -1 && errno == ENOMEM);
	CHECK("msync_unmapped", msync(anon, LEN, MS_SYNC) == -1 && errno == ENOMEM);
	munmap(private, LEN);
	munmap(shared, LEN);
	close(fd);
	unlink(NAME);
	return done();
}
