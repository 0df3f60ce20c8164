/* boot.h: starting the first processes and the idle loop that powers the machine off at the end. */
#ifndef _BOOT_H
#define _BOOT_H

#include "types.h"

/* Start nr copies of the ramdisk program argv[0] as user processes (pid 1..nr) with environment envp. */
void spawn_boot_processes(int nr, char *const argv[], char *const envp[]);
/* The idle task's loop: schedule, wait for interrupts, power off when init and every process are gone. */
void __noreturn cpu_idle(void);

#endif
