# busybox sh: SIGPIPE ends `yes` once its reader is gone, a background job runs while the shell goes
# on, kill of a sleeping background job and of a missing pid, SIGTERM (143) and SIGABRT (134),
# /dev/null, `wait` for one job (its status) and for all, `trap` of SIGUSR1.
boot: init=busybox -- sh jobs.sh
kernel: log0
expect: ^head: y y y $
expect: ^null: 0$
expect: ^background started$
expect: ^kill: 0$
expect: ^kill missing: 1$
expect: ^term: 143$
expect: ^abort: 134$
expect: ^wait: 7$
expect: ^background job done$
expect: ^waited for all$
expect: ^trapped USR1$
expect: ^after trap$
expect: ^all done$
