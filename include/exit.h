/* exit.h: how processes end: exit, and what init's end means for power-off. */
#ifndef _EXIT_H
#define _EXIT_H

#include "types.h"

/* Exit the current task with a wait4 status word; never returns. */
void __noreturn do_exit(int status);
/* True once pid 1 has exited; *status is then its wait4 status word. */
bool init_has_exited(int *status);
/* memstat=1: print peak user pages against what the exited processes needed. */
void memstat_report(void);

#endif
