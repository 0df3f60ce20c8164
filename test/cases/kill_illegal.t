# an illegal instruction kills only that process with SIGILL; the kernel runs on and powers off cleanly.
boot: init=kill_illegal
status: 132
expect: ^kill_illegal: about to fault$
expect: ^\[kill\] pid 1 SIGILL cause illegal instruction
expect: ^\[exit\] pid 1 killed by SIGILL$
