# Identity calls through glibc: uname, ids, tid, rlimits, getrandom, affinity, prctl, auxv.
# Expected lines: what Linux prints (user/libc/learn.sh ident).
boot: init=libc_ident
kernel: log0
expect: ^uname: ok$
expect: ^uname: sysname Linux machine riscv64$
expect: ^ids_root: ok$
expect: ^gettid: ok$
expect: ^rlimit_stack: ok$
expect: ^rlimit_nofile: ok$
expect: ^rlimit_lower: ok$
expect: ^getrandom: ok$
expect: ^getrandom_bytes: ok$
expect: ^sched_getaffinity: ok$
expect: ^prctl_name: ok$
expect: ^auxv_pagesz: ok$
expect: ^auxv_clktck: ok$
expect: ^auxv_random: ok$
expect: ^auxv_execfn: ok$
expect: ^auxv_secure: ok$
expect: ^auxv_hwcap: ok$
