/* kernel.h: panic, BUG_ON and the linker-script symbols. */
#ifndef _KERNEL_H
#define _KERNEL_H

#include "types.h"

/* A broken kernel invariant: print file, line, the current trap's scause/sepc/stval, exit QEMU non-zero. */
#define panic(fmt, ...) __panic(__FILE__, __LINE__, fmt, ##__VA_ARGS__)
#define BUG_ON(cond) do { if (unlikely(cond)) panic("BUG_ON(%s)", #cond); } while (0)
void __noreturn __panic(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#define PANIC_EXIT_STATUS 255   /* QEMU's exit status after a panic */

extern char _stext[], _etext[], _srodata[], _erodata[], _sdata[], _ekernel[];
extern uint64_t kernel_entry_instret;

#endif
