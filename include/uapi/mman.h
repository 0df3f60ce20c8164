/* uapi/mman.h: mmap and mprotect constants (Linux values), shared by kernel and user programs. */
#ifndef _UAPI_MMAN_H
#define _UAPI_MMAN_H

#define PROT_NONE 0x0
#define PROT_READ 0x1
#define PROT_WRITE 0x2
#define PROT_EXEC 0x4
#define PROT_SEM 0x8              /* accepted and ignored, as Linux does */
#define MAP_SHARED 0x01
#define MAP_PRIVATE 0x02
#define MAP_SHARED_VALIDATE 0x03
#define MAP_TYPE 0x0f
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define MAP_FIXED_NOREPLACE 0x100000   /* like MAP_FIXED, but -EEXIST instead of replacing */
#define MAP_NORESERVE 0x4000      /* Linux: reserve no swap. Ignored here: nothing is ever reserved */

#endif
