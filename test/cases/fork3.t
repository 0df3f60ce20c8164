# FORK3: print, fork, fork, print, fork: 8 processes. The first value each prints: 0 for init, 1 for
# the three made by the first two forks (pids 2, 3, 5), 2 for the four made by the last (4, 6, 7, 8).
# Every process breaks COW on its own copy of the global's page. Same bytes on every run.
boot: init=fork3
repeat: 2
first: ^\[U\] pid: 1 is => global_variable: 0$
first: ^\[U\] pid: 2 is => global_variable: 1$
first: ^\[U\] pid: 3 is => global_variable: 1$
first: ^\[U\] pid: 5 is => global_variable: 1$
first: ^\[U\] pid: 4 is => global_variable: 2$
first: ^\[U\] pid: 6 is => global_variable: 2$
first: ^\[U\] pid: 7 is => global_variable: 2$
first: ^\[U\] pid: 8 is => global_variable: 2$
expect: ^\[fork\] pid 1 -> 2, \d+ pages shared$
expect: ^\[cow\] pid 8 va 0x[0-9a-f]+ pa 0x[0-9a-f]+ (copy of 0x[0-9a-f]+|reuse)$
expect: ^\[U\] pid: 8 is running! global_variable: 4$
expect: ^\[exit\] pid 1 exited with 0$
forbid: ^\[U\] pid: 9
