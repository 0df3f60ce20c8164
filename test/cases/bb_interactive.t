# make run TEST=sh: busybox's shell reads commands typed on the console (here fed through QEMU's
# stdin) with line editing in raw mode, runs pipelines, and exit ends it with that status. Typed
# bytes are echoed as they arrive, so expected lines are anchored at their end only.
boot: init=busybox HOME=/ TERM=vt100 -- sh
kernel: log0
status: 3
prompt: / # 
input: echo typed | tr a-z A-Z
input: for i in 1 2; do echo "loop $i"; done
input: exit 3
expect: TYPED$
expect: loop 1$
expect: loop 2$
