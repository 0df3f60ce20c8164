# fork/wait/exec through glibc: clone as glibc issues it, exit codes, SIGABRT death, WNOHANG, execve with
# argv and envp, O_CLOEXEC closed at execve. (qemu-riscv64 cannot execve a riscv64 program here.)
# Expected lines: what Linux prints (user/libc/learn.sh fork).
boot: init=libc_fork
kernel: log0
expect: ^fork_exit_code: ok$
expect: ^fork_ids: ok$
expect: ^fork_abort_child: ok$
expect: ^wait_wnohang_running: ok$
expect: ^wait_after_release: ok$
expect: ^wait_no_child: ok$
expect: ^echo: argv\[0\] = "libc_echo"$
expect: ^echo: argv\[1\] = "one"$
expect: ^echo: argv\[2\] = "two words"$
expect: ^echo: env GREETING=hello$
expect: ^echo: env EMPTY=$
expect: ^echo: getenv\(GREETING\) = hello$
expect: ^echo_fd_kept: ok$
expect: ^echo_cloexec_closed: ok$
expect: ^exec_status: ok$
