/* signal.h: the kernel's view of signals (numbers: uapi/signal.h). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include "uapi/signal.h"

/* "SIGSEGV" and so on, for traces. */
const char *signal_name(int sig);

#endif
