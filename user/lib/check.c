/* check.c: test reporting: "<name>: ok" or "<name>: FAIL <detail>", and the exit status that sums them up. */
#include "ulib.h"

#define DETAIL_MAX 256

static int failures;

int check(const char *name, int ok, const char *fmt, ...)
{
	char detail[DETAIL_MAX];
	va_list ap;

	if (ok) {
		printf("%s: ok\n", name);
		return 1;
	}
	failures++;
	va_start(ap, fmt);
	vsnprintf(detail, sizeof(detail), fmt, ap);
	va_end(ap);
	printf("%s: FAIL %s\n", name, detail);
	return 0;
}

void test_exit(void)
{
	sys_exit(failures ? 1 : 0);
}

int check_child(const char *name, long status, int signal)
{
	if (signal)
		return check(name, status >= 0 && WIFSIGNALED(status) && WTERMSIG(status) == signal,
			     "child status %ld, expected death by signal %d", status, signal);
	return check(name, status == 0, "child status %ld, expected exit code 0", status);
}
