/*
 * proctest.c: a program reads /proc about itself and its child: maps lines after mmap, mprotect and
 * munmap; smaps page counts of a written mapping before fork, shared after fork, private again after
 * a copy-on-write store; status, stat and cmdline; exe read as a link; its pid listed in /proc;
 * meminfo; and the errors of a missing pid and of
 * opening a /proc file for writing.
 */
#include "ulib.h"

#define VIEW_MAX 8192
#define MAP_PAGES 4
#define KIB_PER_PAGE 4
#define STACK_KIB 8192
#define MEM_KIB 131072

static char view[VIEW_MAX];

/* Read the whole file path into view (NUL terminated): its length, or -errno. */
static long read_view(const char *path)
{
	long fd = sys_openat(AT_FDCWD, path, O_RDONLY, 0), n, len = 0;

	if (fd < 0)
		return fd;
	while ((n = sys_read((int)fd, view + len, VIEW_MAX - 1 - len)) > 0)
		len += n;
	sys_close((int)fd);
	view[len] = 0;
	return n < 0 ? n : len;
}

/* Does view contain s? */
static int contains(const char *s)
{
	size_t n = strlen(s);

	for (const char *p = view; *p; p++)
		if (!strncmp(p, s, n))
			return 1;
	return 0;
}

/* The line of view starting with prefix, or NULL. */
static const char *find_line(const char *prefix)
{
	size_t n = strlen(prefix);

	for (const char *p = view; *p;) {
		if (!strncmp(p, prefix, n))
			return p;
		while (*p && *p != '\n')
			p++;
		if (*p)
			p++;
	}
	return NULL;
}

/* The value of "<field>:  <n> kB" after line (the VMA's smaps block), or -1. */
static long smaps_field(const char *line, const char *field)
{
	size_t n = strlen(field);

	for (const char *p = line; p && *p; p++) {
		if (p[-1] == '\n' && !strncmp(p, field, n) && p[n] == ':') {
			p += n + 1;
			while (*p == ' ' || *p == '\t')
				p++;
			return atoi(p);
		}
	}
	return -1;
}

/* The maps line prefix "start-end perms" of a mapping. */
static void maps_prefix(char *buf, unsigned long start, unsigned long end, const char *perms)
{
	snprintf(buf, 64, "%08lx-%08lx %s", start, end, perms);
}

static void test_maps(void)
{
	char want[64];
	long map = sys_mmap(0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	sys_brk(sys_brk(0) + PAGE_SIZE);
	check("maps_read", read_view("/proc/self/maps") > 0, "read failed");
	check("maps_names", contains("[stack]") && contains("[heap]") && contains("[vdso]") && contains(" /proctest\n"),
	      "no [stack], [heap], [vdso] or program line:\n%s", view);
	maps_prefix(want, map, map + 3 * PAGE_SIZE, "rw-p 00000000 00:00 0");
	check("maps_mmap", find_line(want) != NULL, "no line %s", want);
	sys_mprotect((void *)(map + PAGE_SIZE), PAGE_SIZE, PROT_READ);
	read_view("/proc/self/maps");
	maps_prefix(want, map + PAGE_SIZE, map + 2 * PAGE_SIZE, "r--p");
	check("maps_mprotect", find_line(want) != NULL, "no line %s", want);
	sys_munmap((void *)map, 3 * PAGE_SIZE);
	read_view("/proc/self/maps");
	maps_prefix(want, map + PAGE_SIZE, map + 2 * PAGE_SIZE, "r--p");
	check("maps_munmap", find_line(want) == NULL, "line %s still there", want);
}

/* The smaps block of the mapping at map: Rss, Shared_Dirty, Private_Dirty, Anonymous in *out. */
static int smaps_of(unsigned long map, long out[4])
{
	char want[64];
	const char *line;

	read_view("/proc/self/smaps");
	maps_prefix(want, map, map + MAP_PAGES * PAGE_SIZE, "rw-p");
	line = find_line(want);
	out[0] = smaps_field(line, "Rss");
	out[1] = smaps_field(line, "Shared_Dirty");
	out[2] = smaps_field(line, "Private_Dirty");
	out[3] = smaps_field(line, "Anonymous");
	return line != NULL;
}

static int smaps_is(unsigned long map, long rss, long shared, long private)
{
	long v[4];

	return smaps_of(map, v) && v[0] == rss && v[1] == shared && v[2] == private && v[3] == rss;
}

static void test_smaps(void)
{
	long map = sys_mmap(0, MAP_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	volatile char *p = (char *)map;
	long pid, full = MAP_PAGES * KIB_PER_PAGE;

	check("smaps_untouched", smaps_is(map, 0, 0, 0), "Rss of an untouched map");
	for (int i = 0; i < MAP_PAGES; i++)
		p[i * PAGE_SIZE] = 1;
	check("smaps_written", smaps_is(map, full, 0, full), "after writing: not %ld kB private", full);
	pid = sys_fork();
	if (pid == 0) {
		int ok = smaps_is(map, full, full, 0);
		p[0] = 2;
		ok &= smaps_is(map, full, full - KIB_PER_PAGE, KIB_PER_PAGE);
		sys_exit(ok ? 0 : 1);
	}
	check_child("smaps_child_cow", wait_child(pid), 0);
	check("smaps_parent_after", smaps_is(map, full, 0, full), "the parent's pages are its own again");
	sys_munmap((void *)map, MAP_PAGES * PAGE_SIZE);
}

static void test_status(void)
{
	char want[64];
	long pid, status;

	check("status_read", read_view("/proc/self/status") > 0 && find_line("Name:\tproctest"), "%s", view);
	pid = sys_fork();
	read_view("/proc/self/status");
	snprintf(want, sizeof(want), "Pid:\t%ld", sys_getpid());
	if (pid == 0) {
		char ppid[32];
		snprintf(ppid, sizeof(ppid), "PPid:\t%ld", sys_getppid());
		sys_exit(find_line(want) && find_line(ppid) ? 0 : 1);
	}
	status = wait_child(pid);
	check_child("status_child", status, 0);
	check("status_fields", find_line(want) && find_line("VmStk:\t    8192 kB") && find_line("VmSize:") &&
	      find_line("VmRSS:") && find_line("VmData:") && find_line("State:\tR (running)"), "%s", view);
	snprintf(want, sizeof(want), "/proc/%ld/stat", sys_getpid());
	read_view(want);
	snprintf(want, sizeof(want), "%ld (proctest) R %ld ", sys_getpid(), sys_getppid());
	check("stat_fields", !strncmp(view, want, strlen(want)), "%s", view);
	check("meminfo", read_view("/proc/meminfo") > 0 && find_line("MemTotal:         131072 kB") &&
	      find_line("MemFree:") && find_line("Cached:"), "%s", view);
}

/* cmdline in argv order, exe as a link to the program, and the pids listed in /proc. */
static void test_links(char **argv)
{
	char link[64], want[32];
	long n = read_view("/proc/self/cmdline"), fd, got, found = 0;

	check("cmdline", n == 13 && !memcmp(view, "proctest\0one\0", 13) && !strcmp(argv[1], "one"),
	      "%ld bytes", n);
	n = syscall6(__NR_readlinkat, AT_FDCWD, (long)"/proc/self/exe", (long)link, sizeof(link), 0, 0);
	check("exe_link", n == 9 && !memcmp(link, "/proctest", 9), "readlink gave %ld", n);
	check("exe_not_link", syscall6(__NR_readlinkat, AT_FDCWD, (long)"/proc/self/maps", (long)link, 8, 0, 0) ==
	      -EINVAL, "maps is no link");
	fd = sys_openat(AT_FDCWD, "/proc", O_RDONLY | O_DIRECTORY, 0);
	snprintf(want, sizeof(want), "%ld", sys_getpid());
	while ((got = syscall6(__NR_getdents64, fd, (long)view, VIEW_MAX, 0, 0, 0)) > 0)
		for (long off = 0; off < got; off += *(unsigned short *)(view + off + 16))
			found += !strcmp(view + off + 19, want) || !strcmp(view + off + 19, "meminfo");
	sys_close((int)fd);
	check("proc_listing", found == 2, "own pid and meminfo listed: %ld", found);
}

static void test_errors(void)
{
	struct stat st;

	check("proc_no_pid", sys_openat(AT_FDCWD, "/proc/99999/status", O_RDONLY, 0) == -ENOENT &&
	      sys_openat(AT_FDCWD, "/proc/self/nothing", O_RDONLY, 0) == -ENOENT, "missing names");
	check("proc_write", sys_openat(AT_FDCWD, "/proc/self/maps", O_WRONLY, 0) == -EACCES &&
	      sys_openat(AT_FDCWD, "/proc/meminfo", O_RDWR, 0) == -EACCES, "opened for writing");
	check("proc_exec", sys_execve("/proc/self/status", NULL, NULL) == -EACCES &&
	      sys_execve("/dev/null", NULL, NULL) == -EACCES && sys_execve("/proc", NULL, NULL) == -EACCES,
	      "a view, a device or a directory executed");
	check("proc_stat", !syscall6(__NR_newfstatat, AT_FDCWD, (long)"/proc/self", (long)&st, 0, 0, 0) &&
	      S_ISDIR(st.st_mode) && !syscall6(__NR_newfstatat, AT_FDCWD, (long)"/proc/self/maps", (long)&st, 0, 0, 0) &&
	      S_ISREG(st.st_mode), "stat of /proc/self");
}

int main(int argc, char **argv, char **envp)
{
	test_maps();
	test_smaps();
	test_status();
	test_links(argv);
	test_errors();
	test_exit();
}
