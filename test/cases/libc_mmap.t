# File and anonymous mappings through glibc: msync flags, madvise(MADV_DONTNEED) dropping private pages.
# qemu-riscv64 accepts any madvise advice and range; Linux (and this kernel) return EINVAL / ENOMEM.
# Expected lines: what Linux prints (user/libc/learn.sh mmap).
boot: init=libc_mmap
kernel: log0
expect: ^mmap_file_size: ok$
expect: ^mmap_shared: ok$
expect: ^msync_sync: ok$
expect: ^msync_async_invalidate: ok$
expect: ^msync_both: ok$
expect: ^msync_bad_flag: ok$
expect: ^msync_unaligned: ok$
expect: ^read_sees_map: ok$
expect: ^private_copy: ok$
expect: ^madvise_file: ok$
expect: ^madvise_anon: ok$
expect: ^madvise_hints: ok$
expect: ^madvise_bad: ok$
expect: ^madvise_unaligned: ok$
expect: ^madvise_unmapped: ok$
expect: ^msync_unmapped: ok$
