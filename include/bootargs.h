/* bootargs.h: options from the kernel command line (parsed in init/main.c) that other units consult. */
#ifndef _BOOTARGS_H
#define _BOOTARGS_H

#include "types.h"

extern bool dump_on_exit;   /* dump=1: each exiting process prints its maps and page table */
extern bool memstat;        /* memstat=1: report peak user memory against what was needed */
extern bool vma_check;      /* vmacheck=1: check the VMA tree after every mapping call (vma_tree.c) */
/*
 * zju=1: run programs written for the ZJU lab kernel as that kernel does: clone is a plain fork whatever
 * the registers hold, nothing is written on the user stack before the first instruction (sp = USER_END),
 * every fault in a valid VMA allocates and maps a page of its own (no shared zero page, no page-cache
 * page), and the tick is the lab's (1 s of guest time).
 */
extern bool zju_mode;
/*
 * fault_around=<n>: a read fault on a file page (a file map, a read-only ELF page) also maps up to n
 * neighbouring pages already in the page cache (Linux's default is 16); 0, the default, maps one page
 * per fault so the trace shows every page's own fault. A power of two, at most FAULT_AROUND_MAX.
 */
#define FAULT_AROUND_MAX 64
extern uint64_t fault_around_pages;
extern uint64_t instruction_budget;   /* budget=<n>: guest instructions before a forced power-off; 0 none */

#endif
