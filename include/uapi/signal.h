/* uapi/signal.h: Linux signal numbers (riscv64 uses the generic ones), shared by kernel and user programs. */
#ifndef _UAPI_SIGNAL_H
#define _UAPI_SIGNAL_H

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#define NSIG_STANDARD 31      /* the last standard (non-real-time) signal */
#define _NSIG 64                  /* signals 1.._NSIG; 32.._NSIG are the real-time ones */

/* sigaction's handler values and sa_flags (Linux's generic values; riscv has no SA_RESTORER). */
#define SIG_DFL 0UL
#define SIG_IGN 1UL
#define SA_NOCLDSTOP 0x00000001UL
#define SA_NOCLDWAIT 0x00000002UL
#define SA_SIGINFO 0x00000004UL
#define SA_EXPOSE_TAGBITS 0x00000800UL
#define SA_ONSTACK 0x08000000UL
#define SA_RESTART 0x10000000UL
#define SA_NODEFER 0x40000000UL
#define SA_RESETHAND 0x80000000UL

/* rt_sigprocmask's how. */
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

/* A kernel signal set: bit sig - 1 for signal sig; the size every rt_sig* call's sigsetsize must be. */
#define SIGSET_SIZE 8
#define SIGMASK(sig) (1UL << ((sig) - 1))

/* The kernel's struct sigaction on riscv64 (glibc's kernel_sigaction): 24 bytes. */
struct k_sigaction {
	unsigned long handler;        /* SIG_DFL, SIG_IGN or the handler's address */
	unsigned long flags;          /* SA_* */
	unsigned long mask;           /* blocked while the handler runs, besides the signal itself */
};

/* si_code values (Linux's): who sent a signal, or why a fault raised it. */
#define SI_USER 0                 /* kill() */
#define SI_KERNEL 0x80            /* the kernel (an interval timer's SIGALRM) */
#define SI_TKILL (-6)             /* tkill() / tgkill() */
#define ILL_ILLOPC 1              /* SIGILL: illegal opcode */
#define ILL_ILLTRP 4              /* SIGILL: illegal trap (an ecall from the wrong mode) */
#define BUS_ADRALN 1              /* SIGBUS: misaligned address */
#define BUS_ADRERR 2              /* SIGBUS: no such physical address (a file page past its end) */
#define SEGV_MAPERR 1             /* SIGSEGV: no mapping at the address */
#define SEGV_ACCERR 2             /* SIGSEGV: the mapping forbids the access */
#define TRAP_BRKPT 1              /* SIGTRAP: breakpoint */
#define CLD_EXITED 1              /* SIGCHLD: the child exited */
#define CLD_KILLED 2              /* SIGCHLD: a signal killed it */
#define CLD_DUMPED 3              /* SIGCHLD: a signal killed it, with a core dump by default */

/* siginfo_t, 128 bytes; the union's members used here (Linux's offsets on a 64-bit machine). */
#define SI_MAX_SIZE 128
typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	int __pad0;
	union {
		struct { int si_pid; unsigned si_uid; int si_status; } proc;   /* kill, SIGCHLD */
		void *si_addr;                                                 /* SIGSEGV, SIGBUS, SIGILL, ... */
		int __pad[(SI_MAX_SIZE - 16) / 4];
	} u;
} k_siginfo_t;
_Static_assert(sizeof(k_siginfo_t) == SI_MAX_SIZE, "siginfo_t is 128 bytes");

/* sigaltstack. */
#define SS_ONSTACK 1
#define SS_DISABLE 2
#define SS_AUTODISARM (1U << 31)
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192
typedef struct {
	void *ss_sp;
	int ss_flags;
	unsigned long ss_size;
} k_stack_t;

/* The signal frame Linux riscv64 pushes on the user stack (struct rt_sigframe): siginfo, then the
 * ucontext whose mcontext holds pc and x1..x31 (in register order), then the FP state. */
struct k_sigcontext {
	unsigned long sc_regs[32];    /* [0] pc, [n] register xn */
	unsigned long long f[32];     /* the D-extension state */
	unsigned int fcsr;
	unsigned int __fp_reserved[67];   /* Q-extension room and the extension header: zero */
} __attribute__((aligned(16)));
struct k_ucontext {
	unsigned long uc_flags;
	struct k_ucontext *uc_link;
	k_stack_t uc_stack;
	unsigned long uc_sigmask;
	unsigned char __unused[1024 / 8 - SIGSET_SIZE];
	struct k_sigcontext uc_mcontext;
};
struct k_rt_sigframe {
	k_siginfo_t info;
	struct k_ucontext uc;
};
_Static_assert(__builtin_offsetof(struct k_rt_sigframe, uc.uc_mcontext) == 304, "Linux's mcontext offset");
_Static_assert(sizeof(struct k_sigcontext) == 784, "Linux's riscv64 struct sigcontext");
_Static_assert(__builtin_offsetof(struct k_sigcontext, __fp_reserved[63]) == 256 + 512, "FP area tail");

/* setitimer / getitimer. */
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

#endif
