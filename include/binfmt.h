/*
 * binfmt.h: execve's arguments on their way to the new program's stack (exec_args.c). The strings
 * and vectors are measured and checked (Linux's limits), then copied from where they are (the old
 * address space, or kernel memory for the boot processes) into a kernel image of the initial stack
 * block before the old address space is dropped; the image is copied to the new stack afterwards.
 */
#ifndef _BINFMT_H
#define _BINFMT_H

#include "types.h"

#define MAX_ARG_STRLEN (128UL << 10)   /* one argument or environment string, NUL included */
#define ARG_MAX_DIVISOR 4              /* strings and pointers fit a quarter of RLIMIT_STACK */

struct elf_info;
struct arg_image;

struct exec_args {
	const char *path;          /* the program, in kernel memory (AT_EXECFN) */
	bool user;                 /* argv/envp are user addresses; else kernel char *const * */
	uint64_t argv, envp;       /* NULL-terminated vectors; 0 means empty */
	uint64_t argc, envc;       /* counted by exec_args_count */
	uint64_t bytes;            /* their strings' bytes, NULs included */
};

/* Count the strings and check them: 0, -EFAULT, or -E2BIG past MAX_ARG_STRLEN or ARG_MAX. */
long exec_args_count(struct exec_args *a);
/* Build the initial stack block (argc, argv, envp, auxv, strings) for a program described by info. */
struct arg_image *exec_args_build(struct exec_args *a, const struct elf_info *info, long *err);
/* Copy the block to the top of the (new, current) user stack and free it: the user sp, or -errno. */
long exec_args_install(struct arg_image *img);
void exec_args_free(struct arg_image *img);

#endif
