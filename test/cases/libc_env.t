# Environment words on the kernel command line (make run ENV="A=1 B=2") reach init's envp, as Linux
# passes parameters it does not know; argv after "--".
boot: init=libc_echo GREETING=hi EMPTY= -- first second
kernel: log0
expect: ^echo: argv\[0\] = "libc_echo"$
expect: ^echo: argv\[1\] = "first"$
expect: ^echo: argv\[2\] = "second"$
expect: ^echo: env GREETING=hi$
expect: ^echo: env EMPTY=$
expect: ^echo: getenv\(GREETING\) = hi$
