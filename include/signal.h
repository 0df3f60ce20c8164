/* signal.h: the Linux signal numbers the kernel delivers (every delivered signal is fatal here). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#define SIGILL 4
#define SIGTRAP 5
#define SIGBUS 7
#define SIGKILL 9
#define SIGSEGV 11
#define SIGCHLD 17

const char *signal_name(int sig);

#endif
