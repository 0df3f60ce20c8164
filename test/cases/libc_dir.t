# Directories through glibc: mkdir, opendir/readdir/telldir/seekdir/rewinddir (getdents64), chdir and
# getcwd, relative opens, rename over a file, nftw over 300 files and removing the tree, errno values.
# Expected lines: what Linux prints (user/libc/learn.sh dir).
boot: init=libc_dir
kernel: log0
expect: ^mkdir: ok$
expect: ^mkdir_exists: ok$
expect: ^readdir: ok$
expect: ^names: a\.txt b\.txt sub$
expect: ^seekdir: ok$
expect: ^rewinddir: ok$
expect: ^chdir: ok$
expect: ^relative_open: ok$
expect: ^dotdot_stat: ok$
expect: ^chdir_back: ok$
expect: ^stat_file: ok$
expect: ^rename: ok$
expect: ^rename_over: ok$
expect: ^rmdir_not_empty: ok$
expect: ^unlink_dir: ok$
expect: ^opendir_file: ok$
expect: ^remove: ok$
expect: ^tree_made: ok$
expect: ^nftw: ok$
expect: ^walked: 300 files, 4 directories$
expect: ^nftw_remove: ok$
expect: ^tree_gone: ok$
