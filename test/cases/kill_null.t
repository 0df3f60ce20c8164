# load from address 0 kills only that process with SIGSEGV; the kernel runs on and powers off cleanly.
boot: init=kill_null
status: 139
expect: ^kill_null: about to fault$
expect: ^\[kill\] pid 1 SIGSEGV cause load addr 0x0 
expect: ^\[exit\] pid 1 killed by SIGSEGV$
