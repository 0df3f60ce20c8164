/*
 * binfmt.h: execve's arguments on their way to the new program's stack (exec_args.c). The vectors
 * are counted, then each string is measured and copied once (Linux's limits checked as it goes) from
 * where it is (the old address space, or kernel memory for the boot processes) into a kernel image of
 * the initial stack block before the old address space is dropped; the image is laid out once the
 * program is known and copied to the new stack afterwards.
 */
#ifndef _BINFMT_H
#define _BINFMT_H

#include "types.h"

#define MAX_ARG_STRLEN (128UL << 10)   /* one argument or environment string, NUL included */
/*
 * The file name, strings and pointers fit a quarter of RLIMIT_STACK, but never less than ARG_MIN_LIMIT
 * (Linux's ARG_MAX, 32 pages, kept whatever the limit) nor more than ARG_MAX_LIMIT (3/4 of the default
 * 8 MiB stack limit), as on Linux.
 */
#define ARG_MAX_DIVISOR 4
#define ARG_MIN_LIMIT (32UL * 4096)
#define ARG_MAX_LIMIT (6UL << 20)

struct elf_info;
struct arg_image;

struct exec_args {
	const char *path;          /* the program, in kernel memory (AT_EXECFN) */
	bool user;                 /* argv/envp are user addresses; else kernel char *const * */
	uint64_t argv, envp;       /* NULL-terminated vectors; 0 means empty */
	uint64_t argc, envc;       /* counted by exec_args_copy */
	uint64_t bytes;            /* their strings' bytes, NULs included */
};

/* Count and check the vectors and copy the path and strings into a new image: the image, or NULL with
 * *err = -EFAULT, -ENOMEM, or -E2BIG past MAX_ARG_STRLEN or ARG_MAX. Reads the current address space. */
struct arg_image *exec_args_copy(struct exec_args *a, long *err);
/* Lay out argc, argv, envp and the auxv for a program described by info below the strings: 0 or -errno. */
long exec_args_build(struct arg_image *img, const struct exec_args *a, const struct elf_info *info);
/* Copy the block to the top of the (new, current) user stack and free it: the user sp, or -errno. */
long exec_args_install(struct arg_image *img);
void exec_args_free(struct arg_image *img);

#endif
