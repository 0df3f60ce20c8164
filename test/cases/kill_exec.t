# jump into non-executable data kills only that process with SIGSEGV; the kernel runs on and powers off cleanly.
boot: init=kill_exec
status: 139
expect: ^kill_exec: about to fault$
expect: ^\[kill\] pid 1 SIGSEGV cause exec addr 0x[0-9a-f]+
expect: ^\[exit\] pid 1 killed by SIGSEGV$
