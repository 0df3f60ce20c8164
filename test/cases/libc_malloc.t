# glibc malloc/free churn over the brk heap and mmap (blocks above 128 KiB), realloc, calloc, trim.
# Expected lines: what Linux prints (user/libc/learn.sh malloc).
boot: init=libc_malloc
kernel: log0
expect: ^malloc_churn: ok$
expect: ^malloc_realloc: ok$
expect: ^malloc_calloc: ok$
expect: ^malloc_4m: ok$
expect: ^malloc_brk_grew: ok$
expect: ^malloc_trim: ok$
