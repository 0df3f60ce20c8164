# Files: create, read back, lseek, O_APPEND, O_TRUNC, O_EXCL, fstat, unlink while open, holes,
# ramdisk files, the 64-descriptor limit, bad descriptors, offsets shared across fork, -EFAULT.
boot: init=filetest
expect: ^file_create_read: ok$
expect: ^file_unaligned: ok$
expect: ^file_page_end: ok$
expect: ^file_lseek: ok$
expect: ^file_append: ok$
expect: ^file_trunc: ok$
expect: ^file_excl: ok$
expect: ^file_missing: ok$
expect: ^file_fstat: ok$
expect: ^file_unlink_open: ok$
expect: ^file_rmdir_regular: ok$
expect: ^file_hole: ok$
expect: ^file_write_zero_past_end: ok$
expect: ^file_index_levels: ok$
expect: ^file_ramdisk: ok$
expect: ^file_emfile: ok$
expect: ^file_bad_fd: ok$
expect: ^file_wrong_mode: ok$
expect: ^file_fork_offset: ok$
expect: ^file_efault: ok$
