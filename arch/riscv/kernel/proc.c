/*
 * proc.c: the task table. A task is a 4 KiB page: its task_struct at the bottom, its kernel stack
 * above. task[0] is idle; user tasks take the lowest free slot, and loops over the table stop at
 * nr_slots, one past the highest slot in use.
 */
#include "proc.h"
#include "mm.h"
#include "riscv.h"
#include "string.h"
#include "kernel.h"

static uint64_t next_pid = 1;
int nr_slots = 1;
static int nr_user;
struct task_struct *init_proc;

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
	nr_user++;
	return t;
}

void release_task(struct task_struct *t)
{
	task[t->slot] = NULL;
	while (nr_slots > 1 && !task[nr_slots - 1])
		nr_slots--;
	nr_user--;
	put_page(t);
}

int nr_user_tasks(void)
{
	return nr_user;
}

struct task_struct *find_process(int32_t pid)
{
	if (pid == 0)
		return current;
	for (int i = 1; i < nr_slots; i++)
		if (task[i] && task[i]->pid == (uint64_t)pid && task[i]->state != TASK_ZOMBIE)
			return task[i];
	return NULL;
}
