/*
 * read.c: reading the console through glibc: each fgets blocks until a line has been typed (the
 * test feeds QEMU's stdin), read() returns one line at a time, and ^D on an empty line is end of file.
 * Also what a program can ask the terminal: its settings (canonical mode with echo) and window size.
 */
#include "common.h"
#include <sys/ioctl.h>
#include <termios.h>

int main(void)
{
	char line[256];
	int n = 0;
	struct termios t;
	struct winsize ws;

	CHECK("tcgetattr", tcgetattr(0, &t) == 0 && (t.c_lflag & ICANON) && (t.c_lflag & ECHO));
	CHECK("winsize", ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0);
	while (fgets(line, sizeof(line), stdin)) {
		line[strcspn(line, "\n")] = 0;
		printf("read: [%s]\n", line);
		n++;
	}
	printf("read: end of file after %d lines\n", n);
	return done();
}
