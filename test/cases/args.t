# argv reaches main: pfh1 1 runs a single round; a missing init fails cleanly with 127.
boot: init=pfh1 -- 1
expect: ^\[U-MODE\] pid: 1, sp is 0x3fffff[0-9a-f]{4}, this is print No\.1$
expect: ^\[exit\] pid 1 exited with 0$
forbid: print No\.2
