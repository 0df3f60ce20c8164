# Each bad access of the kill_* programs, now in a forked child: only the child dies, with the signal
# Linux sends, and the parent sees it in wait4's status.
boot: init=killchild
expect: ^\[kill\] pid 2 SIGSEGV cause store addr 0x[0-9a-f]+ pc 0x[0-9a-f]+$
expect: ^killchild_text: ok$
expect: ^\[kill\] pid 3 SIGSEGV cause load addr 0x0 pc 0x[0-9a-f]+$
expect: ^killchild_null: ok$
expect: ^killchild_kaddr: ok$
expect: ^\[kill\] pid 5 SIGSEGV cause exec addr 0x[0-9a-f]+ pc 0x[0-9a-f]+$
expect: ^killchild_exec: ok$
expect: ^\[kill\] pid 6 SIGILL cause illegal instruction addr 0x0 pc 0x[0-9a-f]+$
expect: ^killchild_illegal: ok$
expect: ^killchild_priv: ok$
expect: ^killchild_stack: ok$
