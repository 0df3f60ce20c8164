/*
 * treefs.c: the file tree through raw system calls, checked against Linux's answers: paths (absolute,
 * relative, ".", "..", repeated and trailing slashes), mkdirat/unlinkat/renameat2, getdents64 over
 * thousands of entries and with tiny buffers, the current directory (per process, removed under a
 * process), files unlinked while open and mapped, /dev (null, zero, zero mapped across fork), /tmp,
 * statfs, and bad input (long names and paths, a path running off its page, 1-byte buffers).
 */
#include "ulib.h"
#include "uapi/statfs.h"

#define CALL(nr, a, b, c, d) syscall6(nr, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define CALL5(nr, a, b, c, d, e) syscall6(nr, (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)
#define BIG_FILES 2000
#define DIRBUF 4096
#define NAME_MAX_LINUX 255
#define PATH_MAX_LINUX 4096
#define RENAME_NOREPLACE 1
#define TMPFS_MAGIC 0x01021994
#define DT_DIR 4
#define DT_REG 8
#define DIRENT_NAME 19          /* offset of d_name in struct linux_dirent64 */

struct dirent64 {
	unsigned long d_ino;
	long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static char dirbuf[DIRBUF] __attribute__((aligned(8)));
static unsigned char seen[BIG_FILES];
static char longpath[PATH_MAX_LINUX + 16];

static long mkdir(const char *path)
{
	return CALL(__NR_mkdirat, AT_FDCWD, path, 0755, 0);
}

static long rmdir(const char *path)
{
	return CALL(__NR_unlinkat, AT_FDCWD, path, AT_REMOVEDIR, 0);
}

static long unlink(const char *path)
{
	return CALL(__NR_unlinkat, AT_FDCWD, path, 0, 0);
}

static long chdir(const char *path)
{
	return CALL(__NR_chdir, path, 0, 0, 0);
}

static long stat_path(const char *path, struct stat *st)
{
	return CALL(__NR_newfstatat, AT_FDCWD, path, st, 0);
}

static long rename2(const char *from, const char *to, int flags)
{
	return CALL5(__NR_renameat2, AT_FDCWD, from, AT_FDCWD, to, flags);
}

/* Create path holding text; 0 or -errno. */
static long put_file(const char *path, const char *text)
{
	long fd = sys_openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0644), n;

	if (fd < 0)
		return fd;
	n = sys_write((int)fd, text, strlen(text));
	sys_close((int)fd);
	return n == (long)strlen(text) ? 0 : -EIO;
}

/* Does path hold exactly text? */
static int file_is(const char *path, const char *text)
{
	char buf[64];
	long fd = sys_openat(AT_FDCWD, path, O_RDONLY, 0), n;

	if (fd < 0)
		return 0;
	n = sys_read((int)fd, buf, sizeof(buf) - 1);
	sys_close((int)fd);
	return n == (long)strlen(text) && !memcmp(buf, text, (size_t)n);
}

static int cwd_is(const char *want)
{
	char buf[128];
	long n = CALL(__NR_getcwd, buf, sizeof(buf), 0, 0);

	return n == (long)strlen(want) + 1 && !strcmp(buf, want);
}

static void test_walk(void)
{
	struct stat st, root;
	long fd;

	check("tree_mkdir", !mkdir("a") && !mkdir("a/b") && !mkdir("/a/b/c") && !mkdir("a//b/c/d/"), "mkdir failed");
	check("tree_create_deep", !put_file("a/b/c/d/f", "deep"), "create in a subdirectory failed");
	check("tree_chdir", !chdir("a/b") && cwd_is("/a/b"), "chdir a/b or getcwd");
	check("tree_relative", file_is("c/d/f", "deep") && file_is("./c/./d//f", "deep") &&
	      file_is("../b/c/d/../d/f", "deep") && file_is("/a/b/c/d/f", "deep"), "relative paths");
	check("tree_dotdot_root", !stat_path("/../..", &st) && !stat_path("/", &root) && st.st_ino == root.st_ino &&
	      root.st_ino == 1 && S_ISDIR(root.st_mode), "/.. is not /");
	fd = sys_openat(AT_FDCWD, "c", O_RDONLY | O_DIRECTORY, 0);
	check("tree_openat_dirfd", fd >= 0 && CALL(__NR_openat, fd, "d/f", O_RDONLY, 0) >= 0 &&
	      CALL(__NR_mkdirat, fd, "e", 0755, 0) == 0 && !stat_path("c/e", &st) && S_ISDIR(st.st_mode),
	      "openat/mkdirat relative to a directory descriptor");
	check("tree_fchdir", CALL(__NR_fchdir, fd, 0, 0, 0) == 0 && cwd_is("/a/b/c"), "fchdir");
	check("tree_nlink", !stat_path(".", &st) && st.st_nlink == 4 && !stat_path("d/f", &st) && st.st_nlink == 1 &&
	      st.st_size == 4 && S_ISREG(st.st_mode) && st.st_mtime >= 1767225600L, "nlink %u size %ld",
	      st.st_nlink, st.st_size);
	check("tree_chdir_root", !chdir("/") && cwd_is("/"), "chdir /");
}

static void test_errors(void)
{
	struct stat st;
	char name[NAME_MAX_LINUX + 2];

	check("tree_enoent", stat_path("a/nothing/f", &st) == -ENOENT && stat_path("", &st) == -ENOENT &&
	      mkdir("a/nothing/x") == -ENOENT, "missing components");
	check("tree_enotdir", stat_path("a/b/c/d/f/x", &st) == -ENOTDIR && stat_path("a/b/c/d/f/", &st) == -ENOTDIR &&
	      sys_openat(AT_FDCWD, "a/b/c/d/f", O_RDONLY | O_DIRECTORY, 0) == -ENOTDIR && chdir("a/b/c/d/f") == -ENOTDIR,
	      "a file used as a directory");
	check("tree_eexist", mkdir("a") == -EEXIST && mkdir("/") == -EEXIST && mkdir("a/.") == -EEXIST &&
	      sys_openat(AT_FDCWD, "a/b/c/d/f", O_RDWR | O_CREAT | O_EXCL, 0644) == -EEXIST, "existing names");
	check("tree_rmdir_errors", rmdir("a") == -ENOTEMPTY && rmdir("/") == -EBUSY && rmdir("a/b/c/d/f") == -ENOTDIR &&
	      rmdir("a/.") == -EINVAL && unlink("a") == -EISDIR, "rmdir and unlink of the wrong kind");
	check("tree_open_dir_write", sys_openat(AT_FDCWD, "a", O_RDWR, 0) == -EISDIR &&
	      sys_openat(AT_FDCWD, "a/", O_WRONLY | O_CREAT, 0644) == -EISDIR, "directories open read-only");
	memset(name, 'n', NAME_MAX_LINUX + 1);
	name[NAME_MAX_LINUX + 1] = 0;
	check("tree_name_max", mkdir(name) == -ENAMETOOLONG && stat_path(name, &st) == -ENAMETOOLONG, "256-byte name");
	name[NAME_MAX_LINUX] = 0;
	check("tree_name_255", mkdir(name) == 0 && rmdir(name) == 0, "a 255-byte name is fine");
	memset(longpath, '/', sizeof(longpath) - 1);
	check("tree_path_max", stat_path(longpath, &st) == -ENAMETOOLONG, "a path without NUL in PATH_MAX bytes");
	longpath[PATH_MAX_LINUX - 1] = 0;
	check("tree_path_4095", stat_path(longpath, &st) == 0 && S_ISDIR(st.st_mode), "4095 slashes name /");
}

/* A path filling the last bytes of a page with the next page unmapped: -EFAULT, not a crash. */
static void test_path_off_page(void)
{
	long map = sys_mmap(0, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *end = (char *)map + PAGE_SIZE;
	struct stat st;

	if (!check("tree_path_off_page_map", !MMAP_FAILED(map), "mmap %ld", map))
		return;
	sys_munmap(end, PAGE_SIZE);
	memset(end - 64, 'x', 64);
	check("tree_path_off_page", stat_path(end - 64, &st) == -EFAULT && mkdir(end - 64) == -EFAULT &&
	      sys_openat(AT_FDCWD, end - 64, O_RDONLY, 0) == -EFAULT, "a NUL-less path at a page's end");
	sys_munmap((void *)map, PAGE_SIZE);
}

/* Read the whole directory with bufsize-byte calls; each name "f<n>" marks seen[n]. Entries, or -errno. */
static long list_dir(const char *path, unsigned long bufsize, int *dots)
{
	long fd = sys_openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY, 0), n, count = 0;

	if (fd < 0)
		return fd;
	memset(seen, 0, sizeof(seen));
	*dots = 0;
	while ((n = CALL(__NR_getdents64, fd, dirbuf, bufsize, 0)) > 0) {
		for (long off = 0; off < n;) {
			struct dirent64 *d = (struct dirent64 *)(dirbuf + off);
			if (d->d_name[0] == 'f' && atoi(d->d_name + 1) < BIG_FILES && d->d_type == DT_REG)
				seen[atoi(d->d_name + 1)]++;
			else if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				(*dots)++;
			count++;
			off += d->d_reclen;
		}
	}
	sys_close((int)fd);
	return n < 0 ? n : count;
}

static int all_seen_once(void)
{
	for (int i = 0; i < BIG_FILES; i++)
		if (seen[i] != 1)
			return 0;
	return 1;
}

static void test_big_dir(void)
{
	char name[32];
	long made = 0, removed = 0, fd;
	int dots;

	mkdir("big");
	for (int i = 0; i < BIG_FILES; i++) {
		snprintf(name, sizeof(name), "big/f%d", i);
		fd = sys_openat(AT_FDCWD, name, O_WRONLY | O_CREAT | O_EXCL, 0644);
		made += fd >= 0;
		sys_close((int)fd);
	}
	check("tree_big_create", made == BIG_FILES, "%ld of %d made", made, BIG_FILES);
	check("tree_big_list", list_dir("big", DIRBUF, &dots) == BIG_FILES + 2 && dots == 2 && all_seen_once(),
	      "listing with a 4 KiB buffer");
	check("tree_big_list_small", list_dir("big", 32, &dots) == BIG_FILES + 2 && all_seen_once(),
	      "listing one entry per call");
	fd = sys_openat(AT_FDCWD, "big", O_RDONLY | O_DIRECTORY, 0);
	check("tree_getdents_tiny", CALL(__NR_getdents64, fd, dirbuf, 1, 0) == -EINVAL &&
	      CALL(__NR_getdents64, fd, KERNEL_ADDR, DIRBUF, 0) == -EFAULT &&
	      CALL(__NR_getdents64, 0, dirbuf, DIRBUF, 0) == -ENOTDIR, "1-byte buffer, bad buffer, not a directory");
	sys_close((int)fd);
	for (int i = 0; i < BIG_FILES; i++) {
		snprintf(name, sizeof(name), "big/f%d", i);
		removed += unlink(name) == 0;
	}
	check("tree_big_remove", removed == BIG_FILES && list_dir("big", DIRBUF, &dots) == 2 && rmdir("big") == 0,
	      "%ld removed", removed);
}

/* Count the f<n> names of the records in dirbuf[0..n) into seen[]. */
static void count_names(long n)
{
	for (long off = 0; off < n; off += ((struct dirent64 *)(dirbuf + off))->d_reclen) {
		struct dirent64 *d = (struct dirent64 *)(dirbuf + off);
		if (d->d_name[0] == 'f')
			seen[d->d_name[1] - '0']++;
	}
}

/*
 * Entries removed and added between two getdents64 calls: the listing goes on where it stopped. Any
 * order is Linux's; what holds is that every entry present throughout comes exactly once and a
 * removed one not yet listed never comes.
 */
static void test_resume(void)
{
	long fd, n;
	int dots, gone = -1, ok = 1;

	mkdir("res");
	put_file("res/f0", "0");
	put_file("res/f1", "1");
	put_file("res/f2", "2");
	memset(seen, 0, sizeof(seen));
	fd = sys_openat(AT_FDCWD, "res", O_RDONLY | O_DIRECTORY, 0);
	count_names(CALL(__NR_getdents64, fd, dirbuf, 3 * 24, 0));   /* three 24-byte records */
	for (int i = 0; i < 3 && gone < 0; i++)
		if (!seen[i])
			gone = i;
	snprintf(dirbuf, 16, "res/f%d", gone);
	unlink(dirbuf);
	put_file("res/f3", "3");
	while ((n = CALL(__NR_getdents64, fd, dirbuf, DIRBUF, 0)) > 0)
		count_names(n);
	for (int i = 0; i < 3; i++)
		ok &= seen[i] == (i != gone);
	check("tree_getdents_resume", gone >= 0 && ok && seen[3] <= 1, "f0-f3 seen %d %d %d %d, f%d removed",
	      seen[0], seen[1], seen[2], seen[3], gone);
	n = sys_lseek((int)fd, 0, SEEK_SET) ? -1 : CALL(__NR_getdents64, fd, dirbuf, DIRBUF, 0);
	check("tree_getdents_rewind", n == 5 * 24 && list_dir("res", DIRBUF, &dots) == 5, "rewind: %ld bytes", n);
	sys_close((int)fd);
	unlink("res/f0");
	unlink("res/f1");
	unlink("res/f2");
	unlink("res/f3");
	rmdir("res");
}

static void test_rename(void)
{
	check("tree_rename_over_file", !put_file("r1", "one") && !put_file("r2", "two") && !rename2("r1", "r2", 0) &&
	      file_is("r2", "one") && unlink("r1") == -ENOENT, "rename over a file");
	check("tree_rename_noreplace", !put_file("r3", "three") && rename2("r3", "r2", RENAME_NOREPLACE) == -EEXIST,
	      "RENAME_NOREPLACE");
	mkdir("rd");
	mkdir("rd/sub");
	check("tree_rename_into_dir", !rename2("r3", "rd/sub/r3", 0) && file_is("/rd/sub/r3", "three"), "into a dir");
	check("tree_rename_dir", !rename2("rd/sub", "rsub", 0) && file_is("rsub/r3", "three") && !mkdir("rd/sub"),
	      "a directory moved");
	check("tree_rename_errors", rename2("rsub", "rsub/x", 0) == -EINVAL && rename2("rsub", "rd", 0) == -ENOTEMPTY &&
	      rename2("r2", "rd", 0) == -EISDIR && rename2("rd", "r2", 0) == -ENOTDIR && rename2("/", "x", 0) == -EBUSY &&
	      rename2("nothing", "x", 0) == -ENOENT, "rename errors");
	check("tree_rename_dir_over_empty", !rename2("rsub", "rd/sub", 0) && file_is("rd/sub/r3", "three"),
	      "a directory over an empty one");
	unlink("r2");
	unlink("rd/sub/r3");
	rmdir("rd/sub");
	rmdir("rd");
}

/* A file unlinked while open and mapped keeps its bytes until the last of them goes. */
static void test_unlink_open(void)
{
	long fd = sys_openat(AT_FDCWD, "tmp/u", O_RDWR | O_CREAT | O_TRUNC, 0600), map;
	struct stat st;
	char buf[8] = { 0 };

	sys_write((int)fd, "mapped", 6);
	map = sys_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, (int)fd, 0);
	check("tree_unlink_open", !MMAP_FAILED(map) && unlink("/tmp/u") == 0 && stat_path("/tmp/u", &st) == -ENOENT &&
	      !sys_fstat((int)fd, &st) && st.st_nlink == 0, "unlink while open");
	sys_close((int)fd);
	((char *)map)[0] = 'M';
	check("tree_unlink_mapped", !memcmp((char *)map, "Mapped", 6), "the map still holds the bytes");
	sys_munmap((void *)map, PAGE_SIZE);
	(void)buf;
}

static int child_cwd(void *arg)
{
	if (!cwd_is("/tmp") || chdir("/dev"))
		return 1;
	return !cwd_is("/dev");
}

static void test_cwd(void)
{
	chdir("/tmp");
	check_child("tree_fork_cwd", fork_run(child_cwd, 0), 0);
	check("tree_fork_cwd_parent", cwd_is("/tmp"), "the child's chdir moved the parent");
	mkdir("gone");
	chdir("gone");
	check("tree_rmdir_cwd", rmdir("/tmp/gone") == 0 && CALL(__NR_getcwd, dirbuf, 128, 0, 0) == -ENOENT &&
	      sys_openat(AT_FDCWD, "x", O_RDWR | O_CREAT, 0644) == -ENOENT && mkdir("y") == -ENOENT,
	      "a removed current directory");
	check("tree_rmdir_cwd_up", chdir("..") == 0 && cwd_is("/tmp"), ".. of a removed directory");
	check("tree_getcwd_erange", CALL(__NR_getcwd, dirbuf, 4, 0, 0) == -ERANGE, "getcwd into 4 bytes");
	chdir("/");
}

static void test_dev(void)
{
	long fd = sys_openat(AT_FDCWD, "/dev/zero", O_RDWR, 0), map;
	struct stat st;
	struct statfs sf;
	char buf[16];

	memset(buf, 1, sizeof(buf));
	check("tree_dev_zero_read", fd >= 0 && sys_read((int)fd, buf, sizeof(buf)) == sizeof(buf) && !buf[0] &&
	      !buf[15] && sys_write((int)fd, buf, 4) == 4, "/dev/zero");
	check("tree_dev_stat", !stat_path("/dev/null", &st) && (st.st_mode & S_IFMT) == S_IFCHR &&
	      !stat_path("/dev", &st) && S_ISDIR(st.st_mode), "/dev/null is a character device");
	map = sys_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, (int)fd, 0);
	if (check("tree_dev_zero_shared_map", !MMAP_FAILED(map) && !((int *)map)[0], "mmap %ld", map)) {
		check_child("tree_dev_zero_fork", access_in_child((void *)map, 1, 42), 0);
		check("tree_dev_zero_shared", ((unsigned char *)map)[0] == 42, "the child's store not seen");
		sys_munmap((void *)map, PAGE_SIZE);
	}
	map = sys_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, (int)fd, 0);
	if (check("tree_dev_zero_private_map", !MMAP_FAILED(map), "mmap %ld", map)) {
		check_child("tree_dev_zero_private_fork", access_in_child((void *)map, 1, 42), 0);
		check("tree_dev_zero_private", ((unsigned char *)map)[0] == 0, "a child's store seen");
		sys_munmap((void *)map, PAGE_SIZE);
	}
	sys_close((int)fd);
	check("tree_tmp", !put_file("/tmp/t", "t") && file_is("/tmp/t", "t") && !unlink("/tmp/t") &&
	      !stat_path("/tmp", &st) && (st.st_mode & 07777) == 01777, "/tmp");
	check("tree_statfs", !CALL(__NR_statfs, "/", &sf, 0, 0) && sf.f_type == TMPFS_MAGIC && sf.f_bsize == 4096 &&
	      sf.f_namelen == NAME_MAX_LINUX && CALL(__NR_fstatfs, 1, &sf, 0, 0) == 0, "statfs");
}

static void test_cleanup(void)
{
	check("tree_remove_all", !unlink("a/b/c/d/f") && !rmdir("a/b/c/d") && !rmdir("a/b/c/e") && !rmdir("a/b/c") &&
	      !rmdir("a/b") && !rmdir("a/") && rmdir("a") == -ENOENT, "removing the tree");
}

int main(int argc, char **argv, char **envp)
{
	test_walk();
	test_errors();
	test_path_off_page();
	test_big_dir();
	test_resume();
	test_rename();
	test_unlink_open();
	test_cwd();
	test_dev();
	test_cleanup();
	test_exit();
}
