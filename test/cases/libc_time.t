# Clocks and sleeping through glibc; sleepers wake in deadline order and use no CPU time.
# Expected lines: what Linux prints (user/libc/learn.sh time).
boot: init=libc_time
kernel: log0
expect: ^time_after_2020: ok$
expect: ^clock_realtime: ok$
expect: ^gettimeofday: ok$
expect: ^clock_monotonic: ok$
expect: ^clock_getres: ok$
expect: ^clock_bad_id: ok$
expect: ^nanosleep: ok$
expect: ^nanosleep_waited: ok$
expect: ^sleep_used_no_cpu: ok$
expect: ^nanosleep_bad: ok$
expect: ^usleep: ok$
expect: ^sleep: ok$
expect: ^sleep_waited: ok$
expect: ^clock_nanosleep_abs: ok$
expect: ^clock_nanosleep_waited: ok$
expect: ^cpu_time_grows: ok$
expect: ^times: ok$
expect: ^clk_tck: ok$
expect: ^woke after 10 ms$
expect: ^woke after 20 ms$
expect: ^woke after 30 ms$
