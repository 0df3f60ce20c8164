/* signal.h: the Linux signal numbers (uapi/signal.h) and their names for traces. */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include "uapi/signal.h"

/* "SIGSEGV" for 11, ...; "signal" for numbers without a name. */
const char *signal_name(int sig);

#endif
