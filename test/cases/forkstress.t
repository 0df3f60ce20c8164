# 500 sequential fork/exit/wait; 60 children alive at once; a chain 12 deep; fork until -EAGAIN at 128
# processes, then reap all; eight rounds of 40 MiB heap + fork + child rewrite + shrink, which only
# passes when no page leaks. LOG=0: the 40 MiB rounds would print 300,000 trace lines.
kernel: log0
boot: init=forkstress
timeout: 90
expect: ^forkstress_sequential: ok$
expect: ^forkstress_alive: ok$
expect: ^forkstress_chain: ok$
expect: ^forkstress: 127 forks succeeded, then fork returned -11$
expect: ^forkstress_limit: ok$
expect: ^forkstress_after_limit: ok$
expect: ^forkstress_big: ok$
