# 100,000 random mmap/munmap/mprotect/brk calls against a model kept in user space, with the kernel
# checking its VMA tree (order, balance, gaps) after each call (vmacheck=1): no divergence, no panic,
# no page leaked. On the LOG=0 kernel: the trace of 100,000 calls would be too long.
boot: init=vmatest vmacheck=1 -- random
kernel: log0
timeout: 120
expect: ^vma_random: ok$
