/*
 * console.c: the console behind descriptors 0, 1 and 2: a terminal. Writes go out byte by byte
 * through the SBI console (with OPOST|ONLCR, "\n" as "\r\n"). Input comes from the UART's interrupt
 * through a small line discipline: in canonical mode (ICANON, the default) typed bytes are echoed
 * (ECHO) and edited (erase, kill) until a newline or ^D completes the line, and read() blocks until
 * a line is complete and returns at most that line (^D on an empty line: 0, end of file); without
 * ICANON read() blocks until a byte has arrived. With ISIG, ^C drops the line being typed and sends
 * SIGINT to the foreground process group, ^\ SIGQUIT likewise (both modes). ioctl answers the terminal requests libcs make
 * (TCGETS: how stdio learns stdout is a terminal and line-buffers it; TCSETS*: the settings are
 * kept and reported back; TIOCGWINSZ: 24 x 80 unless set; TIOCGPGRP/TIOCSPGRP: the foreground process group, init's at first), anything
 * else -ENOTTY, as a Linux tty does.
 */
#include "fs.h"
#include "proc.h"
#include "console.h"
#include "sbi.h"
#include "errno.h"
#include "uaccess.h"
#include "wait.h"
#include "irq.h"
#include "uapi/stat.h"
#include "uapi/termios.h"
#include "uapi/poll.h"

#define CHUNK 128         /* bytes staged on the kernel stack at a time */
#define CONSOLE_MODE (S_IFCHR | 0620)
#define CTRL(c) ((c) & 0x1f)
#define DEL 0x7f

/* A Linux console's defaults: canonical mode with echo, signals, CR->NL in, NL->CRNL out. */
static struct termios console_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = { [VINTR] = CTRL('c'), [VQUIT] = CTRL('\\'), [VERASE] = DEL, [VKILL] = CTRL('u'),
		  [VEOF] = CTRL('d'), [VMIN] = 1 },
};
static struct winsize console_winsize = { .ws_row = 24, .ws_col = 80 };

#define INPUT_SIZE 4096                     /* bytes ready for read() (power of two) */
#define LINE_MAX 1024                       /* a line being typed */
#define MAX_EOFS 4                          /* end-of-file marks waiting to be read */

static struct {
	char ready[INPUT_SIZE];             /* completed input, read() takes from here */
	uint64_t head, tail;                /* bytes ever added / taken */
	uint64_t eof[MAX_EOFS];             /* ^D on an empty line: a read at this head position returns 0 */
	uint32_t nr_eofs;
	char line[LINE_MAX];                /* the canonical line being edited */
	uint32_t len;
	struct wait_queue_head readers;
} tty = { .readers = WAIT_QUEUE_HEAD_INIT(tty.readers) };

static void put_out(char c)
{
	if (c == '\n' && (console_termios.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR))
		sbi_console_putchar('\r');
	sbi_console_putchar(c);
}

static void put_str(const char *s)
{
	while (*s)
		sbi_console_putchar(*s++);
}

static void echo(char c)
{
	if (!(console_termios.c_lflag & ECHO))
		return;
	if ((uint8_t)c < ' ' && c != '\n' && c != '\t' && (console_termios.c_lflag & ECHOCTL)) {
		put_out('^');
		c += '@';
	}
	put_out(c);
}

static void make_ready(const char *bytes, uint32_t n)
{
	for (uint32_t i = 0; i < n && tty.head - tty.tail < INPUT_SIZE; i++)
		tty.ready[tty.head++ % INPUT_SIZE] = bytes[i];
	wake_up(&tty.readers);
}

static uint64_t foreground_pgrp;   /* TIOCSPGRP's group; 0: the caller's session (its leader's group) */

/* ISIG: c is VINTR or VQUIT: send SIGINT or SIGQUIT to the foreground group (init's at first) and
 * drop the line; true when c was one of them. */
static bool signal_char(char c)
{
	const uint8_t *cc = console_termios.c_cc;
	int sig = (uint8_t)c == cc[VINTR] ? SIGINT : (uint8_t)c == cc[VQUIT] ? SIGQUIT : 0;
	struct sig_info info = { .code = SI_KERNEL };
	uint64_t pgrp = foreground_pgrp ? foreground_pgrp : 1;

	if (!sig || !(console_termios.c_lflag & ISIG))
		return false;
	tty.len = 0;
	echo(c);
	echo('\n');
	for (int i = 1; i < nr_slots; i++)
		if (task[i] && task[i]->pgid == pgrp)
			send_signal_info(task[i], sig, &info);
	return true;
}

/* Canonical mode: edit the line; a newline or ^D hands it to readers. */
static void canonical_receive(char c)
{
	const uint8_t *cc = console_termios.c_cc;

	if ((uint8_t)c == cc[VERASE] || c == '\b') {
		if (tty.len) {
			tty.len--;
			if (console_termios.c_lflag & ECHO)
				put_str("\b \b");
		}
	} else if ((uint8_t)c == cc[VKILL]) {
		tty.len = 0;
		echo('\n');
	} else if ((uint8_t)c == cc[VEOF]) {
		if (!tty.len && tty.nr_eofs < MAX_EOFS)
			tty.eof[tty.nr_eofs++] = tty.head;
		make_ready(tty.line, tty.len);
		tty.len = 0;
	} else if (c == '\n') {
		echo(c);
		tty.line[tty.len++] = c;
		make_ready(tty.line, tty.len);
		tty.len = 0;
	} else if (tty.len < LINE_MAX - 1) {
		echo(c);
		tty.line[tty.len++] = c;
	}
}

void console_receive(char c)
{
	if (c == '\r' && (console_termios.c_iflag & ICRNL))
		c = '\n';
	if (signal_char(c))
		return;
	if (console_termios.c_lflag & ICANON) {
		canonical_receive(c);
	} else {
		echo(c);
		make_ready(&c, 1);
	}
}

static long console_write(struct file *f, uint64_t buf, uint64_t count)
{
	char kbuf[CHUNK];
	uint64_t done = 0;

	while (done < count) {
		uint64_t n = MIN(CHUNK, count - done);
		if (copy_from_user(kbuf, (const void __user *)(buf + done), n))
			return done ? (long)done : -EFAULT;
		for (uint64_t i = 0; i < n; i++)
			put_out(kbuf[i]);
		done += n;
	}
	return (long)done;
}

/* Up to count ready bytes, at most one line in canonical mode, into kbuf; how many. */
static uint64_t take_ready(char *kbuf, uint64_t count)
{
	uint64_t n = 0, end = tty.nr_eofs ? tty.eof[0] : tty.head;   /* stop at an end of file */

	while (n < count && tty.tail < end) {
		char c = tty.ready[tty.tail++ % INPUT_SIZE];
		kbuf[n++] = c;
		if (c == '\n' && (console_termios.c_lflag & ICANON))
			break;
	}
	return n;
}

/* Blocks until input is ready (see the top of the file); -EAGAIN instead with O_NONBLOCK. */
static long console_read(struct file *f, uint64_t buf, uint64_t count)
{
	char kbuf[CHUNK];

	if (!count)
		return 0;
	for (;;) {
		uint64_t n = take_ready(kbuf, MIN(count, CHUNK));
		if (n)
			return copy_to_user((void __user *)buf, kbuf, n) ? -EFAULT : (long)n;
		if (tty.nr_eofs && tty.eof[0] == tty.tail) {
			tty.nr_eofs--;
			for (uint32_t i = 0; i < tty.nr_eofs; i++)
				tty.eof[i] = tty.eof[i + 1];
			return 0;
		}
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		long err = wait_sleep(&tty.readers);
		if (err)
			return err;
	}
}

static long console_ioctl(struct file *f, uint32_t cmd, uint64_t arg)
{
	int pgrp;

	switch (cmd) {
	case TCGETS:
		return copy_to_user((void __user *)arg, &console_termios, sizeof(console_termios));
	case TCSETS: case TCSETSW: case TCSETSF:
		return copy_from_user(&console_termios, (const void __user *)arg, sizeof(console_termios));
	case TIOCGWINSZ:
		return copy_to_user((void __user *)arg, &console_winsize, sizeof(console_winsize));
	case TIOCSWINSZ:
		return copy_from_user(&console_winsize, (const void __user *)arg, sizeof(console_winsize));
	case TIOCGPGRP:
		pgrp = (int)(foreground_pgrp ? foreground_pgrp : current->sid);
		return copy_to_user((void __user *)arg, &pgrp, sizeof(pgrp));
	case TIOCSPGRP:
		if (copy_from_user(&pgrp, (const void __user *)arg, sizeof(pgrp)))
			return -EFAULT;
		if (pgrp < 0)
			return -EINVAL;
		foreground_pgrp = (uint64_t)pgrp;
		return 0;
	default:
		return -ENOTTY;
	}
}

/* Readable when a line (or, without ICANON, a byte) or an end of file is waiting; always writable. */
static uint32_t console_poll(struct file *f)
{
	bool readable = tty.tail < tty.head || tty.nr_eofs;

	return (readable ? POLLIN | POLLRDNORM : 0) | POLLOUT | POLLWRNORM;
}

const struct file_operations console_fops = {
	.read = console_read, .write = console_write, .ioctl = console_ioctl, .poll = console_poll,
	.mode = CONSOLE_MODE,
};
