# A command line naming a program the ramdisk does not hold: init exits with 127, the kernel powers off.
boot: init=nosuch
status: 127
expect: ^\[init\] cannot run nosuch: no such file in the ramdisk \(or no interpreter for a dynamically linked program\) \(error -2\)$
