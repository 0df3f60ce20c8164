# Program layouts: a static PIE (ET_DYN, no PT_INTERP) runs at the fixed base 0x2aaaaaa000; a
# dynamically linked glibc program is refused with ENOENT (no interpreter here).
boot: init=libc_loader
expect: ^\[exec\] pid 2 pie_static entry 0x2aaaaaa[0-9a-f]{3}$
expect: ^static-pie: running at 0x0000002aaaaaa000$
expect: ^static_pie_runs: ok$
expect: ^dynamic_enoent: ok$
forbid: dynamic: FAIL
