/*
 * schedorder.c: the ZJU tie rule (among equal counters the lowest pid runs first) still holds for
 * tasks that lived through a renumbering of the run queue. ORDER_TASKS children are forked first and
 * block reading a pipe; RENUMBER_FORKS rounds of fork / exit / wait then use up more order numbers
 * than the queue has (256: it renumbers the live tasks when they run out, these children among them).
 * Closing the pipe releases the children at once; ORDER_ROUNDS times each yields and then appends its
 * index to a shared log. The log must read 0 1 2 0 1 2 ...: every round in pid order, so a renumbering
 * that lost the children's order fails here.
 * Expected: "schedorder_renumbered: ok", "schedorder_turns: ok", exit status 0. This kernel's rule
 * only: Linux's scheduler does not promise this order.
 */
#include "ulib.h"

#define RENUMBER_FORKS 300
#define ORDER_TASKS 3
#define ORDER_ROUNDS 20
#define LOG_LEN (ORDER_TASKS * ORDER_ROUNDS)

/*
 * Child i: wait for the end of file on fds[0], then ORDER_ROUNDS times yield and log its index. The
 * yield comes first: a child logs only when picked with its counter spent, that is after a refill,
 * when every child has yielded and their counters are equal, whatever they were when woken.
 */
static void __attribute__((noreturn)) take_turns(volatile long *log, long i, int fds[2])
{
	char byte;

	sys_close(fds[1]);
	sys_read(fds[0], &byte, 1);
	for (int r = 0; r < ORDER_ROUNDS; r++) {
		sys_sched_yield();
		log[1 + log[0]++] = i;     /* log[0]: entries so far */
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

/* RENUMBER_FORKS rounds of fork, exit and wait; how many completed. */
static int fork_rounds(void)
{
	int forked = 0;

	for (int i = 0; i < RENUMBER_FORKS; i++) {
		long pid = sys_fork();
		if (!pid)
			sys_exit(0);
		forked += pid > 0 && sys_wait4((int)pid, NULL, 0, NULL) == pid;
	}
	return forked;
}

int main(int argc, char **argv, char **envp)
{
	volatile long *log = (volatile long *)sys_mmap(0, PAGE_SIZE, PROT_READ | PROT_WRITE,
						       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int fds[2], forked;
	long bad;

	syscall6(__NR_pipe2, (long)fds, 0, 0, 0, 0, 0);
	sys_sched_yield();                 /* a fresh counter, which the children inherit: none is spent */
	for (long i = 0; i < ORDER_TASKS; i++)
		if (!sys_fork())
			take_turns(log, i, fds);
	forked = fork_rounds();
	check("schedorder_renumbered", forked == RENUMBER_FORKS, "%d of %d fork/wait rounds", forked,
	      RENUMBER_FORKS);
	sys_close(fds[1]);                 /* the last write end: every child reads end of file */
	reap_children();
	bad = first_out_of_order(log);
	check("schedorder_turns", log[0] == LOG_LEN && bad == LOG_LEN, "%ld entries, entry %ld is %ld", log[0], bad,
	      bad < LOG_LEN ? log[1 + bad] : -1L);
	test_exit();
}
