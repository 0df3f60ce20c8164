/* console.h: the console (a terminal on the SBI console and the UART) behind descriptors 0, 1 and 2. */
#ifndef _CONSOLE_H
#define _CONSOLE_H

struct file_operations;

/* read (line discipline), write, ioctl (termios) of the console's open file. */
extern const struct file_operations console_fops;
/* One byte typed on the console (line discipline, echo, wakes readers); from the UART's interrupt. */
void console_receive(char c);

#endif
