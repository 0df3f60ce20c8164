/*
 * sigint.c: ^C typed on the console sends SIGINT to the foreground process group: first caught (the
 * handler runs while read() waits, which then fails with -EINTR, or returns the empty line that the
 * Enter typed after ^C completed first, as on Linux when both arrive before the reader runs), then with
 * the default action, which ends the process (QEMU's status 128 + SIGINT). Each read is preceded by
 * the prompt "ready> ", after which the test case types the next line.
 */
#include "ulib.h"

static volatile int caught;

static void on_int(int sig, k_siginfo_t *si, struct k_ucontext *uc)
{
	caught = si->si_code == SI_KERNEL ? 1 : -1;
}

int main(int argc, char **argv, char **envp)
{
	char buf[64];
	long r;

	sig_action(SIGINT, HANDLER(on_int), SA_SIGINFO, 0, 0);
	sys_write(1, "ready> ", 7);
	r = sys_read(0, buf, sizeof(buf));
	check("console_sigint", caught == 1 && (r == -EINTR || (r == 1 && buf[0] == '\n')), "read %ld caught %d", r,
	      caught);
	sig_action(SIGINT, SIG_DFL, 0, 0, 0);
	for (;;) {
		sys_write(1, "ready> ", 7);
		if (sys_read(0, buf, sizeof(buf)) <= 0)
			break;
	}
	puts("sigint: FAIL survived");
	return 1;
}
