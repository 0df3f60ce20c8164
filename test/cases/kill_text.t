# store to its own text kills only that process with SIGSEGV; the kernel runs on and powers off cleanly.
boot: init=kill_text
status: 139
expect: ^kill_text: about to fault$
expect: ^\[kill\] pid 1 SIGSEGV cause store addr 0x10[0-9a-f]{3}
expect: ^\[exit\] pid 1 killed by SIGSEGV$
