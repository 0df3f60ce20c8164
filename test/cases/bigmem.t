# RAM size from the device tree: with 2 GiB (make run MEM=2G) the allocator and the direct map hold all
# of it: sysinfo says so, and a 512 MiB heap (four times the default machine's RAM) is written and
# read back page by page; every page comes back.
boot: init=vmatest -- bigmem
mem: 2G
kernel: log0
timeout: 120
expect: ^bigmem_sysinfo: ok$
expect: ^bigmem_brk: ok$
expect: ^bigmem_touch: ok$
