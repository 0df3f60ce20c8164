# load from a kernel address kills only that process with SIGSEGV; the kernel runs on and powers off cleanly.
boot: init=kill_kaddr
status: 139
expect: ^kill_kaddr: about to fault$
expect: ^\[kill\] pid 1 SIGSEGV cause load addr 0xffffffe000200000
expect: ^\[exit\] pid 1 killed by SIGSEGV$
