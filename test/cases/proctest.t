# /proc about a program and its child: maps after mmap/mprotect/munmap, smaps page counts through
# fork and copy-on-write, status, stat and cmdline, exe as a link, pids listed, meminfo, a missing
# pid, opens for writing refused; a view, device or directory executed is -EACCES (the fuzzer found
# execve of a /proc view filling that static inode's page cache for good: a leak).
boot: init=proctest -- one
expect: ^maps_read: ok$
expect: ^maps_names: ok$
expect: ^maps_mmap: ok$
expect: ^maps_mprotect: ok$
expect: ^maps_munmap: ok$
expect: ^smaps_untouched: ok$
expect: ^smaps_written: ok$
expect: ^smaps_child_cow: ok$
expect: ^smaps_parent_after: ok$
expect: ^status_read: ok$
expect: ^status_child: ok$
expect: ^status_fields: ok$
expect: ^stat_fields: ok$
expect: ^meminfo: ok$
expect: ^cmdline: ok$
expect: ^exe_link: ok$
expect: ^exe_not_link: ok$
expect: ^proc_listing: ok$
expect: ^proc_no_pid: ok$
expect: ^proc_write: ok$
expect: ^proc_exec: ok$
expect: ^proc_stat: ok$
