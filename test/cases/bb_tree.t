# busybox on the file tree: mkdir -p, cd with relative paths and .., pwd, ls, mv, find, rm -r, rmdir.
boot: init=busybox -- sh tree.sh
kernel: log0
expect: ^pwd: /tmp/x$
expect: ^ls: f$
expect: ^pwd: /tmp/x/y/z hi$
expect: ^dotdot: /tmp/x$
expect: ^moved: g y  / 0$
expect: ^dirs: d1 d2 d3 $
expect: ^find: \. \./d1 \./d2 \./d3 \./y \./y/z $
expect: ^left: g$
expect: ^gone: 0$
expect: ^dev: console null tty zero $
expect: ^mkdir twice: 1$
expect: ^cd: failed$
expect: ^done$
