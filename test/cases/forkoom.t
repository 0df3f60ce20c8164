# fork with 20,000 VMAs until memory runs out: fork fails with -ENOMEM, mostly in the middle of copying
# the VMAs into the child's slab pages, and gives back every page it took; all children are reaped, and
# after munmap a fork works. LOG=0: with the trace on, 20,000 [mmap] lines and 41 copies of a
# 20,000-VMA address space would outgrow what make view can draw.
kernel: log0
boot: init=forkstress -- --oom
timeout: 120
expect: ^forkstress: [0-9]+ forks with 20000 VMAs, then fork returned -12$
expect: ^forkstress_oom: ok$
