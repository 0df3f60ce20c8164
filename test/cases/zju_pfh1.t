# ZJU mode (zju=1): the lab's first page-fault scenario, built as the lab builds programs (user/zju/:
# a `j main` entry, one RWX segment). Nothing is written on the stack before the first instruction, so
# each copy's first faults are, in order: the instruction at the entry point, main's store on the
# stack, the load of the data page, then printf on the next text page; every fault maps a page of the
# process's own (no zero page).
boot: init=zju_pfh1 copies=4 zju=1
repeat: 2
capture: ENTRY ^\[exec\] pid 2 zju_pfh1 entry (0x[0-9a-f]+)$
first: ^\[fault\] pid 2 => ^\[fault\] pid 2 pc {ENTRY} addr {ENTRY} exec$
expect: ^\[fault\] pid 2 pc {ENTRY} addr {ENTRY} exec$
expect: ^\[map\] pid 2 va 0x10000 pa 0x[0-9a-f]+ rwx elf$
expect: ^\[fault\] pid 2 pc 0x[0-9a-f]+ addr 0x3fffff[0-9a-f]{4} store$
expect: ^\[map\] pid 2 va 0x3ffffff000 pa 0x[0-9a-f]+ rw- anon$
expect: ^\[fault\] pid 2 pc 0x1[0-9a-f]{4} addr 0x12[0-9a-f]{3} load$
expect: ^\[fault\] pid 2 pc 0x11[0-9a-f]{3} addr 0x11[0-9a-f]{3} exec$
expect: ^\[U-MODE\] pid: 2, sp is 0x3fffffff[0-9a-f]{2}, this is print No.1$
expect: ^\[U-MODE\] pid: 1, sp is 0x3fffffff[0-9a-f]{2}, this is print No.1$
expect: ^\[U-MODE\] pid: 3, sp is 0x3fffffff[0-9a-f]{2}, this is print No.1$
expect: ^\[U-MODE\] pid: 4, sp is 0x3fffffff[0-9a-f]{2}, this is print No.3$
forbid: uaccess
forbid: zero$
