# dump=1 prints each exiting process's VMAs (like /proc/<pid>/maps) and its page table (like vmprint).
boot: init=pfh1 dump=1 -- 1
expect: ^\[maps\] pid 1 0000010000-0000011000 r-xp 00000000 elf  pfh1$
expect: ^\[maps\] pid 1 3fff800000-4000000000 rw-p 00000000 anon \[stack\]$
expect: ^\[pgtable\] pid 1 root pa 0x8[0-9a-f]+$
expect: ^\[pgtable\] pid 1 .. .. ..16: va 0x10000 pte 0x[0-9a-f]+ pa 0x8[0-9a-f]+ r-xu$
expect: ^\[pgtable\] pid 1 .. .. ..511: va 0x3ffffff000 pte 0x[0-9a-f]+ pa 0x8[0-9a-f]+ rw-u$
