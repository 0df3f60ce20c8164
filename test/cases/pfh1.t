# PFH1: one program started as four processes (priorities 7, 10, 4, 1), nothing mapped until touched.
# The highest priority (pid 2) runs first; its first faults come in this order: the kernel writing
# argv to the stack top, the entry point's text page, then the data page.
boot: init=pfh1 copies=4
repeat: 2
expect: ^\[switch\] pid 2 prio 10 counter 10$
expect: ^\[exec\] pid 2 pfh1 entry 0x10[0-9a-f]{3}$
expect: ^\[fault\] pid 2 pc 0xffffffe0[0-9a-f]+ addr 0x3fffff[0-9a-f]{4} store uaccess$
expect: ^\[map\] pid 2 va 0x3ffffff000 pa 0x8[0-9a-f]{7} rw- anon$
expect: ^\[fault\] pid 2 pc (0x10[0-9a-f]{3}) addr \1 exec$
expect: ^\[map\] pid 2 va 0x10000 pa 0x8[0-9a-f]{7} r-x elf$
expect: ^\[U-MODE\] pid: 2, sp is 0x3fffff[0-9a-f]{4}, this is print No\.1$
expect: ^\[switch\] pid 1 prio 7 counter 7$
expect: ^\[fault\] pid 1 pc (0x10[0-9a-f]{3}) addr \1 exec$
expect: ^\[U-MODE\] pid: 1, sp is 0x3fffff[0-9a-f]{4}, this is print No\.1$
expect: ^\[switch\] pid 3 prio 4 counter 4$
expect: ^\[U-MODE\] pid: 3, sp is 0x3fffff[0-9a-f]{4}, this is print No\.1$
expect: ^\[switch\] pid 4 prio 1 counter 1$
expect: ^\[U-MODE\] pid: 4, sp is 0x3fffff[0-9a-f]{4}, this is print No\.1$
expect: ^\[U-MODE\] pid: 4, sp is 0x3fffff[0-9a-f]{4}, this is print No\.3$
expect: ^\[exit\] pid 4 exited with 0$
# text is never written, so it is never mapped writable
forbid: ^\[map\] pid \d va 0x10000 .* rw
