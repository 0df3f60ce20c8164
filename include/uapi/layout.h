/* uapi/layout.h: the user address space every program sees (Sv39 lower half). */
#ifndef _UAPI_LAYOUT_H
#define _UAPI_LAYOUT_H

#ifdef __ASSEMBLER__
#define USER_END 0x4000000000
#else
#define USER_END 0x4000000000UL    /* 256 GiB: first address past user space */
#endif

#endif
