# Failing calls set Linux's errno and strerror/perror print its text. (qemu-riscv64 drops unknown pipe2
# flags and the test's stat file is its own; Linux returns EINVAL and EFAULT.)
# Expected lines: what Linux prints (user/libc/learn.sh errno).
boot: init=libc_errno
kernel: log0
expect: ^open_missing: ok \(No such file or directory\)$
expect: ^open no-such-file: No such file or directory$
expect: ^close_bad: ok \(Bad file descriptor\)$
expect: ^read_bad_fd: ok \(Bad file descriptor\)$
expect: ^write_bad_ptr: ok \(Bad address\)$
expect: ^fstat_bad_fd: ok \(Bad file descriptor\)$
expect: ^dup_bad: ok \(Bad file descriptor\)$
expect: ^dup2_bad: ok \(Bad file descriptor\)$
expect: ^fcntl_bad_cmd: ok \(Invalid argument\)$
expect: ^ioctl_file: ok \(Inappropriate ioctl for device\)$
expect: ^stat_bad_ptr: ok \(Bad address\)$
expect: ^access_bad_mode: ok \(Invalid argument\)$
expect: ^pipe2_bad_ptr: ok \(Bad address\)$
expect: ^pipe2_bad_flag: ok \(Invalid argument\)$
expect: ^clock_bad_ptr: ok \(Bad address\)$
expect: ^nanosleep_negative: ok \(Invalid argument\)$
expect: ^kill_bad_signal: ok \(Invalid argument\)$
expect: ^kill_probe_self: ok$
expect: ^kill_no_process: ok \(No such process\)$
expect: ^getrandom_bad_flags: ok \(Invalid argument\)$
expect: ^getrandom_bad_ptr: ok \(Bad address\)$
expect: ^writev_bad_iov: ok \(Bad address\)$
expect: ^writev_bad_base: ok \(Bad address\)$
expect: ^writev_negative_count: ok \(Invalid argument\)$
expect: ^lseek_console: ok \(Illegal seek\)$
expect: ^ftruncate_console: ok \(Invalid argument\)$
expect: ^perror EACCES: Permission denied$
