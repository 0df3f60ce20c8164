# Fault-around (fault_around=16): 64 cached pages of a file mapped read-only at 0x20040000 (beside a
# page touched first) and read in order fault at every 16th page only; each fault maps its page ("file")
# and the 15 cached neighbours of its 16-page window ("file-around"); every page reads the file's bytes.
boot: init=vmatest fault_around=16 -- around 16
expect: ^\[mmap\] pid 1 0x20040000-0x20080000 prot 1 shared around\.dat off 0x0$
expect: ^\[map\] pid 1 va 0x20040000 pa 0x[0-9a-f]+ r-- file$
expect: ^\[map\] pid 1 va 0x20041000 pa 0x[0-9a-f]+ r-- file-around$
expect: ^\[map\] pid 1 va 0x2004f000 pa 0x[0-9a-f]+ r-- file-around$
expect: ^\[map\] pid 1 va 0x20050000 pa 0x[0-9a-f]+ r-- file$
expect: ^\[map\] pid 1 va 0x2005f000 pa 0x[0-9a-f]+ r-- file-around$
expect: ^\[map\] pid 1 va 0x20070000 pa 0x[0-9a-f]+ r-- file$
expect: ^\[map\] pid 1 va 0x2007f000 pa 0x[0-9a-f]+ r-- file-around$
forbid: ^\[map\] pid 1 va 0x200[4-7][1-9a-f]000 pa 0x[0-9a-f]+ r-- file$
expect: ^fault_around: ok$
