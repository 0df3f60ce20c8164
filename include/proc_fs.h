/*
 * proc_fs.h: what /proc (fs/proc.c) asks of memory management (mm/procmaps.c), so the fs side never
 * walks VMAs or page tables: an address space's maps and smaps lines, and its sizes for status.
 */
#ifndef _PROC_FS_H
#define _PROC_FS_H

#include "types.h"

struct mm_struct;

/* Sizes in KiB, as /proc/<pid>/status shows them. */
struct proc_mm_sizes {
	uint64_t vm_size;        /* every VMA */
	uint64_t vm_rss;         /* pages mapped now (the shared zero page not counted) */
	uint64_t vm_data;        /* private writable VMAs other than the stack */
	uint64_t vm_stk;         /* the stack VMA */
};

/*
 * Write mm's /proc/<pid>/maps lines (with smaps, each followed by its page counts) into buf: the
 * bytes written, at most size (the view is cut there).
 */
uint64_t proc_maps_show(struct mm_struct *mm, char *buf, uint64_t size, bool smaps);
void proc_mm_sizes(struct mm_struct *mm, struct proc_mm_sizes *s);
/* mm's argv strings, each with its NUL, into buf: the bytes copied (at most size). */
uint64_t proc_cmdline(struct mm_struct *mm, char *buf, uint64_t size);
/* The program file mm runs (no reference taken), or NULL. */
struct inode *proc_exe_file(struct mm_struct *mm);

#endif
