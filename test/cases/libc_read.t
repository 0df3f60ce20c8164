# The console reads like a terminal: fgets blocks until a line is typed (fed through QEMU's stdin),
# one line per read, ^D on an empty line is end of file. The typed lines are echoed as they arrive,
# so echoed bytes may start any line: the expected lines are anchored at their end only.
boot: init=libc_read
kernel: log0
input: first line
input: second   line with spaces
input: 
input: \x04
expect: tcgetattr: ok$
expect: winsize: ok$
expect: read: \[first line\]$
expect: read: \[second   line with spaces\]$
expect: read: \[\]$
expect: read: end of file after 3 lines$
