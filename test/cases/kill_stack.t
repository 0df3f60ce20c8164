# overflow of the 8 MiB stack kills only that process with SIGSEGV; the kernel runs on and powers off cleanly.
boot: init=kill_stack
status: 139
expect: ^kill_stack: about to fault$
expect: ^\[kill\] pid 1 SIGSEGV cause store addr 0x3fff7[0-9a-f]{5}
expect: ^\[exit\] pid 1 killed by SIGSEGV$
