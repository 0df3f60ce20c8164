# FORK1: init forks once; parent and child each count their own copy of a global from 0.
boot: init=fork1
expect: ^\[fork\] pid 1 -> 2, \d+ pages shared$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 0$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 0$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 2$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 2$
expect: ^\[exit\] pid 2 exited with 0$
expect: ^\[exit\] pid 1 exited with 0$
forbid: global_variable: [3-9]
