# Fault-around on program text (fault_around=16): the shell's second busybox (the exec of its last
# command) finds the text its first run faulted in cached, and each text fault also maps the cached
# neighbours of its window ("file-around", r-x); both commands still run.
boot: init=busybox fault_around=16 -- sh -c "echo one; busybox echo two"
expect: ^one$
expect: ^\[exec\] pid 1 busybox entry 0x[0-9a-f]+$
expect: ^\[map\] pid 1 va 0x[0-9a-f]+ pa 0x[0-9a-f]+ r-x file$
expect: ^\[map\] pid 1 va 0x[0-9a-f]+ pa 0x[0-9a-f]+ r-x file-around$
expect: ^two$
