/*
 * sigframe.c: what a pending signal does on the way back to user mode, and rt_sigreturn. A handler
 * gets Linux's riscv64 rt_sigframe (siginfo, then a ucontext with pc, x1..x31 and the FP registers)
 * below the interrupted sp, or at the top of the alternate stack (SA_ONSTACK); it starts with a0 =
 * the signal, a1 = &siginfo, a2 = &ucontext, sp = the frame and ra = the [vdso] trampoline, which
 * calls rt_sigreturn to put every saved register back (a handler may change them, the pc too). The
 * frame holds no sstatus: what user space writes there cannot reach a privileged bit. A frame that
 * cannot be written or read back is a SIGSEGV, as on Linux. An interrupted system call is restarted
 * (its ecall run again) or fails with -EINTR as Linux decides from ERESTARTSYS/ERESTARTNOHAND.
 */
#include "proc.h"
#include "exit.h"
#include "fpu.h"
#include "syscall.h"
#include "uaccess.h"
#include "errno.h"
#include "string.h"
#include "log.h"
#include "vdso.h"
#include "signal.h"

#define INSN_ECALL_SIZE 4
#define REG_RA 1
#define FCSR_MASK 0xffUL                  /* frm and fflags: the writable bits of fcsr */
#define FAULT_SIGNALS (SIGMASK(SIGSEGV) | SIGMASK(SIGBUS) | SIGMASK(SIGILL) | SIGMASK(SIGTRAP) | SIGMASK(SIGFPE))

/* The ucontext's fields before its padding: what the frame says besides the registers. */
struct uc_head {
	unsigned long uc_flags;
	unsigned long uc_link;
	k_stack_t uc_stack;
	unsigned long uc_sigmask;
};
_Static_assert(sizeof(struct uc_head) == __builtin_offsetof(struct k_ucontext, __unused), "ucontext head");

static bool on_sig_stack(struct task_struct *t, uint64_t sp)
{
	return t->sig.ss_size && sp > t->sig.ss_sp && sp - t->sig.ss_sp <= t->sig.ss_size;
}

void altstack_report(struct task_struct *t, uint64_t sp, k_stack_t *ss)
{
	ss->ss_sp = (void *)t->sig.ss_sp;
	ss->ss_size = t->sig.ss_size;
	ss->ss_flags = !t->sig.ss_size ? SS_DISABLE : on_sig_stack(t, sp) ? SS_ONSTACK | (int)t->sig.ss_flags :
		       (int)t->sig.ss_flags;
}

long altstack_set(struct task_struct *t, uint64_t sp, const k_stack_t *ss)
{
	uint32_t mode = (uint32_t)ss->ss_flags & ~SS_AUTODISARM;

	if (on_sig_stack(t, sp))
		return -EPERM;
	if (mode != 0 && mode != SS_ONSTACK && mode != SS_DISABLE)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		t->sig.ss_sp = t->sig.ss_size = 0;
		t->sig.ss_flags = 0;
		return 0;
	}
	if (ss->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	t->sig.ss_sp = (uint64_t)ss->ss_sp;
	t->sig.ss_size = ss->ss_size;
	t->sig.ss_flags = (uint32_t)ss->ss_flags & SS_AUTODISARM;
	return 0;
}

/* The siginfo of sig as it was sent (info kept in t's handler page). */
static void fill_siginfo(int sig, const struct sig_info *info, k_siginfo_t *si)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = info->code;
	if ((FAULT_SIGNALS & SIGMASK(sig)) && info->code > 0) {
		si->u.si_addr = (void *)info->value;
		return;
	}
	si->u.proc.si_pid = info->pid;
	si->u.proc.si_status = (int)info->value;
}

/* The frame's first 176 bytes, contiguous: the siginfo, then the ucontext's head. */
struct frame_head {
	k_siginfo_t info;
	struct uc_head uc;
};
_Static_assert(__builtin_offsetof(struct frame_head, uc) == __builtin_offsetof(struct k_rt_sigframe, uc), "frame head");

/* __fp_reserved index of the last 16 bytes of the FP area (8-byte aligned): the Q extension's fcsr,
 * unused here, and its reserved words, which must be zero (no other extension state, as Linux says). */
#define FP_AREA_TAIL 63

/* Write the frame for sig at uf: 0 or -EFAULT. */
static long write_frame(struct task_struct *t, int sig, const struct sig_info *info, struct k_rt_sigframe __user *uf,
			struct pt_regs *regs)
{
	static const uint64_t fp_tail[2];     /* zero */
	struct frame_head head;
	long err;

	fill_siginfo(sig, info, &head.info);
	head.uc.uc_flags = head.uc.uc_link = 0;
	head.uc.uc_sigmask = t->sig.restore_blocked ? t->sig.saved_blocked : t->sig.blocked;
	altstack_report(t, regs->x[REG_SP], &head.uc.uc_stack);
	fpu_sync(t);
	regs->x[0] = regs->sepc;              /* sc_regs[0] is the pc, [n] is xn: pt_regs' own order */
	err = copy_to_user(uf, &head, sizeof(head)) |
	      copy_to_user(&uf->uc.uc_mcontext.sc_regs, regs->x, sizeof(regs->x)) |
	      copy_to_user(&uf->uc.uc_mcontext.f, &t->fp, sizeof(t->fp)) |
	      copy_to_user(&uf->uc.uc_mcontext.__fp_reserved[FP_AREA_TAIL], fp_tail, sizeof(fp_tail));
	regs->x[0] = 0;
	return err;
}

/* The frame's address: below sp, or at the top of the alternate stack for SA_ONSTACK. */
static uint64_t frame_address(struct task_struct *t, struct k_sigaction *ka, uint64_t sp)
{
	if ((ka->flags & SA_ONSTACK) && t->sig.ss_size && !on_sig_stack(t, sp))
		sp = t->sig.ss_sp + t->sig.ss_size;
	return (sp - sizeof(struct k_rt_sigframe)) & ~15UL;
}

/* Run ka's handler for sig next: push the frame, point the registers at the handler. */
static void handle_signal(struct task_struct *t, int sig, struct k_sigaction *ka, const struct sig_info *info,
			  struct pt_regs *regs)
{
	uint64_t frame = frame_address(t, ka, regs->x[REG_SP]);

	if (t->sig.fault_cause && t->sig.fault_sig == sig)
		trace("[signal] pid %lu %s addr 0x%lx -> handler 0x%lx", t->pid, signal_name(sig),
		      info->value, ka->handler);
	else
		trace("[signal] pid %lu %s -> handler 0x%lx", t->pid, signal_name(sig), ka->handler);
	if (write_frame(t, sig, info, (struct k_rt_sigframe __user *)frame, regs)) {
		if (sig == SIGSEGV)
			ka->handler = SIG_DFL;
		force_sig_fault(SIGSEGV, SI_KERNEL, 0, "signal frame", frame, regs->sepc);
		return;
	}
	if (t->sig.ss_flags & SS_AUTODISARM)
		t->sig.ss_sp = t->sig.ss_size = t->sig.ss_flags = 0;
	t->sig.restore_blocked = false;
	t->sig.fault_cause = NULL;
	t->sig.blocked |= (ka->mask | (ka->flags & SA_NODEFER ? 0 : SIGMASK(sig))) & ~SIG_UNBLOCKABLE;
	regs->x[REG_SP] = frame;
	regs->x[REG_RA] = VDSO_SIGRETURN;
	regs->x[REG_A0] = (uint64_t)sig;
	regs->x[REG_A0 + 1] = frame + __builtin_offsetof(struct k_rt_sigframe, info);
	regs->x[REG_A0 + 2] = frame + __builtin_offsetof(struct k_rt_sigframe, uc);
	regs->sepc = ka->handler;
	if (ka->flags & SA_RESETHAND)
		ka->handler = SIG_DFL;
}

/* The default action of sig ends t: the [kill] line (with the fault that caused it), then exit. */
static void __noreturn die(struct task_struct *t, int sig)
{
	if (t->sig.fault_cause && t->sig.fault_sig == sig)
		trace("[kill] pid %lu %s cause %s addr 0x%lx pc 0x%lx", t->pid, signal_name(sig), t->sig.fault_cause,
		      t->sig.fault_addr, t->sig.fault_pc);
	else
		trace("[kill] pid %lu %s", t->pid, signal_name(sig));
	do_exit(sig);
}

/* An interrupted call's result before a handler runs: -EINTR, or the call made again. */
static void syscall_restart(struct pt_regs *regs, struct k_sigaction *ka)
{
	long ret = (long)regs->x[REG_A0];

	if (ret != -ERESTARTSYS && ret != -ERESTARTNOHAND)
		return;
	if (ka && (ret == -ERESTARTNOHAND || !(ka->flags & SA_RESTART))) {
		regs->x[REG_A0] = (uint64_t)-EINTR;
		return;
	}
	regs->x[REG_A0] = regs->x[0];         /* the call's first argument, kept by do_syscall */
	regs->sepc -= INSN_ECALL_SIZE;
}

void do_signal(struct pt_regs *regs, bool syscall)
{
	struct task_struct *t = current;
	uint64_t ready;

	while ((ready = t->sig.pending & ~t->sig.blocked)) {
		int sig = first_signal(ready);
		struct k_sigaction *ka = sig_action(t, sig);

		t->sig.pending &= ~SIGMASK(sig);
		if (ka->handler == SIG_IGN || (ka->handler == SIG_DFL && sig_default_ignores(sig)))
			continue;
		if (ka->handler == SIG_DFL)
			die(t, sig);
		struct sig_info info = t->sig.hand->info[sig];   /* a handler implies the page */
		t->sig.hand->info[sig] = (struct sig_info){ 0 };
		if (syscall)
			syscall_restart(regs, ka);
		syscall = false;
		handle_signal(t, sig, ka, &info, regs);
	}
	if (syscall)
		syscall_restart(regs, NULL);
	if (t->sig.restore_blocked) {
		t->sig.blocked = t->sig.saved_blocked;
		t->sig.restore_blocked = false;
	}
}

/* Read the frame at uf back into regs, the FP registers, the mask and the alternate stack (straight
 * into their places: after a failure the task dies of SIGSEGV or runs its handler, as on Linux). */
static long read_frame(struct task_struct *t, struct k_rt_sigframe __user *uf, struct pt_regs *regs)
{
	struct uc_head head;

	if (copy_from_user(regs->x, &uf->uc.uc_mcontext.sc_regs, sizeof(regs->x)) ||
	    copy_from_user(&head, &uf->uc, sizeof(head)) ||
	    copy_from_user(&t->fp, &uf->uc.uc_mcontext.f, sizeof(t->fp))) {
		regs->x[0] = 0;
		return -EFAULT;
	}
	regs->sepc = regs->x[0];              /* sc_regs[0] is the pc; sstatus is the kernel's own: SPP stays user */
	regs->x[0] = 0;
	t->fp.fcsr &= FCSR_MASK;
	fpu_load(t);
	t->sig.blocked = head.uc_sigmask & ~SIG_UNBLOCKABLE;
	altstack_set(t, regs->x[REG_SP], &head.uc_stack);   /* errors ignored, as Linux */
	return 0;
}

long sys_rt_sigreturn(void)
{
	struct task_struct *t = current;
	struct pt_regs *regs = task_pt_regs(t);
	uint64_t frame = regs->x[REG_SP];

	trace("[sigreturn] pid %lu", t->pid);
	if (read_frame(t, (struct k_rt_sigframe __user *)frame, regs))
		force_sig_fault(SIGSEGV, SI_KERNEL, 0, "sigreturn frame", frame, regs->sepc);
	if (signal_pending(t))                /* unblocked by the restored mask: not a call to restart */
		do_signal(regs, false);
	return (long)regs->x[REG_A0];         /* do_syscall stores it back: every register as restored */
}
