/*
 * fuzz.h: the system-call fuzzer's shared declarations. The fuzzer is deterministic from its seed:
 * every choice comes from one pseudo-random stream (rand.c). The main process keeps a model of what
 * it owns (its mappings in an arena and its heap: mem.c; a few files and their descriptors: files.c)
 * and checks every result against it; children run random raw system calls with dangerous
 * arguments and random accesses (chaos.c). Any disagreement is a mismatch: it is printed with the
 * call number and the run ends with status 1.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include "ulib.h"

/* rand.c: the pseudo-random stream (splitmix64) and pools of dangerous values. */
void rnd_seed(unsigned long seed);
unsigned long rnd(void);
unsigned long rnd_below(unsigned long n);       /* uniform in [0, n), n > 0 */
int rnd_chance(unsigned percent);               /* true with this probability */
unsigned long pool_pointer(void);               /* NULL, kernel, unmapped, edges of user space, ... */
unsigned long pool_length(void);                /* 0, page edges, huge, ... */
unsigned long pool_int(void);                   /* a 32-bit edge value, maybe with junk above bit 31 */
unsigned long with_high_junk(unsigned long v);  /* sometimes sets bits 32-63 of a 32-bit argument */

/*
 * Counters in a page shared by every process of the run (children add theirs), at STATS_ADDR: far
 * from every pool pointer and from where mmap(NULL) puts pages, so that no chaos write (read() or
 * getrandom() into a wild pointer, running on through the pages mapped after it) can reach it.
 */
#define STATS_ADDR 0x800000000UL     /* 32 GiB: more than 4 GiB above every pool pointer below it */
struct fuzz_stats {
	unsigned long calls;         /* system calls made by all processes */
	unsigned long checks;        /* results compared with the model */
	unsigned long forks;
	unsigned long killed;        /* children that died by a signal, as expected */
	unsigned long mismatches;
};
extern struct fuzz_stats *stats;
extern unsigned long call_limit;

/* main.c: every system call the fuzzer makes goes through fz_call (it counts them). */
long fz_call(long nr, long a0, long a1, long a2, long a3, long a4, long a5);
/* Compare a result with the model: a mismatch is printed (with the call number) and counted. */
int expect_eq(const char *what, long got, long want);
/* A child's wait status: with mask 0 an exit with 0, else death by one of its signals (1 << sig). */
int expect_child(const char *what, long status, unsigned long signal_mask);
/* fork (counted); returns the child's pid, 0 in the child, or -errno. */
long fz_fork_child(void);
/* wait4(pid, &status, 0): the status word, or wait4's -errno; *reaped (if not NULL): its result. */
long fz_wait(long pid, long *reaped);
#define SIG_BIT(sig) (1UL << (sig))

/* mem.c: the arena (MAP_FIXED mappings in a fixed range) and the heap, with a shadow per page. */
#define ARENA_BASE 0x1000000000UL
#define ARENA_PAGES 32
void mem_init(void);
void mem_op(void);                 /* one random mmap/munmap/mprotect/brk/store, then probes */
void mem_fork_check(void);         /* a child sees the model and its stores stay private */
void mem_access_child(void);       /* a child's load, store or jump dies exactly when the model says */
int mem_probe_all(void);           /* probe every page; returns the mismatches found */
void mem_drop_arena(void);         /* in a child: unmap the arena (shared pages stay untouched) */

/* files.c: model files (contents, sizes, inode numbers) and descriptors (offsets, modes). */
#define NR_MODEL_FILES 3
#define MODEL_FILE_MAX (4 * PAGE_SIZE)
void files_init(void);
void files_op(void);               /* one random open/close/read/write/lseek/fstat/unlink, checked */
void files_close_all(void);        /* in a chaos child: close every descriptor, forget the names */
void files_cleanup(void);          /* at the end: unlink the model files */
/* The model's byte at offset off of file f, or -1 past its end; a write-through of shared maps. */
int file_byte(int f, unsigned long off);
void file_set_byte(int f, unsigned long off, unsigned char byte);
unsigned long file_size_of(int f);
long file_rdwr_fd(int f);          /* a descriptor open O_RDWR on file f, kept for mappings */
/* Called by files.c when file f shrinks to size: mem.c forgets private copies past it. */
void mem_file_truncated(int f, unsigned long size);

/* chaos.c: children that make random raw calls and accesses, and main-process bad-argument calls. */
void chaos_child_round(void);      /* fork a chaos child, wait for it and all orphans, clean up */
void bad_args_op(void);            /* a call with a bad argument whose result is known */

#endif
