/*
 * echo.c: run by fork.c through execve: prints its arguments and environment; with two descriptor
 * numbers after them, checks the first stayed open across execve and the second (O_CLOEXEC) did not.
 */
#include "common.h"
#include <fcntl.h>
#include <stdlib.h>

extern char **environ;

int main(int argc, char **argv)
{
	for (int i = 0; i < argc; i++)
		printf("echo: argv[%d] = \"%s\"\n", i, argv[i]);
	for (char **e = environ; *e; e++)
		printf("echo: env %s\n", *e);
	printf("echo: getenv(GREETING) = %s\n", getenv("GREETING") ? getenv("GREETING") : "(null)");
	if (argc == 5) {
		CHECK("echo_fd_kept", fcntl(atoi(argv[3]), F_GETFD) == 0);
		CHECK("echo_cloexec_closed", fcntl(atoi(argv[4]), F_GETFD) == -1 && errno == EBADF);
	}
	return done();
}
