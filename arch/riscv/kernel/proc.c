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
#include "sched.h"

static uint64_t next_pid = 1;
int nr_slots = 1;
static int nr_user;
struct task_struct *init_proc;

#define DEFAULT_PRIORITY 7

#define PID_HASH_SIZE 256                   /* chains: a power of two above NR_TASKS (pids are consecutive) */
#define SLOT_WORDS ((NR_TASKS + 63) / 64)

static struct task_struct *pid_hash[PID_HASH_SIZE];   /* chains through pid_next; all empty at boot */
static uint64_t used_slots[SLOT_WORDS];    /* bit s: task[s] is taken (slot 0, idle, always) */

/* The lowest free slot, or NR_TASKS. */
static int free_slot(void)
{
	for (int i = 0; i < SLOT_WORDS; i++) {
		uint64_t free = ~(used_slots[i] | (i ? 0 : 1));
		if (free)
			return MIN(NR_TASKS, i * 64 + lowest_bit(free));
	}
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
	sched_new_task(t);
	t->pgd = swapper_pg_dir;
	t->thread.sstatus = csr_read(sstatus) & ~SSTATUS_SIE;
	INIT_LIST_HEAD(&t->children);
	INIT_LIST_HEAD(&t->sibling);
	t->pid_next = pid_hash[t->pid % PID_HASH_SIZE];
	pid_hash[t->pid % PID_HASH_SIZE] = t;
	task[slot] = t;
	used_slots[slot / 64] |= 1UL << (slot % 64);
	nr_slots = MAX(nr_slots, slot + 1);
	nr_user++;
	return t;
}

void release_task(struct task_struct *t)
{
	struct task_struct **link = &pid_hash[t->pid % PID_HASH_SIZE];

	sched_release_task(t);
	task[t->slot] = NULL;
	used_slots[t->slot / 64] &= ~(1UL << (t->slot % 64));
	while (*link != t)
		link = &(*link)->pid_next;
	*link = t->pid_next;
	while (nr_slots > 1 && !task[nr_slots - 1])
		nr_slots--;
	list_del(&t->sibling);
	nr_user--;
	put_page(t);
}

struct task_struct *find_task_by_pid(int64_t pid)
{
	struct task_struct *t;

	if (pid <= 0)
		return NULL;
	for (t = pid_hash[pid % PID_HASH_SIZE]; t; t = t->pid_next)
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
