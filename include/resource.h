/* resource.h: resource limits (getrlimit/setrlimit/prlimit64) each process carries. */
#ifndef _RESOURCE_H
#define _RESOURCE_H

#include "uapi/resource.h"

/* The limits a new boot process starts with (children inherit their parent's). */
void rlimit_init(struct rlimit *rlim);

#endif
