/*
 * dir.c: directories through glibc: mkdir, opendir/readdir (glibc reads with getdents64), telldir/
 * seekdir/rewinddir, chdir/getcwd, files opened relative to a changed directory, rename, nftw over a
 * tree of 300 files, remove and rmdir with their errno. Names are sorted before they are printed: the
 * order of readdir is the file system's own.
 */
#include "common.h"
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <sys/stat.h>

#define TOP "dirtest"
#define TREE_DIRS 3
#define TREE_FILES 100          /* per directory */
#define WALK_FDS 16

static int files_seen, dirs_seen;

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in path except . and .., sorted and joined by spaces, into out. */
static int list(const char *path, char *out, size_t size)
{
	DIR *d = opendir(path);
	struct dirent *e;
	char *names[64];
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)) && n < 64)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof(names[0]), cmp);
	out[0] = 0;
	for (int i = 0; i < n; i++) {
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", names[i]);
		free(names[i]);
	}
	return n;
}

static void check_readdir(void)
{
	char names[256];
	DIR *d;
	long pos;
	struct dirent *e;
	char first[256];

	CHECK("mkdir", mkdir(TOP, 0755) == 0 && mkdir(TOP "/sub", 0700) == 0);
	CHECK("mkdir_exists", mkdir(TOP, 0755) == -1 && errno == EEXIST);
	close(open(TOP "/b.txt", O_CREAT | O_WRONLY, 0644));
	close(open(TOP "/a.txt", O_CREAT | O_WRONLY, 0644));
	CHECK("readdir", list(TOP, names, sizeof(names)) == 3);
	printf("names: %s\n", names);
	d = opendir(TOP);
	readdir(d);
	pos = telldir(d);
	e = readdir(d);
	snprintf(first, sizeof(first), "%s", e ? e->d_name : "");
	readdir(d);
	seekdir(d, pos);
	e = readdir(d);
	CHECK("seekdir", e && !strcmp(e->d_name, first));
	rewinddir(d);
	int n = 0;
	while (readdir(d))
		n++;
	CHECK("rewinddir", n == 5);
	closedir(d);
}

static void check_cwd(void)
{
	char buf[4096], want[4096];
	struct stat st;
	FILE *f;

	getcwd(want, sizeof(want));
	if (!strcmp(want, "/"))
		want[0] = 0;                 /* the path below "/" starts with one slash, not two */
	strcat(want, "/" TOP "/sub");
	CHECK("chdir", chdir(TOP "/sub") == 0 && getcwd(buf, sizeof(buf)) && !strcmp(buf, want));
	f = fopen("../a.txt", "w");
	CHECK("relative_open", f && fputs("relative\n", f) >= 0 && fclose(f) == 0);
	CHECK("dotdot_stat", stat("..", &st) == 0 && S_ISDIR(st.st_mode) && st.st_nlink == 3);
	CHECK("chdir_back", chdir("../..") == 0);
	CHECK("stat_file", stat(TOP "/a.txt", &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 9);
	CHECK("rename", rename(TOP "/a.txt", TOP "/sub/c.txt") == 0 && access(TOP "/sub/c.txt", R_OK) == 0 &&
	      access(TOP "/a.txt", F_OK) == -1 && errno == ENOENT);
	CHECK("rename_over", rename(TOP "/b.txt", TOP "/sub/c.txt") == 0 && stat(TOP "/sub/c.txt", &st) == 0 &&
	      st.st_size == 0);
	CHECK("rmdir_not_empty", rmdir(TOP "/sub") == -1 && errno == ENOTEMPTY);
	CHECK("unlink_dir", unlink(TOP "/sub") == -1 && errno == EISDIR);
	CHECK("opendir_file", opendir(TOP "/sub/c.txt") == NULL && errno == ENOTDIR);
	CHECK("remove", remove(TOP "/sub/c.txt") == 0 && remove(TOP "/sub") == 0);
}

static int visit(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	if (flag == FTW_F)
		files_seen++;
	else if (flag == FTW_D || flag == FTW_DP)
		dirs_seen++;
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	return remove(path);
}

static void check_tree(void)
{
	char path[128];
	int made = 0;

	for (int d = 0; d < TREE_DIRS; d++) {
		snprintf(path, sizeof(path), TOP "/d%d", d);
		mkdir(path, 0755);
		for (int i = 0; i < TREE_FILES; i++) {
			snprintf(path, sizeof(path), TOP "/d%d/file%03d", d, i);
			int fd = open(path, O_CREAT | O_EXCL | O_WRONLY, 0644);
			made += fd >= 0;
			close(fd);
		}
	}
	CHECK("tree_made", made == TREE_DIRS * TREE_FILES);
	CHECK("nftw", nftw(TOP, visit, WALK_FDS, FTW_PHYS) == 0);
	printf("walked: %d files, %d directories\n", files_seen, dirs_seen);
	CHECK("nftw_remove", nftw(TOP, remove_one, WALK_FDS, FTW_DEPTH | FTW_PHYS) == 0);
	CHECK("tree_gone", access(TOP, F_OK) == -1 && errno == ENOENT);
}

int main(void)
{
	check_readdir();
	check_cwd();
	check_tree();
	return done();
}
