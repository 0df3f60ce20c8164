/* console.h: the SBI console behind descriptors 0, 1 and 2. */
#ifndef _CONSOLE_H
#define _CONSOLE_H

#include "types.h"

/* Copy count bytes from user buf to the console; bytes written or -EFAULT. */
long console_write(uint64_t buf, uint64_t count);
/* Bytes read from the console into user buf (0 when no input is waiting), or -EFAULT. */
long console_read(uint64_t buf, uint64_t count);

#endif
