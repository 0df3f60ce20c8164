/*
 * proc.c: creating and freeing tasks, starting the boot processes, and the idle loop that powers
 * QEMU off once init has exited and no user process remains.
 */
#include "proc.h"
#include "mm.h"
#include "vm.h"
#include "riscv.h"
#include "sbi.h"
#include "string.h"
#include "signal.h"
#include "kernel.h"
#include "log.h"
#include "fs.h"

void __ret_from_kernel_thread(void);

static uint64_t next_pid = 1;
int nr_slots = 1;
static int nr_user_tasks;
static uint64_t free_pages_at_start;
struct task_struct *init_proc;
static bool init_exited;
static int init_status;

/* Slices of the boot processes, in ticks: the copies started by `copies=N` take them in turn. */
static const uint64_t boot_priorities[] = { 7, 10, 4, 1 };
#define DEFAULT_PRIORITY 7

struct task_struct *alloc_task(void)
{
	int slot = 1;
	struct task_struct *t;

	while (slot < NR_TASKS && task[slot])
		slot++;
	if (slot == NR_TASKS)
		return NULL;
	t = alloc_page();
	if (!t)
		return NULL;
	memset(t, 0, sizeof(*t));
	t->state = TASK_RUNNING;
	t->pid = next_pid++;
	t->priority = DEFAULT_PRIORITY;
	t->slot = slot;
	t->pgd = swapper_pg_dir;
	t->thread.sstatus = csr_read(sstatus) & ~SSTATUS_SIE;
	task[slot] = t;
	nr_slots = MAX(nr_slots, slot + 1);
	nr_user_tasks++;
	return t;
}

void release_task(struct task_struct *t)
{
	task[t->slot] = NULL;
	while (nr_slots > 1 && !task[nr_slots - 1])
		nr_slots--;
	nr_user_tasks--;
	put_page(t);
}

static char *const *boot_envp;   /* the boot processes' environment */

static void boot_exec(char *const argv[])
{
	int err = kernel_execve(argv[0], argv, boot_envp);

	if (err) {
		printk("[init] cannot run %s: error %d\n", argv[0], err);
		do_exit(W_EXITCODE(127));
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
		if (t->pid == 1)
			init_proc = t;
	}
}

void note_init_exit(int status)
{
	init_exited = true;
	init_status = status;
	init_proc = NULL;
}

/* QEMU's exit status for a wait4 status word: the exit code, or 128 + the killing signal. */
static int shell_status(int status)
{
	return (status & 0x7f) ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}

static void __noreturn kernel_halt(void)
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
	for (;;) {
		if (init_exited && nr_user_tasks == 0)
			kernel_halt();
		schedule();
		csr_set(sstatus, SSTATUS_SIE);
		asm volatile("wfi");
		csr_clear(sstatus, SSTATUS_SIE);
	}
}
