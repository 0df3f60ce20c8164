# Signals through glibc: a user-level pager (mprotect + SIGSEGV), a guard page caught on sigaltstack
# and left with siglongjmp, alarm() interrupting a read (EINTR) or restarted (SA_RESTART), sigpending,
# sigwait, sigsuspend with SIGCHLD's siginfo, raise and abort in children (no core bit).
# Expected lines: what Linux prints (user/libc/learn.sh signal).
boot: init=libc_signal
kernel: log0
expect: ^pager: 64 faults for 64 pages$
expect: ^pager: ok$
expect: ^sigaltstack_small: ok$
expect: ^guard_page_on_altstack: ok$
expect: ^siglongjmp_mask: ok$
expect: ^alarm_eintr: ok$
expect: ^alarm_restart: ok$
expect: ^alarm_remaining: ok$
expect: ^sigpending: ok$
expect: ^sigwait: ok$
expect: ^SIGCHLD: status 42, CLD_EXITED$
expect: ^sigchld_info: ok$
expect: ^raise\(SIGTERM\) in a child: Terminated$
expect: ^abort in a child: Aborted, core bit 0$
