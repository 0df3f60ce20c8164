# Memory running out inside a system call's copy to user memory kills the process (SIGKILL) like a
# fault of its own; the system call does not return -EFAULT, and nothing leaks.
# Runs with logging compiled out: a 30,000-page trace would only slow it down.
kernel: log0
boot: init=oomcopy
expect: ^oomcopy_sigkill: ok$
