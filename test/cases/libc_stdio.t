# glibc stdio on the console (expected lines: what Linux prints, user/libc/learn.sh stdio). stdout is
# line-buffered because ioctl(TCGETS) says the console is a terminal, stderr unbuffered: the lines
# interleave exactly as on Linux. Runs on the LOG=0 kernel so trace lines cannot split user lines.
boot: init=libc_stdio
kernel: log0
expect: ^hello from glibc$
expect: ^-42  3\.14 str beef z 1099511627776$
expect: ^0002\.500\|ab    \|\+7\|1\.234568e\+04$
expect: ^isatty\(0\) 1 isatty\(1\) 1 isatty\(2\) 1$
expect: ^stderr line$
expect: ^stderr first$
expect: ^partial line, then the newline$
expect: ^\[raw write\]$
expect: ^before a raw write, after it$
expect: ^perror: No such file or directory$
expect: ^strerror\(EBADF\) Bad file descriptor$
expect: ^strerror\(EPIPE\) Broken pipe$
expect: ^\[second raw write\]$
expect: ^fully buffered, flushed at exit$
