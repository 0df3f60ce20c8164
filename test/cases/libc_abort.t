# glibc abort(): raise(SIGABRT) through tgkill to itself ends the process with SIGABRT: status 134, as a
# Linux shell reports it.
boot: init=libc_abort
kernel: log0
status: 134
expect: ^abort: calling abort\(\)$
forbid: still running
