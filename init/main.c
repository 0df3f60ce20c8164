/*
 * main.c: start_kernel() brings the machine up in order (boot command line, page allocator, final
 * page table, ramdisk, traps, timer) and starts the boot processes named on the command line:
 *
 *   init=<program> [copies=<n>] [dump=1] [memstat=1] [zju=1] [vmacheck=1] [budget=<n>] [NAME=value...] [-- <arg>...]
 *
 * init is a ramdisk file name (default pfh1), started as pid 1..n with argv = { init, args... };
 * dump=1 prints each process's maps and page table when it exits; memstat=1 reports at power-off the
 * peak of user pages and page tables in use against what the exited processes really needed;
 * zju=1 runs programs written for the ZJU lab kernel the way it does (see bootargs.h);
 * vmacheck=1 checks every address space's VMA tree after each mmap, munmap, mprotect and brk (panics
 * on a broken invariant; LOG=2 kernels always check);
 * budget=<n> powers off with status 124 and a "[budget]" line after n instructions of guest time.
 * Any other NAME=value word goes into init's environment, as Linux does with parameters it does
 * not know (make run ENV="A=1 B=2").
 */
#include "types.h"
#include "entry.h"
#include "memlayout.h"
#include "riscv.h"
#include "mm.h"
#include "vm.h"
#include "fs.h"
#include "proc.h"
#include "sched.h"
#include "boot.h"
#include "bootargs.h"
#include "fdt.h"
#include "string.h"
#include "kernel.h"
#include "log.h"
#include "irq.h"
#include "vdso.h"


#define CMDLINE_MAX 512
#define MAX_INIT_ARGS 32
#define MAX_INIT_ENVS 32
#define MAX_COPIES 8

static char cmdline[CMDLINE_MAX];
static char *init_argv[MAX_INIT_ARGS + 2];
static char *init_envp[MAX_INIT_ENVS + 1];
static int copies = 1;

/* A decimal number; stops at the first non-digit. */
static uint64_t parse_u64(const char *s)
{
	uint64_t n = 0;

	while (*s >= '0' && *s <= '9')
		n = n * 10 + (uint64_t)(*s++ - '0');
	return n;
}
bool dump_on_exit;
bool memstat;
bool zju_mode;
bool vma_check;

/* The largest power of two <= n, capped at FAULT_AROUND_MAX pages (0 stays 0). */
static uint64_t fault_around_window(uint64_t n)
{
	uint64_t pages = 1;

	if (!n)
		return 0;
	n = MIN(n, FAULT_AROUND_MAX);
	while (pages * 2 <= n)
		pages *= 2;
	return pages;
}

static bool has_equals(const char *word)
{
	for (; *word; word++)
		if (*word == '=')
			return true;
	return false;
}

/*
 * Cut the next word out of the command line at *pp, in place: words are separated by spaces, except
 * inside double quotes, which group words and are removed ("hi there" is one word, "" an empty one).
 * Returns the word and advances *pp past it, or NULL at the end.
 */
static char *next_word(char **pp)
{
	char *p = *pp, *word, *out;
	bool quoted = false;

	while (*p == ' ')
		p++;
	if (!*p)
		return NULL;
	word = out = p;
	for (; *p && (quoted || *p != ' '); p++) {
		if (*p == '"')
			quoted = !quoted;
		else
			*out++ = *p;
	}
	if (*p)
		p++;
	*out = '\0';
	*pp = p;
	return word;
}

/* Split the command line in place; fills init_argv and init_envp. Words after "--" are all arguments (past
 * MAX_INIT_ARGS they are dropped, never read as options). */
static void parse_cmdline(void)
{
	char *p = cmdline, *word;
	int argc = 1, envc = 0;
	bool args = false;

	init_argv[0] = "pfh1";
	while ((word = next_word(&p))) {
		if (args) {
			if (argc <= MAX_INIT_ARGS)
				init_argv[argc++] = word;
		} else if (!strcmp(word, "--"))
			args = true;
		else if (!strncmp(word, "init=", 5))
			init_argv[0] = word + 5;
		else if (!strcmp(word, "zju=1"))
			zju_mode = true;
		else if (!strncmp(word, "copies=", 7))
			copies = MAX(1, MIN(MAX_COPIES, word[7] - '0'));
		else if (!strcmp(word, "dump=1"))
			dump_on_exit = true;
		else if (!strcmp(word, "memstat=1"))
			memstat = true;
		else if (!strcmp(word, "vmacheck=1"))
			vma_check = true;
		else if (!strncmp(word, "fault_around=", 13))
			fault_around_set(fault_around_window(parse_u64(word + 13)));
		else if (!strncmp(word, "budget=", 7))
			instruction_budget = parse_u64(word + 7);
		else if (has_equals(word) && envc < MAX_INIT_ENVS)
			init_envp[envc++] = word;
	}
	init_argv[argc] = NULL;
	init_envp[envc] = NULL;
}

static void trap_init(void)
{
	csr_write(stvec, (uint64_t)_traps);
	csr_write(sscratch, 0);
	csr_write(scounteren, SCOUNTEREN_ALL);
}

void start_kernel(uint64_t dtb_pa)
{
	const void *fdt = (const void *)PA2VA(dtb_pa);
	const char *args = fdt_bootargs(fdt);
	bool sstc = fdt_isa_has(fdt, "sstc");

	trap_init();
	if (args)
		strncpy_s(cmdline, args, sizeof(cmdline));
	parse_cmdline();
	mm_init(fdt_memory_size(fdt, PHY_START));
	setup_vm_final();
	vdso_init();
	sched_init();
	ramdisk_init();
	clock_init(sstc);
	plic_init();
	uart_init();
	trace("[boot] init=%s copies=%d, %lu free pages", init_argv[0], copies, nr_free_pages());
	spawn_boot_processes(copies, init_argv, init_envp);
	cpu_idle();
}
