# A program built like a stock Linux toolchain builds it (rv64gc, lp64d, no libc) uses the FPU in two
# processes that interleave with live floating-point registers: each keeps its own values.
boot: init=fptest
expect: ^fp_parent: ok$
expect: ^fp_child: ok$
