# Copy-on-write: each side's writes stay its own (globals, heap, stack; pages touched before and after
# the fork; three generations); kernel stores into a COW page (sysinfo, read(), wait4's status) copy it; exit
# codes through wait4; -ECHILD; clone flags other than SIGCHLD are refused.
boot: init=cowtest
expect: ^cow_child_writes: ok$
expect: ^cow_parent_writes: ok$
expect: ^cow_fresh_pages: ok$
expect: ^cow_generations: ok$
expect: ^cow_kernel_store_child: ok$
expect: ^cow_kernel_store_parent: ok$
expect: ^cow_kernel_read_child: ok$
expect: ^wait_exit_0: ok$
expect: ^wait_exit_1: ok$
expect: ^wait_exit_42: ok$
expect: ^wait_exit_255: ok$
expect: ^wait_no_child: ok$
expect: ^wait_self: ok$
expect: ^wait_not_child: ok$
expect: ^clone_sighand: ok$
expect: ^clone_thread: ok$
expect: ^clone_newns_fs: ok$
