# ZJU mode: the lab's third fork scenario makes 8 processes whose first printed values, by pid 1..8,
# are the lab's: 0, 1, 1, 2, 1, 2, 2, 2; and the same tree (3 forks 7, 5 forks 8).
boot: init=zju_fork3 zju=1
repeat: 2
first: ^\[U\] pid: 1 is => global_variable: 0$
first: ^\[U\] pid: 2 is => global_variable: 1$
first: ^\[U\] pid: 3 is => global_variable: 1$
first: ^\[U\] pid: 4 is => global_variable: 2$
first: ^\[U\] pid: 5 is => global_variable: 1$
first: ^\[U\] pid: 6 is => global_variable: 2$
first: ^\[U\] pid: 7 is => global_variable: 2$
first: ^\[U\] pid: 8 is => global_variable: 2$
expect: ^\[fork\] pid 3 -> 7, \d+ pages shared$
expect: ^\[fork\] pid 5 -> 8, \d+ pages shared$
forbid: ^\[U\] pid: 9 
