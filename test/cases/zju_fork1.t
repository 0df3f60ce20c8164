# ZJU mode: the lab's fork() sets only a7 = 220 (clone's argument registers hold stale values); zju=1
# takes it as a plain fork, and parent and child count their own copies of the global.
boot: init=zju_fork1 zju=1
expect: ^\[fork\] pid 1 -> 2, \d+ pages shared$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 0$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 2$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 0$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 2$
forbid: ^\[clone\]
