/*
 * exec_args.c: execve's arguments, environment and auxiliary vector. The initial stack block is
 * built in an image of kernel pages that stands for the top of the new stack ([USER_END - size,
 * USER_END)), then copied out once the new address space is current. Layout, top down: the path
 * (AT_EXECFN), the envp strings, the argv strings (each vector's first string lowest), 16 AT_RANDOM
 * bytes, then at the 16-byte aligned sp: argc, argv[], NULL, envp[], NULL, auxv pairs. Limits are
 * Linux's: a string of at most MAX_ARG_STRLEN bytes, strings and pointers within a quarter of
 * RLIMIT_STACK (ARG_MAX, 2 MiB).
 * As Linux's copy_strings, the strings are placed top down from the last envp string to argv[0],
 * each measured once (word-at-a-time strnlen_user) and copied once; their addresses wait in a side
 * table until the strings' total fixes where the vectors go.
 */
#include "binfmt.h"
#include "elf.h"
#include "proc.h"
#include "vm.h"
#include "mm.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "kernel.h"
#include "uapi/auxvec.h"      /* auxiliary-vector types (Linux's), plus the boot-benchmark entry */

#define NR_AUXV 19                       /* entries written below, AT_NULL included */
#define HWCAP_ISA(c) (1UL << ((c) - 'a'))   /* AT_HWCAP: one bit per single-letter extension */
#define HWCAP_RV64GC (HWCAP_ISA('i') | HWCAP_ISA('m') | HWCAP_ISA('a') | HWCAP_ISA('f') | HWCAP_ISA('d') | \
		      HWCAP_ISA('c'))
#define CLOCK_TICKS 100                   /* AT_CLKTCK: times() units per second (USER_HZ) */
#define RANDOM_BYTES 16
#define STACK_ALIGN 16

#define IMAGE_DIR_PAGES 4                 /* the image's page table: 2048 pages, 8 MiB > ARG_MAX_LIMIT + extras */
#define SLOTS_PER_PAGE (PGSIZE / sizeof(void *))
#define INLINE_PTRS 48                    /* string addresses kept in struct arg_image; more go to pages */

/* Pages 0, 1, ... of a table that grows on demand, each page zeroed when first used. */
struct page_dir {
	void **dir[IMAGE_DIR_PAGES];
	uint64_t pages;                   /* one past the highest page index allocated */
};

/* The stack block being built, and the strings' addresses (argv's, then envp's) until it is laid out. */
struct arg_image {
	struct page_dir stack;            /* page i holds [USER_END - (i + 1) * PGSIZE, USER_END - i * PGSIZE) */
	uint64_t inline_ptrs[INLINE_PTRS];  /* the first string addresses (argv's, then envp's) */
	struct page_dir ptrs;             /* the rest, 8 bytes each */
	uint64_t sp;                      /* lowest byte of the block */
	uint64_t arg_start, arg_end;      /* the argv strings, for /proc/<pid>/cmdline */
};

/* Kernel address of byte off of page i of d (allocated and zeroed on first use); NULL. */
static char *dir_at(struct page_dir *d, uint64_t i, uint64_t off)
{
	void **slot;

	if (i >= IMAGE_DIR_PAGES * SLOTS_PER_PAGE)
		return NULL;
	if (!d->dir[i / SLOTS_PER_PAGE] && !(d->dir[i / SLOTS_PER_PAGE] = alloc_zeroed_page()))
		return NULL;
	slot = &d->dir[i / SLOTS_PER_PAGE][i % SLOTS_PER_PAGE];
	if (!*slot && !(*slot = alloc_zeroed_page()))
		return NULL;
	d->pages = MAX(d->pages, i + 1);
	return (char *)*slot + off;
}

static void dir_free(struct page_dir *d)
{
	for (uint64_t i = 0; i < d->pages; i++)
		if (d->dir[i / SLOTS_PER_PAGE][i % SLOTS_PER_PAGE])
			put_page(d->dir[i / SLOTS_PER_PAGE][i % SLOTS_PER_PAGE]);
	for (int j = 0; j < IMAGE_DIR_PAGES; j++)
		if (d->dir[j])
			put_page(d->dir[j]);
}

/* Kernel address of the image byte standing for user address addr; NULL. */
static char *image_at(struct arg_image *img, uint64_t addr)
{
	return dir_at(&img->stack, (USER_END - 1 - addr) / PGSIZE, addr % PGSIZE);
}

/* The side-table slot of string i (argv's first, then envp's); NULL. */
static uint64_t *ptr_at(struct arg_image *img, uint64_t i)
{
	if (i < INLINE_PTRS)
		return &img->inline_ptrs[i];
	i -= INLINE_PTRS;
	return (uint64_t *)dir_at(&img->ptrs, i / SLOTS_PER_PAGE, i % SLOTS_PER_PAGE * sizeof(uint64_t));
}

/* Copy n bytes from src (user or kernel memory) to the image at addr. 0 or -errno. */
static long image_put(struct arg_image *img, uint64_t addr, const void *src, uint64_t n, bool user)
{
	while (n) {
		uint64_t chunk = MIN(n, PGSIZE - addr % PGSIZE);
		char *dst = image_at(img, addr);
		if (!dst)
			return -ENOMEM;
		if (user && copy_from_user(dst, (const void __user *)src, chunk))
			return -EFAULT;
		if (!user)
			memcpy(dst, src, chunk);
		addr += chunk;
		src = (const char *)src + chunk;
		n -= chunk;
	}
	return 0;
}

/* Pointer i of vector vec: 0 at its end; -EFAULT. */
static long vec_get(const struct exec_args *a, uint64_t vec, uint64_t i, uint64_t *str)
{
	if (!vec) {
		*str = 0;
		return 0;
	}
	if (!a->user) {
		*str = (uint64_t)((char *const *)vec)[i];
		return 0;
	}
	return copy_from_user(str, (const void __user *)(vec + i * sizeof(*str)), sizeof(*str));
}

/* Bytes of the string at str with its NUL; -EFAULT, or -E2BIG when longer than MAX_ARG_STRLEN. */
static long str_size(const struct exec_args *a, uint64_t str)
{
	long len = a->user ? strnlen_user((const char __user *)str, MAX_ARG_STRLEN) :
			     (long)strlen((const char *)str) + 1;

	return len > (long)MAX_ARG_STRLEN ? -E2BIG : len;
}

/* Count vec's pointers into *n; with the ptrs pointers counted before them they must fit limit. */
static long count_vec(struct exec_args *a, uint64_t vec, uint64_t *n, uint64_t ptrs, uint64_t limit)
{
	uint64_t str, i;

	for (i = 0;; i++) {
		long err = vec_get(a, vec, i, &str);
		if (err)
			return err;
		if (!str)
			break;
		if ((ptrs + i + 1) * sizeof(uint64_t) > limit)
			return -E2BIG;
	}
	*n = i;
	return 0;
}

/*
 * Copy vec's n strings into the image below *str, the last one first, each ending at the previous
 * one's start, and note their addresses from side-table slot first on. a->bytes counts the strings'
 * bytes; with a->argc + a->envc pointers they must fit limit (Linux's accounting: the file name, the
 * strings and one pointer each fit ARG_MAX).
 */
static long copy_vec(struct exec_args *a, struct arg_image *img, uint64_t vec, uint64_t n, uint64_t first,
		     uint64_t *str, uint64_t limit)
{
	for (uint64_t i = n; i-- > 0;) {
		uint64_t src, *slot;
		long size, err = vec_get(a, vec, i, &src);
		if (err)
			return err;
		size = src ? str_size(a, src) : -EFAULT;   /* the vector changed since it was counted */
		if (size < 0)
			return size;
		a->bytes += (uint64_t)size;
		if (a->bytes + (a->argc + a->envc) * sizeof(uint64_t) > limit)
			return -E2BIG;
		*str -= (uint64_t)size;
		err = image_put(img, *str, (const void *)src, (uint64_t)size - 1, a->user);   /* the NUL: zeroed */
		if (err)
			return err;
		if (!(slot = ptr_at(img, first + i)))
			return -ENOMEM;
		*slot = *str;
	}
	return 0;
}

/* The bytes the file name, strings and pointers may take (binfmt.h). */
static uint64_t args_limit(void)
{
	uint64_t limit = MIN(current->rlim[RLIMIT_STACK].rlim_cur / ARG_MAX_DIVISOR, ARG_MAX_LIMIT);

	return MAX(limit, ARG_MIN_LIMIT);
}

/* Count the vectors, then copy the path and the strings into img. */
static long copy_strings(struct exec_args *a, struct arg_image *img)
{
	uint64_t limit = args_limit() - (strlen(a->path) + 1);   /* the path is shorter than PATH_MAX */
	uint64_t str = USER_END - (strlen(a->path) + 1);
	long err;

	a->argc = a->envc = a->bytes = 0;
	err = count_vec(a, a->argv, &a->argc, 0, limit);
	err = err ?: count_vec(a, a->envp, &a->envc, a->argc, limit);
	err = err ?: image_put(img, str, a->path, strlen(a->path) + 1, false);
	err = err ?: copy_vec(a, img, a->envp, a->envc, a->argc, &str, limit);
	img->arg_end = str;
	err = err ?: copy_vec(a, img, a->argv, a->argc, 0, &str, limit);
	img->arg_start = str;
	return err;
}

struct arg_image *exec_args_copy(struct exec_args *a, long *err)
{
	struct arg_image *img = kmalloc(sizeof(*img));   /* inline_ptrs: each written before it is read */

	*err = -ENOMEM;
	if (!img)
		return NULL;
	img->stack = img->ptrs = (struct page_dir){ 0 };
	*err = copy_strings(a, img);
	if (*err) {
		exec_args_free(img);
		return NULL;
	}
	return img;
}

/* Write n string addresses from side-table slot first on as a vector at ptrs, then its NULL. */
static long put_vec(struct arg_image *img, uint64_t first, uint64_t n, uint64_t ptrs)
{
	for (uint64_t i = 0; i < n; i++) {
		uint64_t *slot = ptr_at(img, first + i);
		long err = slot ? image_put(img, ptrs + i * sizeof(uint64_t), slot, sizeof(*slot), false) : -ENOMEM;
		if (err)
			return err;
	}
	return image_put(img, ptrs + n * sizeof(uint64_t), &(uint64_t){ 0 }, sizeof(uint64_t), false);
}

static long put_auxv(struct arg_image *img, uint64_t at, const struct elf_info *info, uint64_t random,
		     uint64_t execfn)
{
	uint64_t auxv[NR_AUXV][2] = {
		{ AT_PHDR, info->phdr }, { AT_PHENT, sizeof(Elf64_Phdr) }, { AT_PHNUM, info->phnum },
		{ AT_PAGESZ, PGSIZE }, { AT_ENTRY, info->entry }, { AT_UID, 0 }, { AT_EUID, 0 }, { AT_GID, 0 },
		{ AT_EGID, 0 }, { AT_SECURE, 0 }, { AT_RANDOM, random }, { AT_HWCAP, HWCAP_RV64GC },
		{ AT_HWCAP2, 0 }, { AT_CLKTCK, CLOCK_TICKS }, { AT_BASE, info->base }, { AT_FLAGS, 0 },
		{ AT_EXECFN, execfn }, { AT_KERNEL_ENTRY_INSTRET, kernel_entry_instret }, { AT_NULL, 0 },
	};

	return image_put(img, at, auxv, sizeof(auxv), false);
}

/* Fixed bytes for AT_RANDOM: runs stay deterministic (see identity.c on getrandom). */
static long put_random(struct arg_image *img, uint64_t at)
{
	char bytes[RANDOM_BYTES];

	for (int i = 0; i < RANDOM_BYTES; i++)
		bytes[i] = (char)(0x5a + i * 17);
	return image_put(img, at, bytes, sizeof(bytes), false);
}

long exec_args_build(struct arg_image *img, const struct exec_args *a, const struct elf_info *info)
{
	uint64_t execfn = USER_END - (strlen(a->path) + 1);
	uint64_t random = (img->arg_start - RANDOM_BYTES) & ~(STACK_ALIGN - 1UL);
	uint64_t words = 1 + a->argc + 1 + a->envc + 1 + 2 * NR_AUXV;
	uint64_t sp = (random - words * sizeof(uint64_t)) & ~(STACK_ALIGN - 1UL);
	uint64_t argv_at = sp + sizeof(uint64_t), envp_at = argv_at + (a->argc + 1) * sizeof(uint64_t);
	long err = image_put(img, sp, &a->argc, sizeof(a->argc), false);

	err = err ?: put_vec(img, 0, a->argc, argv_at);
	err = err ?: put_vec(img, a->argc, a->envc, envp_at);
	err = err ?: put_random(img, random);
	err = err ?: put_auxv(img, envp_at + (a->envc + 1) * sizeof(uint64_t), info, random, execfn);
	img->sp = sp;
	return err;
}

long exec_args_install(struct arg_image *img)
{
	long err = 0;

	for (uint64_t page = PGROUNDDOWN(img->sp); page < USER_END && !err; page += PGSIZE) {
		uint64_t from = MAX(page, img->sp);
		char *src = image_at(img, from);
		err = src ? copy_to_user((void __user *)from, src, page + PGSIZE - from) : -ENOMEM;
	}
	err = err ?: (long)img->sp;
	current->mm->arg_start = img->arg_start;
	current->mm->arg_end = img->arg_end;
	exec_args_free(img);
	return err;
}

void exec_args_free(struct arg_image *img)
{
	dir_free(&img->stack);
	dir_free(&img->ptrs);
	kfree(img);
}
