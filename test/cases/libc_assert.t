# A failed assert prints glibc's message on stderr and aborts: status 134.
boot: init=libc_assert
kernel: log0
status: 134
expect: ^assert: checking that argc is 2$
expect: ^libc_assert: user/libc/assert\.c:9: main: Assertion `argc == 2' failed\.$
forbid: still running
