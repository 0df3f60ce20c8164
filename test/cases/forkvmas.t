# A fork of 400 one-page VMAs (mixed read-only, read-write, written and shared file maps) puts the
# child's VMAs in slab pages of its own; children that exit at once, unmap every map up or down, one,
# a slab page's worth, merge all with mprotect, split, or fork grandchildren each leave free RAM where it
# was, and the kernel checks its VMA tree after every call and fork (vmacheck=1).
kernel: log0
boot: init=forkstress vmacheck=1 -- --vmas
timeout: 120
expect: ^forkstress_vmas_nothing: ok$
expect: ^forkstress_vmas_unmap_up: ok$
expect: ^forkstress_vmas_unmap_down: ok$
expect: ^forkstress_vmas_unmap_one: ok$
expect: ^forkstress_vmas_unmap_page: ok$
expect: ^forkstress_vmas_merge: ok$
expect: ^forkstress_vmas_split: ok$
expect: ^forkstress_vmas_grandchildren: ok$
