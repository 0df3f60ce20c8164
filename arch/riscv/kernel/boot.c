/*
 * boot.c: the first processes and the end of the machine. spawn_boot_processes() starts the copies of
 * init named on the command line; the idle loop runs whenever nothing else can, and once init has
 * exited and no user process remains it prints the page accounting and powers QEMU off with init's
 * exit status (128 + the signal if init was killed).
 */
#include "boot.h"
#include "entry.h"
#include "proc.h"
#include "resource.h"
#include "sched.h"
#include "exec.h"
#include "exit.h"
#include "bootargs.h"
#include "mm.h"
#include "fs.h"
#include "riscv.h"
#include "sbi.h"
#include "string.h"
#include "kernel.h"
#include "printk.h"

/* Slices of the boot processes, in ticks: the copies started by `copies=N` take them in turn. */
static const uint64_t boot_priorities[] = { 7, 10, 4, 1 };
#define EXIT_NOT_RUNNABLE 127   /* init could not be executed (as a shell reports) */
#define SHELL_SIGNAL_BASE 128   /* a shell reports death by signal s as 128 + s */

static uint64_t free_pages_at_start;

static char *const *boot_envp;   /* the boot processes' environment (NAME=value words of the command line) */

/* The first code of a boot process, on its kernel stack: become the program argv[0]. */
static void boot_exec(char *const argv[])
{
	int err = kernel_execve(argv[0], argv, boot_envp);

	if (err) {
		printk("[init] cannot run %s: %s (error %d)\n", argv[0], exec_strerror(err), err);
		do_exit(W_EXITCODE(EXIT_NOT_RUNNABLE));
	}
}

void spawn_boot_processes(int nr, char *const argv[], char *const envp[])
{
	free_pages_at_start = nr_free_pages();
	boot_envp = envp;
	for (int i = 0; i < nr; i++) {
		struct task_struct *t = alloc_task();
		if (!t)
			panic("no memory for boot process %d", i + 1);
		t->files = files_alloc_console();
		if (!t->files)
			panic("no memory for boot process %d", i + 1);
		t->priority = boot_priorities[i % ARRAY_SIZE(boot_priorities)];
		rlimit_init(t->rlim);
		t->thread.ra = (uint64_t)__ret_from_kernel_thread;
		t->thread.sp = (uint64_t)task_pt_regs(t);
		t->thread.s[0] = (uint64_t)boot_exec;
		t->thread.s[1] = (uint64_t)argv;
		strncpy_s(t->comm, argv[0], sizeof(t->comm));
		t->pgid = t->sid = t->pid;    /* each boot process leads its own process group and session */
		if (t->pid == 1)
			init_proc = t;
		wake_up_new_task(t);
	}
}

/* QEMU's exit status for a wait4 status word: the exit code, or 128 + the killing signal. */
static int shell_status(int status)
{
	return WIFSIGNALED(status) ? SHELL_SIGNAL_BASE + WTERMSIG(status) : WEXITSTATUS(status);
}

static void __noreturn kernel_halt(int init_status)
{
	if (memstat)
		memstat_report();
	fs_shutdown();      /* like unmounting: cached file pages come back, so the counts can match */
	printk("[mm] free pages: %lu before first process, %lu after last\n", free_pages_at_start,
	       nr_free_pages());
	sbi_shutdown(shell_status(init_status));
}

void cpu_idle(void)
{
	int status;

	for (;;) {
		if (init_has_exited(&status) && nr_user_tasks() == 0)
			kernel_halt(status);
		schedule();
		csr_set(sstatus, SSTATUS_SIE);
		asm volatile("wfi");
		csr_clear(sstatus, SSTATUS_SIE);
	}
}
