# ZJU mode: the lab's second fork scenario: the child sees the message its parent wrote before the
# fork, and both go on counting from 3.
boot: init=zju_fork2 zju=1
expect: ^\[U\] pid: 1 is running! global_variable: 2$
expect: ^\[fork\] pid 1 -> 2, \d+ pages shared$
expect: ^\[U-PARENT\] pid: 1 is running! Message: ZJU OS Lab5$
expect: ^\[U-PARENT\] pid: 1 is running! global_variable: 3$
expect: ^\[U-CHILD\] pid: 2 is running! Message: ZJU OS Lab5$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 3$
expect: ^\[U-CHILD\] pid: 2 is running! global_variable: 4$
