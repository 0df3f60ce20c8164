/* bootargs.h: options from the kernel command line (parsed in init/main.c) that other units consult. */
#ifndef _BOOTARGS_H
#define _BOOTARGS_H

#include "types.h"

extern bool dump_on_exit;   /* dump=1: each exiting process prints its maps and page table */
extern bool memstat;        /* memstat=1: report peak user memory against what was needed */
extern bool vma_check;      /* vmacheck=1: check the VMA tree after every mapping call (vma_tree.c) */
extern uint64_t instruction_budget;   /* budget=<n>: guest instructions before a forced power-off; 0 none */

#endif
