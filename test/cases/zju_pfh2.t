# ZJU mode: the lab's second page-fault scenario: the page-aligned placeholder page between the code
# and the variable the program uses is never touched, so it is never mapped.
boot: init=zju_pfh2 copies=4 zju=1
capture: PAGE ^zju_pfh2: untouched page: 0x([0-9a-f]+)$
expect: ^\[U-MODE\] pid: 2, increment: 0$
expect: ^\[U-MODE\] pid: 4, increment: 2$
forbid: ^\[map\] pid \d+ va 0x{PAGE} 
forbid: ^\[fault\] pid \d+ pc 0x[0-9a-f]+ addr 0x{PAGE}
