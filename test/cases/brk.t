# A 64 MiB lazy heap touched sparsely costs only the touched pages; shrinking frees them and a
# regrown heap reads zeros.
boot: init=brktest
expect: ^brk_lazy: ok$
expect: ^brk_regrow_zero: ok$
expect: ^brk_restore: ok$
