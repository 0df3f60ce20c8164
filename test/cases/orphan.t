# Orphans are handed to init: a grandchild whose parent exited reports getppid() == 1 and init reaps it.
boot: init=orphan
expect: ^orphan_child: ok$
expect: ^\[exit\] pid 3 exited with 7$
expect: ^orphan_reparented: ok$
expect: ^orphan_reaped: ok$
