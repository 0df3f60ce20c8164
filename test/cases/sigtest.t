# Signals from raw system calls: user-level paging, write barrier, stack overflow on sigaltstack, a
# handler changing the saved pc, SIGBUS fixed by the handler, kill, masks, timers, SIGPIPE, SIGCHLD,
# fork/exec inheritance; with the [signal]/[sigreturn]/[kill] lines and the [vdso] page mapped.
boot: init=sigtest
expect: ^\[vma\] pid 1 0x3fff[0-9a-f]+-0x3fff[0-9a-f]+ r-xp vdso \[vdso\]$
expect: ^\[signal\] pid 1 SIGSEGV addr 0x[0-9a-f]+ -> handler 0x[0-9a-f]+$
expect: ^\[map\] pid 1 va 0x3fff[0-9a-f]+ pa 0x[0-9a-f]+ r-x vdso$
expect: ^\[sigreturn\] pid 1$
expect: ^paging_64_faults: ok$
expect: ^paging_si_code: ok$
expect: ^barrier_recorded: ok$
expect: ^barrier_values: ok$
expect: ^altstack_small: ok$
expect: ^altstack_flags: ok$
expect: ^overflow handler: code 1, on the alternate stack 1, ss_flags 1$
expect: ^altstack_overflow: ok$
expect: ^skip_load: ok$
expect: ^skip_illegal: ok$
expect: ^registers_kept: ok$
expect: ^sigbus_caught: ok$
expect: ^sigbus_retried: ok$
expect: ^kill_handler: ok$
expect: ^\[kill\] pid \d+ SIGTERM$
expect: ^kill_default_term: ok$
expect: ^kill_default_core: ok$
expect: ^kill_bad_signal: ok$
expect: ^kill_no_process: ok$
expect: ^mask_blocked: ok$
expect: ^mask_delivered: ok$
expect: ^mask_nodefer: ok$
expect: ^mask_resethand: ok$
expect: ^ppoll_sigmask: ok$
expect: ^mask_unblockable: ok$
expect: ^\[signal\] pid 1 SIGALRM -> handler 0x[0-9a-f]+$
expect: ^alarm_eintr: ok$
expect: ^alarm_restart: ok$
expect: ^nanosleep_rem: ok$
expect: ^sigpipe_handled: ok$
expect: ^\[kill\] pid \d+ SIGPIPE$
expect: ^sigpipe_default: ok$
expect: ^sigchld_handler: ok$
expect: ^sigchld_ignored_no_zombie: ok$
expect: ^fork_inherits: ok$
expect: ^exec_handler_reset: ok$
expect: ^exec_ignored_kept: ok$
expect: ^exec_mask_kept: ok$
expect: ^exec_pending_kept: ok$
expect: ^exec_inherits: ok$
expect: ^fork_pending_parent: ok$
expect: ^ignore_drops_pending: ok$
expect: ^sigaction_bad_numbers: ok$
expect: ^sigaction_kill_stop: ok$
expect: ^sigaction_setsize: ok$
expect: ^sigaction_efault: ok$
expect: ^sigprocmask_how: ok$
expect: ^\[signal\] pid \d+ SIGUSR1 -> handler 0xffffffe000200000$
expect: ^\[kill\] pid \d+ SIGSEGV cause exec addr 0xffffffe000200000 pc 0xffffffe000200000$
expect: ^bad_handler_address: ok$
expect: ^\[kill\] pid \d+ SIGSEGV cause signal frame addr 0x[0-9a-f]+ pc 0x[0-9a-f]+$
expect: ^frame_on_unmapped_stack: ok$
expect: ^\[kill\] pid \d+ SIGSEGV cause load addr 0x0 pc 0x[0-9a-f]+$
expect: ^fault_in_handler: ok$
expect: ^forged frame: reached its pc$
expect: ^\[kill\] pid \d+ SIGILL cause illegal instruction addr 0x[0-9a-f]+ pc 0x[0-9a-f]+$
expect: ^forged_sigreturn: ok$
expect: ^\[kill\] pid \d+ SIGSEGV cause sigreturn frame addr 0x10 pc 0x[0-9a-f]+$
expect: ^sigreturn_unmapped: ok$
