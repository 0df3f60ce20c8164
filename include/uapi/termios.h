/*
 * uapi/termios.h: the terminal ioctls the console answers (asm-generic values) and the kernel's
 * struct termios and struct winsize, for kernel and user programs.
 */
#ifndef _UAPI_TERMIOS_H
#define _UAPI_TERMIOS_H

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCGPGRP 0x540f
#define TIOCSPGRP 0x5410
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541b
#define FIONCLEX 0x5450
#define FIOCLEX 0x5451

#define NCCS 19
struct termios {
	unsigned int c_iflag, c_oflag, c_cflag, c_lflag;
	unsigned char c_line;
	unsigned char c_cc[NCCS];
};

struct winsize {
	unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* c_iflag, c_oflag, c_cflag, c_lflag bits and c_cc slots used by the console. */
#define ICRNL 0000400
#define IXON 0002000
#define OPOST 0000001
#define ONLCR 0000004
#define B38400 0000017
#define CS8 0000060
#define CREAD 0000200
#define ISIG 0000001
#define ICANON 0000002
#define ECHO 0000010
#define ECHOE 0000020
#define ECHOK 0000040
#define ECHOCTL 0001000
#define ECHOKE 0004000
#define IEXTEN 0100000
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6

#endif
