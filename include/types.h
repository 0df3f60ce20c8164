/* types.h: fixed-width integer types and small helpers shared by every kernel file. */
#ifndef _TYPES_H
#define _TYPES_H

typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long uint64_t;
typedef signed char int8_t;
typedef short int16_t;
typedef int int32_t;
typedef long int64_t;
typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned long uintptr_t;
typedef _Bool bool;

#define true 1
#define false 0
#define NULL ((void *)0)
#define INT64_MAX 0x7fffffffffffffffL
#define INT32_MIN (-0x7fffffff - 1)

#define offsetof(type, member) __builtin_offsetof(type, member)
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __aligned(n) __attribute__((aligned(n)))
#define __noreturn __attribute__((noreturn))

/* Marks a pointer that holds a user-space address: only the uaccess helpers may dereference it. */
#define __user

#endif
