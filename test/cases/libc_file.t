# Files through glibc: stdio streams, stat/fstat (newfstatat, AT_EMPTY_PATH), access, dup/dup2/fcntl,
# pread/pwrite, readv/writev, ftruncate, readlink, getcwd, unlink.
# Expected lines: what Linux prints (user/libc/learn.sh file).
boot: init=libc_file
kernel: log0
expect: ^stdio_write: ok$
expect: ^stdio_read_back: ok$
expect: ^stdio_seek: ok$
expect: ^stdio_tell: ok$
expect: ^stat_size: ok$
expect: ^fstat_size: ok$
expect: ^fstat_console: ok$
expect: ^stat_missing: ok$
expect: ^access_rw: ok$
expect: ^access_missing: ok$
expect: ^dup_shares_offset: ok$
expect: ^dup2_target: ok$
expect: ^dup2_same: ok$
expect: ^fcntl_getfl: ok$
expect: ^fcntl_setfl_append: ok$
expect: ^fcntl_cloexec: ok$
expect: ^fcntl_dupfd: ok$
expect: ^pread: ok$
expect: ^pwrite: ok$
expect: ^writev: ok$
expect: ^readv: ok$
expect: ^ftruncate: ok$
expect: ^ftruncate_grow: ok$
expect: ^pread_console: ok$
expect: ^readlink_regular: ok$
expect: ^readlink_missing: ok$
expect: ^getcwd: ok$
expect: ^getcwd_small: ok$
expect: ^unlink: ok$
