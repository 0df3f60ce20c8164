# Memory exhaustion in a page fault kills only the faulting process with SIGKILL; nothing leaks.
# Runs with logging compiled out: a 30,000-page trace would only slow it down.
kernel: log0
boot: init=oom
status: 137
expect: ^oom: touching 256 MiB$
