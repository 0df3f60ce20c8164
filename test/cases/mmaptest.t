# What mappings show, and to whom: read-only maps with the zeroed tail, maps surviving close, private
# writes never reaching the file, shared writes reaching read() and other processes, two files at
# offsets, anonymous private and shared memory across fork (1 GiB shared touched at both ends), a
# 100 GiB lazy map touched at both ends.
boot: init=mmaptest
expect: ^mmap_read_only_tail: ok$
expect: ^mmap_after_close: ok$
expect: ^mmap_private_write: ok$
expect: ^mmap_shared_write: ok$
expect: ^mmap_shared_tail: ok$
expect: ^mmap_shared_child: ok$
expect: ^mmap_private_fork: ok$
expect: ^mmap_two_files: ok$
expect: ^mmap_anon_private: ok$
expect: ^mmap_anon_shared: ok$
expect: ^mmap_anon_shared_far: ok$
expect: ^mmap_unlinked: ok$
