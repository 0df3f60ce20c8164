# The lab's fork1 without ZJU mode: its fork() runs first thing in main, when a0 still holds 0 from
# exec, so clone sees flags 0: Linux takes that as a fork with no exit signal, and so does this kernel.
boot: init=zju_fork1
expect: ^\[fork\] pid 1 -> 2, \d+ pages shared$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 2$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 2$
forbid: ^\[clone\]
