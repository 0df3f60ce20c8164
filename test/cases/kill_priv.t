# a privileged instruction (csrr sstatus) kills only that process with SIGILL; the kernel runs on and powers off cleanly.
boot: init=kill_priv
status: 132
expect: ^kill_priv: about to fault$
expect: ^\[kill\] pid 1 SIGILL cause illegal instruction
expect: ^\[exit\] pid 1 killed by SIGILL$
