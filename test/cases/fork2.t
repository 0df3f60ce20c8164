# FORK2: init counts 0..2, writes "ZJU OS Lab5" into the second page of an 8 KiB global array, forks;
# both see the message, then both count on from 3 independently, breaking COW on the shared pages.
boot: init=fork2
expect: ^\[U\] pid: 1 is running! global_variable: 0$
expect: ^\[U\] pid: 1 is running! global_variable: 2$
expect: ^\[fork\] pid 1 -> 2, \d+ pages shared$
expect: ^\[U-PARENT\] pid: 1 is running! Message: ZJU OS Lab5$
expect: ^\[U-CHILD\] pid: 2 is running! Message: ZJU OS Lab5$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 3$
expect: ^\[cow\] pid 1 va 0x[0-9a-f]+ pa 0x[0-9a-f]+ copy of 0x[0-9a-f]+$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 3$
expect: ^\[cow\] pid 2 va 0x[0-9a-f]+ pa 0x[0-9a-f]+ reuse$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 5$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 5$
