/* uapi/mman.h: mmap and mprotect constants (Linux values), shared by kernel and user programs. */
#ifndef _UAPI_MMAN_H
#define _UAPI_MMAN_H

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define PROT_SEM 0x8              /* accepted and ignored, as Linux does */
#define PROT_GROWSDOWN 0x01000000  /* mprotect: extend to the start of a grows-down mapping */
#define PROT_GROWSUP 0x02000000    /* mprotect: extend to the end of a grows-up mapping */
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_FIXED_NOREPLACE 0x100000   /* like MAP_FIXED, but -EEXIST instead of replacing */
#define MAP_NORESERVE 0x4000      /* Linux: reserve no swap. Ignored here: nothing is ever reserved */

/* msync flags. */
#define MS_ASYNC 1
#define MS_INVALIDATE 2
#define MS_SYNC 4

/* madvise advice (the ones Linux accepts on riscv64). */
#define MADV_NORMAL 0
#define MADV_RANDOM 1
#define MADV_SEQUENTIAL 2
#define MADV_WILLNEED 3
#define MADV_DONTNEED 4
#define MADV_FREE 8
#define MADV_REMOVE 9
#define MADV_DONTFORK 10
#define MADV_DOFORK 11
#define MADV_MERGEABLE 12
#define MADV_UNMERGEABLE 13
#define MADV_HUGEPAGE 14
#define MADV_NOHUGEPAGE 15
#define MADV_DONTDUMP 16
#define MADV_DODUMP 17
#define MADV_WIPEONFORK 18
#define MADV_KEEPONFORK 19
#define MADV_COLD 20
#define MADV_PAGEOUT 21

#endif
