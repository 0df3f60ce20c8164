/*
 * proc.c: the task table. A task is a 4 KiB page: its task_struct at the bottom, its kernel stack
 * above. task[0] is idle; user tasks take the lowest free slot (a bitmap of free slots), and loops
 * over the table stop at nr_slots, one past the highest slot in use. Pids are found through a hash,
 * children through their parent's list.
 */
#include "proc.h"
#include "mm.h"
#include "riscv.h"
#include "string.h"
#include "kernel.h"
#include "bitops.h"

static uint64_t next_pid = 1;
int nr_slots = 1;
static int nr_user;
struct task_struct *init_proc;

#define DEFAULT_PRIORITY 7

#define PID_HASH_SIZE 256                   /* chains: a power of two above NR_TASKS */
#define SLOT_WORDS ((NR_TASKS + 63) / 64)

static struct list_head pid_hash[PID_HASH_SIZE];
static uint64_t free_slots[SLOT_WORDS];    /* bit s: task[s] is free (slot 0, idle, never) */

void proc_init(void)
{
	for (int i = 0; i < PID_HASH_SIZE; i++)
		INIT_LIST_HEAD(&pid_hash[i]);
	for (int s = 1; s < NR_TASKS; s++)
		free_slots[s / 64] |= 1UL << (s % 64);
}

/* The lowest free slot, or NR_TASKS. */
static int free_slot(void)
{
	for (int i = 0; i < SLOT_WORDS; i++)
		if (free_slots[i])
			return i * 64 + lowest_bit(free_slots[i]);
	return NR_TASKS;
}

struct task_struct *alloc_task(void)
{
	int slot = free_slot();
	struct task_struct *t;

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
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	list_add(&t->pid_node, &pid_hash[t->pid % PID_HASH_SIZE]);
	task[slot] = t;
	free_slots[slot / 64] &= ~(1UL << (slot % 64));
	nr_slots = MAX(nr_slots, slot + 1);
	nr_user++;
	return t;
}

void release_task(struct task_struct *t)
{
	task[t->slot] = NULL;
	free_slots[t->slot / 64] |= 1UL << (t->slot % 64);
	while (nr_slots > 1 && !task[nr_slots - 1])
		nr_slots--;
	list_del(&t->sibling);
	list_del(&t->pid_node);
	nr_user--;
	put_page(t);
}

struct task_struct *find_task_by_pid(int64_t pid)
{
	struct task_struct *t;

	if (pid <= 0)
		return NULL;
	list_for_each_entry(t, &pid_hash[pid % PID_HASH_SIZE], pid_node)
		if ((int64_t)t->pid == pid)
			return t;
	return NULL;
}

void set_parent(struct task_struct *t, struct task_struct *parent)
{
	list_del(&t->sibling);
	t->parent = parent;
	if (parent)
		list_add_tail(&t->sibling, &parent->children);
}

int nr_user_tasks(void)
{
	return nr_user;
}

struct task_struct *find_process(int32_t pid)
{
	struct task_struct *t;

	if (pid == 0)
		return current;
	t = find_task_by_pid(pid);
	return t && t->state != TASK_ZOMBIE ? t : NULL;
}
