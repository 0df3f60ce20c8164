# Pipes between processes through glibc: a 1 MiB stream, EOF, exec'd output through a pipe, O_NONBLOCK,
# the 64 KiB buffer, SIGPIPE. (qemu-riscv64 cannot execve a riscv64 program here: Linux passes.)
# Expected lines: what Linux prints (user/libc/learn.sh pipe).
boot: init=libc_pipe
kernel: log0
expect: ^pipe_stream: ok$
expect: ^pipe_writer_status: ok$
expect: ^pipe_exec_output: ok$
expect: ^pipe2_nonblock: ok$
expect: ^pipe_read_empty: ok$
expect: ^pipe_capacity: ok$
expect: ^pipe_flags: ok$
expect: ^pipe_fstat: ok$
expect: ^pipe_lseek: ok$
expect: ^pipe_drain_then_eof: ok$
expect: ^pipe_sigpipe: ok$
expect: ^pipe2_bad_flags: ok$
