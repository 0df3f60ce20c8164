# busybox (Debian's source, cross-built static) runs a shell script: pipelines between processes,
# command substitution, redirection, loops, subshells and exit statuses, as on Linux.
boot: init=busybox -- sh pipes.sh
kernel: log0
status: 5
expect: ^pipe: HELLO WORLD$
expect: ^sorted: apple fig $
expect: ^lines: 5000$
expect: ^fives: 19$
expect: ^subst: inner nested$
expect: ^read: to a file$
expect: ^read: appended$
expect: ^count: 2$
expect: ^for: 1$
expect: ^for: 2$
expect: ^for: 3$
expect: ^while: 4$
expect: ^false: 1$
expect: ^child: 7$
expect: ^subshell ran$
expect: ^subshell: 4$
expect: ^grep: found$
expect: ^rm: gone$
expect: ^cat: failed with 1$
expect: ^to stderr$
expect: ^piped read: 1$
expect: ^piped read: 2$
expect: ^piped read: 3$
expect: ^last in pipe: c$
expect: ^slept$
expect: ^year: 2026$
expect: ^uname: Linux riscv64$
expect: ^done$
