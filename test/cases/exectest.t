# execve: arguments and environment reach the new program; exec after fork and in a grandchild; a
# missing program is -ENOENT and the caller carries on intact; bad pointers -EFAULT; Linux's argument
# limits (a string of 128 KiB with its NUL, 2 MiB of strings and pointers): past them -E2BIG.
boot: init=exectest
expect: ^\[exec\] pid 2 echoargs entry 0x[0-9a-f]+$
expect: ^echoargs: argc=3$
expect: ^echoargs: argv\[1\]=one$
expect: ^echoargs: env=K=V$
expect: ^echoargs: strings=packed$
forbid: out of place
expect: ^exec_echoargs: ok$
expect: ^exec_null_envp: ok$
expect: ^exec_grandchild: ok$
expect: ^exec_missing: ok$
expect: ^exec_path_null: ok$
expect: ^exec_path_kaddr: ok$
expect: ^exec_argv_kaddr: ok$
expect: ^exec_argv_bad_string: ok$
expect: ^exec_envp_kaddr: ok$
expect: ^exec_arg_page_end: ok$
expect: ^exec_arg_off_page: ok$
expect: ^exec_arg_max_exact: ok$
expect: ^exec_e2big_arg_max: ok$
expect: ^exec_e2big_huge: ok$
expect: ^exec_e2big_strlen: ok$
expect: ^exec_max_strlen: ok$
expect: ^exec_long: ok$
expect: ^exec_many: ok$
expect: ^exec_e2big_total: ok$
expect: ^exec_small_stack_limit: ok$
expect: ^exec_tiny_stack_limit: ok$
