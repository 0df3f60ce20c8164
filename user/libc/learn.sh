#!/bin/sh
# learn.sh: what Linux prints for each glibc test program: runs build/libc/libc_<name> under
# qemu-riscv64 (user mode: the host's Linux kernel serves the system calls) in a scratch directory,
# with a terminal on stdin/stdout (script) as the kernel's console is, and an 8 MiB stack limit.
# Usage: user/libc/learn.sh [name...]   (from the repository root, after make)
# The test cases (test/cases/libc_*.t) expect these lines. Where qemu-riscv64 is not Linux (it
# accepts any madvise advice; it cannot execve a riscv64 program without binfmt_misc) the cases
# follow Linux's documented behaviour instead.
set -u
root=$(pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
[ $# -gt 0 ] || set -- $(cd "$root/build/libc" && ls libc_* | grep -v '\.d$' | sed 's/^libc_//')
for name in "$@"; do
	echo "=== libc_$name"
	(cd "$scratch" && ulimit -s 8192 &&
	 script -qec "qemu-riscv64 $root/build/libc/libc_$name" /dev/null </dev/null >"$scratch/out"
	 status=$?
	 tr -d '\r' <"$scratch/out"
	 echo "[status $status]")
done
