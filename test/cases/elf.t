# ELF pages: .data across pages, a 4 MiB .bss reading zero (the shared zero page, copied on write),
# read-only data.
boot: init=elftest
expect: ^elf_data: ok$
expect: ^\[map\] pid 1 va 0x[0-9a-f]+ pa 0x[0-9a-f]+ r-- zero$
expect: ^elf_bss: ok$
expect: ^elf_rodata: ok$
