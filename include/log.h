/*
 * log.h: compile-time log levels. LOG_LEVEL comes from `make LOG=0|1|2`.
 *   0  silent: only user output, the final accounting line and panics;
 *   1  trace: faults, mappings, kills, task switches, forks, exits (formats in README);
 *   2  verbose: also VMA and brk bookkeeping, each line tagged [file,line,func].
 * Disabled levels still type-check their arguments, then compile to nothing.
 */
#ifndef _LOG_H
#define _LOG_H

#include "printk.h"

#ifndef LOG_LEVEL
#define LOG_LEVEL 1
#endif

#define LOG_TRACE 1
#define LOG_VERBOSE 2

#define trace(fmt, ...) do { if (LOG_LEVEL >= LOG_TRACE) printk(fmt "\n", ##__VA_ARGS__); } while (0)
#define verbose(fmt, ...)                                                              \
	do {                                                                           \
		if (LOG_LEVEL >= LOG_VERBOSE)                                          \
			printk("[%s,%d,%s] " fmt "\n", __FILE__, __LINE__, __func__, ##__VA_ARGS__); \
	} while (0)

#endif
