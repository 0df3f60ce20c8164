/*
 * exec.c: replacing a process's address space with a ramdisk program. The new mm holds VMAs only
 * (segments, heap, 8 MiB stack); the one page touched here is the stack top, written through
 * copy_to_user with the Linux initial stack: argc, argv[], NULL, envp[], NULL, auxv, then strings.
 */
#include "exec.h"
#include "exit.h"
#include "proc.h"
#include "vm.h"
#include "fs.h"
#include "elf.h"
#include "mm.h"
#include "riscv.h"
#include "errno.h"
#include "string.h"
#include "uaccess.h"
#include "kernel.h"
#include "log.h"
#include "signal.h"
#include "syscall.h"
#include "uapi/auxvec.h"

#define NR_AUXV 19                       /* entries written below, AT_NULL included */
#define HWCAP_ISA(c) (1UL << ((c) - 'a'))   /* AT_HWCAP: one bit per single-letter extension */
#define HWCAP_RV64GC (HWCAP_ISA('i') | HWCAP_ISA('m') | HWCAP_ISA('a') | HWCAP_ISA('f') | HWCAP_ISA('d') | \
		      HWCAP_ISA('c'))
#define CLOCK_TICKS 100                   /* AT_CLKTCK: times() units per second (USER_HZ) */

#define STACK_BLOCK_MAX PGSIZE           /* argument block limit: larger is -E2BIG */
#define RANDOM_BYTES 16

static int count_strings(char *const v[], uint64_t *bytes)
{
	int n = 0;

	for (; v && v[n]; n++)
		*bytes += strlen(v[n]) + 1;
	return n;
}

/* Size of the initial stack block for these vectors, or -E2BIG. */
static long stack_block_size(const char *execfn, char *const argv[], char *const envp[], int *argc, int *envc)
{
	uint64_t strings = 0, words;

	*argc = count_strings(argv, &strings);
	*envc = count_strings(envp, &strings);
	strings += strlen(execfn) + 1;
	words = 1 + *argc + 1 + *envc + 1 + 2 * NR_AUXV;
	uint64_t size = ((strings + RANDOM_BYTES + 15) & ~15UL) + ((words * 8 + 15) & ~15UL);
	return size <= STACK_BLOCK_MAX ? (long)size : -E2BIG;
}

/* Copy the vector's strings down from *str (user address mirrored at kbase + (addr - base)). */
static void put_strings(char *const v[], int n, uint64_t *ptrs, uint64_t *str, char *kbase, uint64_t base)
{
	for (int i = 0; i < n; i++) {
		uint64_t len = strlen(v[i]) + 1;
		*str -= len;
		memcpy(kbase + (*str - base), v[i], len);
		ptrs[i] = *str;
	}
	ptrs[n] = 0;
}

/*
 * Build the block in a kernel page and copy it below USER_END. The strings sit at the top: the
 * execve file name (AT_EXECFN), envp's, argv's, then AT_RANDOM's 16 bytes. Returns the user sp or
 * -errno.
 */
static long create_user_stack(const char *execfn, char *const argv[], char *const envp[],
			      const struct elf_info *info)
{
	int argc, envc;
	long size = stack_block_size(execfn, argv, envp, &argc, &envc);
	uint64_t sp = USER_END - size, str = USER_END, random, execfn_at;
	char *k;
	long err;

	if (size < 0)
		return size;
	k = alloc_zeroed_page();
	if (!k)
		return -ENOMEM;
	uint64_t *w = (uint64_t *)k;
	str -= strlen(execfn) + 1;
	execfn_at = str;
	memcpy(k + (str - sp), execfn, strlen(execfn) + 1);
	*w++ = argc;
	put_strings(argv, argc, w, &str, k, sp);
	w += argc + 1;
	put_strings(envp, envc, w, &str, k, sp);
	w += envc + 1;
	random = (str - RANDOM_BYTES) & ~15UL;
	for (int i = 0; i < RANDOM_BYTES; i++)
		k[random - sp + i] = (char)(0x5a + i * 17);   /* fixed: runs are deterministic */
	uint64_t auxv[NR_AUXV][2] = {
		{ AT_PHDR, info->phdr }, { AT_PHENT, sizeof(Elf64_Phdr) }, { AT_PHNUM, info->phnum },
		{ AT_PAGESZ, PGSIZE }, { AT_ENTRY, info->entry }, { AT_UID, 0 }, { AT_EUID, 0 }, { AT_GID, 0 },
		{ AT_EGID, 0 }, { AT_SECURE, 0 }, { AT_RANDOM, random }, { AT_HWCAP, HWCAP_RV64GC },
		{ AT_HWCAP2, 0 }, { AT_CLKTCK, CLOCK_TICKS }, { AT_BASE, 0 }, { AT_FLAGS, 0 }, { AT_EXECFN, execfn_at },
		{ AT_KERNEL_ENTRY_INSTRET, kernel_entry_instret }, { AT_NULL, 0 },
	};
	memcpy(w, auxv, sizeof(auxv));
	err = copy_to_user((void __user *)sp, k, size);
	put_page(k);
	return err ? err : (long)sp;
}

/* A fresh address space for file: its segments, the heap start and the stack VMA. */
static struct mm_struct *exec_mmap(struct inode *file, struct elf_info *info, int *err)
{
	struct mm_struct *mm = mm_alloc();

	*err = -ENOMEM;
	if (!mm)
		return NULL;
	*err = deny_write_access(file);      /* -ETXTBSY while it is open for writing */
	if (*err) {
		mmput(mm);
		return NULL;
	}
	mm->exe_file = file;
	iget(file);
	*err = load_elf_binary(mm, file, info);
	if (!*err) {
		mm->start_stack = USER_END - USER_STACK_SIZE;
		int64_t r = do_mmap(mm, mm->start_stack, USER_STACK_SIZE, 0, 0, VM_READ | VM_WRITE | VM_ANON, NULL,
				    &anon_vm_ops);
		*err = r < 0 ? (int)r : 0;
	}
	if (*err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* Make mm current's address space and free the old one. */
static void activate_mm(struct task_struct *t, struct mm_struct *mm)
{
	struct mm_struct *old = t->mm;

	t->mm = mm;
	t->pgd = mm->pgd;
	switch_pgd(mm->pgd);
	if (old)
		mmput(old);
}

const char *exec_strerror(int err)
{
	switch (err) {
	case -ENOENT: return "no such file in the ramdisk";
	case -ENOEXEC: return "not a static RV64 ELF executable";
	case -E2BIG: return "arguments too long";
	case -ENOMEM: return "out of memory";
	default: return "cannot execute";
	}
}

int kernel_execve(const char *path, char *const argv[], char *const envp[])
{
	struct inode *file = inode_lookup(path);
	struct elf_info info;
	struct mm_struct *mm;
	int argc, envc, err;
	long sp;

	if (!file)
		return -ENOENT;
	if (stack_block_size(path, argv, envp, &argc, &envc) < 0)
		return -E2BIG;
	mm = exec_mmap(file, &info, &err);
	if (!mm)
		return err;
	activate_mm(current, mm);       /* the point of no return */
	files_close_on_exec(current->files);
	current->clear_child_tid = current->robust_list = 0;
	strncpy_s(current->comm, basename(path), sizeof(current->comm));
	trace("[exec] pid %lu %s entry 0x%lx", current->pid, current->comm, info.entry);
	trace_vmas(mm, current->pid);
	sp = create_user_stack(path, argv, envp, &info);
	if (sp < 0)   /* past the point of no return: like Linux, the process dies */
		force_sig_fault(current->pending_sig ? current->pending_sig : SIGSEGV, "exec stack", USER_END, info.entry);

	struct pt_regs *regs = task_pt_regs(current);
	memset(regs, 0, sizeof(*regs));
	regs->x[REG_SP] = sp;
	regs->sepc = info.entry;
	regs->sstatus = (csr_read(sstatus) & ~(SSTATUS_SPP | SSTATUS_SUM | SSTATUS_SIE | SSTATUS_FS)) | SSTATUS_SPIE |
			SSTATUS_FS_INITIAL;
	fpu_exec(current);
	return 0;
}

#define PATH_MAX 256
#define MAX_ARG_PTRS (PGSIZE / sizeof(char *))   /* argv and envp pointers, NULLs included */

/*
 * Copy the user vector uvec (NULL-terminated array of string pointers; NULL means empty) into
 * ptrs[*n...] with the strings packed into strings[*used...]; appends the terminating NULL.
 */
static long copy_strings(uint64_t uvec, char **ptrs, uint64_t *n, char *strings, uint64_t *used)
{
	for (uint64_t i = 0; uvec; i++) {
		uint64_t up;
		long len;

		if (copy_from_user(&up, (const void __user *)(uvec + i * sizeof(up)), sizeof(up)))
			return -EFAULT;
		if (!up)
			break;
		if (*n >= MAX_ARG_PTRS - 2 || *used >= PGSIZE)
			return -E2BIG;          /* the strings so far fill the page: no room for this one */
		len = strncpy_from_user(strings + *used, (const char __user *)up, PGSIZE - *used);
		if (len < 0)
			return len == -ENAMETOOLONG ? -E2BIG : len;
		ptrs[(*n)++] = strings + *used;
		*used += len + 1;
	}
	ptrs[(*n)++] = NULL;
	return 0;
}

/* execve(path, argv, envp): everything is copied in before the old address space is touched. */
long sys_execve(uint64_t upath, uint64_t uargv, uint64_t uenvp)
{
	char path[PATH_MAX];
	long err = strncpy_from_user(path, (const char __user *)upath, sizeof(path));
	char **ptrs;
	char *strings;
	uint64_t n = 0, used = 0, envp_at;

	if (err < 0)
		return err;
	ptrs = alloc_page();
	strings = alloc_page();
	err = -ENOMEM;
	if (ptrs && strings) {
		err = copy_strings(uargv, ptrs, &n, strings, &used);
		envp_at = n;
		if (!err)
			err = copy_strings(uenvp, ptrs, &n, strings, &used);
		if (!err)
			err = kernel_execve(path, ptrs, ptrs + envp_at);
	}
	if (ptrs)
		put_page(ptrs);
	if (strings)
		put_page(strings);
	return err;
}
