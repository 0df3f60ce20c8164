/* signal.h: the kernel's view of signals (numbers: uapi/signal.h). */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include "uapi/signal.h"

/* "SIGSEGV" for 11, ...; "signal" for numbers without a name. */
const char *signal_name(int sig);

struct task_struct;
struct pt_regs;

/* Send sig to t with its default action: terminate (t dies on its way back to user mode; a sleeper
 * is woken to do so) or ignore. */
void send_signal(struct task_struct *t, int sig);
/* On the way back to user mode: die of current's pending fatal signal (trace line [kill]). */
void do_pending_signal(struct pt_regs *regs);

#endif
