# Bad arguments get Linux's errors and never crash the kernel.
boot: init=badarg
expect: ^write_kaddr: ok$
expect: ^write_unmapped: ok$
expect: ^read_text: ok$
expect: ^write_zero_len: ok$
expect: ^read_zero_len: ok$
expect: ^brk_past_user: ok$
expect: ^brk_huge: ok$
expect: ^nosys_9999: ok$
expect: ^nosys_1000: ok$
expect: ^sysinfo_null: ok$
expect: ^sysinfo_kaddr: ok$
expect: ^write_straddle: ok$
