# MMAP1: a file mapped shared and private. Shared stores are the file (read() and the parent see the
# child's); private stores copy the page (the file and the other process never see them).
boot: init=mmap1
repeat: 2
expect: ^\[mmap\] pid 1 0x[0-9a-f]+-0x[0-9a-f]+ prot 3 shared mmap1\.dat off 0x0$
expect: ^\[mmap\] pid 1 0x[0-9a-f]+-0x[0-9a-f]+ prot 3 private mmap1\.dat off 0x0$
capture: PA ^\[map\] pid 1 va 0x[0-9a-f]+ pa (0x[0-9a-f]+) rw- file$
expect: ^\[map\] pid 1 va 0x[0-9a-f]+ pa {PA} rw- file$
expect: ^\[map\] pid 1 va 0x[0-9a-f]+ pa {PA} r-- file$
expect: ^\[U\] start pid 1: read\(\) "hello, file!", shared map "hello, file!", private map "hello, file!"$
expect: ^\[U\] shared store pid 1: read\(\) "HELLO, file!", shared map "HELLO, file!", private map "HELLO, file!"$
expect: ^\[cow\] pid 1 va 0x[0-9a-f]+ pa 0x[0-9a-f]+ copy of 0x[0-9a-f]+$
expect: ^\[U\] private store pid 1: read\(\) "HELLO, file!", shared map "HELLO, file!", private map "HELLO, mine!"$
expect: ^\[fork\] pid 1 -> 2, \d+ pages shared$
expect: ^\[U\] child pid 2: read\(\) "HELLO, child", shared map "HELLO, child", private map "CHILD, mine!"$
expect: ^\[U\] parent after child pid 1: read\(\) "HELLO, child", shared map "HELLO, child", private map "HELLO, mine!"$
