# PFH2: like PFH1 with a page-aligned 4 KiB global array that is never touched: that page is never
# faulted on or mapped by any of the four processes.
boot: init=pfh2 copies=4
capture: PAGE untouched page: (0x[0-9a-f]+)000$
expect: ^untouched page: 0x[0-9a-f]+000$
expect: ^\[U-MODE\] pid: 2, sp is 0x3fffff[0-9a-f]{4}, this is print No\.1$
expect: ^\[U-MODE\] pid: 4, sp is 0x3fffff[0-9a-f]{4}, this is print No\.3$
forbid: ^\[map\] pid \d va {PAGE}000 
forbid: ^\[fault\] pid \d pc 0x[0-9a-f]+ addr {PAGE}[0-9a-f]{3} 
