# Program layouts: a static PIE (ET_DYN, no PT_INTERP) runs at the fixed base 0x2aaaaaa000; programs
# whose segments share pages run (GNU ld with a script sharing a page in memory, lld sharing file
# pages); a dynamically linked glibc program is refused with ENOENT (no interpreter here).
boot: init=libc_loader
expect: ^\[exec\] pid 2 pie_static entry 0x2aaaaaa[0-9a-f]{3}$
expect: ^static-pie: running at 0x0000002aaaaaa000$
expect: ^static_pie_runs: ok$
expect: ^layout: hello from shared pages$
expect: ^shared_page_gnu_ld: ok$
expect: ^layout: hello from shared pages$
expect: ^shared_file_pages_lld: ok$
expect: ^dynamic_enoent: ok$
forbid: dynamic: FAIL
