# 512 KiB of recursion on the lazily backed 8 MiB stack.
boot: init=stacktest
expect: ^stack_deep: ok$
