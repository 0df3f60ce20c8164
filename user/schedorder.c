/*
 * schedorder.c: the ZJU tie rule (among equal counters the lowest pid runs first) still holds after
 * the run queue has renumbered its tasks. RENUMBER_FORKS rounds of fork / exit / wait use up more
 * order numbers than the queue has (256: it renumbers the live tasks when they run out), then
 * ORDER_TASKS children take turns ORDER_ROUNDS times, each appending its index to a shared log and
 * yielding. The log must read 0 1 2 0 1 2 ...: every round in pid order.
 * Expected: "schedorder_renumbered: ok", "schedorder_turns: ok", exit status 0. This kernel's rule
 * only: Linux's scheduler does not promise this order.
 */
#include "ulib.h"

#define RENUMBER_FORKS 300
#define ORDER_TASKS 3
#define ORDER_ROUNDS 20
#define LOG_LEN (ORDER_TASKS * ORDER_ROUNDS)

/* Child i: ORDER_ROUNDS times, log its index and yield. */
static void __attribute__((noreturn)) take_turns(volatile long *log, long i)
{
	for (int r = 0; r < ORDER_ROUNDS; r++) {
		log[1 + log[0]++] = i;     /* log[0]: entries so far */
		sys_sched_yield();
	}
	sys_exit(0);
}

/* The first log entry out of pid order, or LOG_LEN. */
static long first_out_of_order(volatile long *log)
{
	for (long k = 0; k < LOG_LEN; k++)
		if (log[1 + k] != k % ORDER_TASKS)
			return k;
	return LOG_LEN;
}

int main(int argc, char **argv, char **envp)
{
	volatile long *log = (volatile long *)sys_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE,
						       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int forked = 0;
	long bad;

	for (int i = 0; i < RENUMBER_FORKS; i++) {
		long pid = sys_fork();
		if (!pid)
			sys_exit(0);
		forked += pid > 0 && sys_wait4((int)pid, NULL, 0, NULL) == pid;
	}
	check("schedorder_renumbered", forked == RENUMBER_FORKS, "%d of %d fork/wait rounds", forked,
	      RENUMBER_FORKS);
	sys_sched_yield();                 /* a fresh time slice: the children all start before they run */
	for (long i = 0; i < ORDER_TASKS; i++)
		if (!sys_fork())
			take_turns(log, i);
	reap_children();
	bad = first_out_of_order(log);
	check("schedorder_turns", log[0] == LOG_LEN && bad == LOG_LEN, "%ld entries, entry %ld is %ld", log[0], bad,
	      bad < LOG_LEN ? log[1 + bad] : -1L);
	test_exit();
}
