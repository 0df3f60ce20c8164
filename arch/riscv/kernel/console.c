/*
 * console.c: the SBI console behind descriptors 0, 1 and 2: a terminal. Writes go out byte by byte;
 * reads return the bytes waiting (possibly none); ioctl answers the terminal requests libcs make
 * (TCGETS: how stdio learns stdout is a terminal and line-buffers it; TCSETS*: the settings are
 * kept and reported back; TIOCGWINSZ: 24 x 80 unless set; TIOCGPGRP: the caller's pid), anything
 * else -ENOTTY, as a Linux tty does.
 */
#include "fs.h"
#include "proc.h"
#include "sbi.h"
#include "errno.h"
#include "uaccess.h"
#include "uapi/stat.h"
#include "uapi/termios.h"

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

static long console_write(struct file *f, uint64_t buf, uint64_t count)
{
	char kbuf[CHUNK];
	uint64_t done = 0;

	while (done < count) {
		uint64_t n = MIN(CHUNK, count - done);
		if (copy_from_user(kbuf, (const void __user *)(buf + done), n))
			return done ? (long)done : -EFAULT;
		for (uint64_t i = 0; i < n; i++)
			sbi_console_putchar(kbuf[i]);
		done += n;
	}
	return (long)done;
}

/* Returns the bytes already waiting (possibly 0); never blocks. */
static long console_read(struct file *f, uint64_t buf, uint64_t count)
{
	char kbuf[CHUNK];
	uint64_t n = 0;
	int c;

	while (n < MIN(count, CHUNK) && (c = sbi_console_getchar()) >= 0)
		kbuf[n++] = (char)c;
	if (n && copy_to_user((void __user *)buf, kbuf, n))
		return -EFAULT;
	return (long)n;
}

static long console_ioctl(struct file *f, uint32_t cmd, uint64_t arg)
{
	int pgrp = (int)current->pid;

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
		return copy_to_user((void __user *)arg, &pgrp, sizeof(pgrp));
	case TIOCSPGRP:
		return copy_from_user(&pgrp, (const void __user *)arg, sizeof(pgrp));
	default:
		return -ENOTTY;
	}
}

const struct file_operations console_fops = {
	.read = console_read, .write = console_write, .ioctl = console_ioctl, .mode = CONSOLE_MODE,
};
