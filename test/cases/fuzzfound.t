# What the system-call fuzzer found, one check each, as Linux behaves: 32-bit fd, pid, whence and dirfd
# arguments, st_ino, write-only pages, brk after mprotect, O_CREAT at -EMFILE, mmap offset overflow,
# O_APPEND zero-length writes, shared anonymous memory past 1 GiB, wait4 options and process groups,
# mprotect's -ENOMEM, O_DIRECTORY, SEEK_DATA/SEEK_HOLE, MAP_SHARED_VALIDATE, MAP_FIXED_NOREPLACE,
# MAP_FIXED at 0, wait4's -EFAULT, the exec argument limit, ETXTBSY.
boot: init=fuzzfound
expect: ^fd_high_bits: ok$
expect: ^fstat_ino: ok$
expect: ^brk_after_mprotect: ok$
expect: ^creat_emfile: ok$
expect: ^mmap_offset_wrap: ok$
expect: ^append_zero_write: ok$
expect: ^shared_anon_2g: ok$
expect: ^openat_fdcwd32: ok$
expect: ^wait4_pid_high: ok$
expect: ^lseek_whence_high: ok$
expect: ^wait4_wuntraced: ok$
expect: ^wait4_pgrp: ok$
expect: ^mprotect_enomem: ok$
expect: ^mprotect_grows_both: ok$
expect: ^o_directory_file: ok$
expect: ^seek_data_hole: ok$
expect: ^wait4_efault_reaps: ok$
expect: ^map_validate_unknown: ok$
expect: ^map_fixed_noreplace: ok$
expect: ^map_fixed_zero: ok$
expect: ^write_only_read: ok$
expect: ^etxtbsy_open: ok$
expect: ^etxtbsy_exec: ok$
expect: ^etxtbsy_truncate: ok$
