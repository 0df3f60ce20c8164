/* sys.c: the small process and system-information calls: getpid, getppid, sched_yield, exit, sysinfo. */
#include "syscall.h"
#include "proc.h"
#include "sched.h"
#include "exit.h"
#include "mm.h"
#include "riscv.h"
#include "string.h"
#include "uaccess.h"
#include "uapi/sysinfo.h"

#define TIMEBASE_HZ 10000000   /* QEMU virt `time` CSR frequency */

long sys_getpid(void)
{
	return (long)current->pid;
}

long sys_getppid(void)
{
	return current->parent ? (long)current->parent->pid : 0;
}

long sys_sched_yield(void)
{
	set_task_counter(current, 0);
	schedule();
	return 0;
}

long sys_exit(uint64_t code)
{
	do_exit(W_EXITCODE(code));
}

long sys_sysinfo(uint64_t uinfo)
{
	struct sysinfo info;
	int procs = 0;

	for (int i = 1; i < nr_slots; i++)
		procs += task[i] != NULL;
	memset(&info, 0, sizeof(info));
	info.uptime = (long)(rdtime() / TIMEBASE_HZ);
	info.totalram = nr_total_pages() * PGSIZE;
	info.freeram = nr_free_pages() * PGSIZE;
	info.procs = procs;
	info.mem_unit = 1;
	return copy_to_user((void __user *)uinfo, &info, sizeof(info));
}
