/*
 * exec.c: replacing a process's address space with a ramdisk program. The new mm holds VMAs only
 * (segments, heap, 8 MiB stack); the only pages touched here are the stack top, written through
 * copy_to_user with the Linux initial stack that exec_args.c builds: argc, argv[], NULL, envp[],
 * NULL, auxv, then strings. Everything that can fail is done before the old address space goes.
 */
#include "exec.h"
#include "bootargs.h"
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
#include "binfmt.h"
#include "vdso.h"

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
	if (!*err && !zju_mode)         /* the lab's programs see no extra VMA */
		*err = vdso_map(mm);
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
	case -ENOENT: return "no such file in the ramdisk (or no interpreter for a dynamically linked program)";
	case -ENOEXEC: return "not a static RV64 ELF executable";
	case -E2BIG: return "arguments too long";
	case -ENOMEM: return "out of memory";
	case -ETXTBSY: return "the file is open for writing";
	default: return "cannot execute";
	}
}

/*
 * The new program's first return to user mode: pc at entry, sp, every other register zero, and FP
 * registers that read as zeros (fpu_exec sets the FS bits).
 */
static void start_thread(struct pt_regs *regs, uint64_t entry, uint64_t sp)
{
	memset(regs, 0, sizeof(*regs));
	regs->x[REG_SP] = sp;
	regs->sepc = entry;
	regs->sstatus = (csr_read(sstatus) & ~(SSTATUS_SPP | SSTATUS_SUM | SSTATUS_SIE | SSTATUS_FS)) | SSTATUS_SPIE;
	fpu_exec(current);
}

/* What a new program does not inherit: close-on-exec descriptors, handlers, tid pointers, the name. */
static void exec_new_identity(struct task_struct *t, const char *path)
{
	files_close_on_exec(t->files);
	signals_exec(t);
	t->clear_child_tid = t->robust_list = 0;
	strncpy_s(t->comm, basename(path), sizeof(t->comm));
}

/* The new stack's top: the argument image copied out, or in ZJU mode nothing (the lab's programs start
 * at `j main` with sp at the top). The user sp, or -errno. */
static long exec_install_stack(struct arg_image *img)
{
	if (!zju_mode)
		return exec_args_install(img);
	exec_args_free(img);
	return (long)USER_END;
}

/* Replace current's program with the file a->path, its arguments described by a. */
static long do_execve(struct exec_args *a)
{
	struct elf_info info;
	struct mm_struct *mm;
	struct arg_image *img;
	long sp, err;
	int ierr;
	struct inode *file = path_lookup(current->files->cwd, a->path, &err);

	if (!file)
		return err;
	if (!inode_is_regular(file))
		return -EACCES;
	img = exec_args_copy(a, &err);   /* the strings, from the old address space */
	if (!img)
		return err;
	mm = exec_mmap(file, &info, &ierr);
	err = mm ? exec_args_build(img, a, &info) : ierr;
	if (err) {
		if (mm)
			mmput(mm);
		exec_args_free(img);
		return err;
	}
	activate_mm(current, mm);       /* the point of no return */
	exec_new_identity(current, a->path);
	trace("[exec] pid %lu %s entry 0x%lx", current->pid, current->comm, info.entry);
	trace_vmas(mm, current->pid);
	sp = exec_install_stack(img);
	if (sp < 0) {   /* past the point of no return: like Linux, the process dies, here and now */
		force_sig_fault(SIGSEGV, SI_KERNEL, 0, "exec stack", USER_END, info.entry);
		do_signal(task_pt_regs(current), false);   /* SIGSEGV (or SIGKILL) by default: never returns */
	}

	start_thread(task_pt_regs(current), info.entry, sp);
	return 0;
}

int kernel_execve(const char *path, char *const argv[], char *const envp[])
{
	struct exec_args a = { .path = path, .user = false, .argv = (uint64_t)argv, .envp = (uint64_t)envp };

	return (int)do_execve(&a);
}

/* execve(path, argv, envp): argv and envp are read from user memory by exec_args.c. */
long sys_execve(uint64_t upath, uint64_t uargv, uint64_t uenvp)
{
	long err;
	char *path = getname(upath, &err);
	struct exec_args a = { .path = path, .user = true, .argv = uargv, .envp = uenvp };

	if (!path)
		return err;
	err = do_execve(&a);
	putname(path);
	return err;
}
