"""test_gdb.py: the scripted gdb check run by test/run.py (as make_gdb): make debug, then make gdb.

Starts `make debug GDBPORT=<free port>` (pfh1, one round), checks the stub listens on 127.0.0.1 only,
then feeds `make gdb` the README's session on stdin: break do_page_fault, continue, vmas, ptdump; then
a user-mode breakpoint at pfh1's main with vmas and ptdump there; continue to the end. Passes when gdb
stopped where asked and printed the VMAs, the kernel printed both dumps on the console, and the
kernel then ran to its normal power-off (init exited with 0, no page leaked). Bounded in time.
"""
import os
import re
import signal
import socket
import subprocess
import time

from test_make import FIRST_PRINT, ROOT, expect_lines

GDB_SESSION = """\
break do_page_fault
continue
vmas
ptdump
delete
user-symbols pfh1
hbreak main
continue
info registers priv
vmas
ptdump
delete
continue
"""
START_TIMEOUT = 20      # seconds for make debug to build (nothing, normally) and open the stub
RUN_TIMEOUT = 120       # seconds for the whole gdb session, then for QEMU's power-off
LOOPBACK = "0100007F"   # 127.0.0.1 as /proc/net/tcp writes it
TCP_LISTEN = "0A"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listeners(port):
    """Local addresses (hex, as in /proc/net/tcp*) listening on port."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as f:
            for row in f.readlines()[1:]:
                local, state = row.split()[1], row.split()[3]
                addr, _, p = local.partition(":")
                if state == TCP_LISTEN and int(p, 16) == port:
                    found.append(addr)
    return found


def wait_listening(port, qemu):
    deadline = time.time() + START_TIMEOUT
    while time.time() < deadline and qemu.poll() is None:
        if listeners(port):
            return listeners(port)
        time.sleep(0.1)
    return []


def check_gdb(ctx):
    problems, port = [], free_port()
    cmd, env = ctx.command("debug", f"GDBPORT={port}", "TEST=pfh1", "ARGS=1")
    qemu = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        addrs = wait_listening(port, qemu)
        if not addrs:
            problems.append(f"make debug GDBPORT={port}: no gdb stub listening")
        elif addrs != [LOOPBACK]:
            problems.append(f"the gdb stub listens on {addrs}, not only on 127.0.0.1")
        status, out = ctx.make("gdb", f"GDBPORT={port}", input=GDB_SESSION, timeout=RUN_TIMEOUT) if addrs else (None, "")
        console = qemu.communicate(timeout=RUN_TIMEOUT)[0]
    except subprocess.TimeoutExpired:
        os.killpg(qemu.pid, signal.SIGKILL)
        console = qemu.communicate()[0]
        problems.append(f"QEMU did not power off within {RUN_TIMEOUT} s of the gdb session's end")
    finally:
        if qemu.poll() is None:
            os.killpg(qemu.pid, signal.SIGKILL)
    console = console.decode("utf-8", "replace")
    ctx.log.append("QEMU console:\n" + console)
    if problems:
        return problems
    for regex in (r"Breakpoint 1, do_page_fault \(", r"0000010000-0000011000 flags 0xa elf ",
                  r"Breakpoint 2, main \(argc=2", r"prv:0 \[User"):
        if not re.search(regex, out, re.M):
            problems.append(f"gdb: no output matching {regex!r}")
    if len(re.findall(r"0000010000-0000011000 flags 0xa elf ", out, re.M)) != 2:
        problems.append("gdb: vmas did not print the text VMA at both stops")
    if len(re.findall(r"^\[pgtable\] pid 1 root pa ", console, re.M)) != 2:
        problems.append("QEMU console: ptdump did not print the page table at both stops")
    expect_lines(problems, "QEMU console", console, [FIRST_PRINT,
                                                     "init exited with 0"])
    m = re.search(r"^\[mm\] free pages: (\d+) before first process, (\d+) after last", console, re.M)
    if not m or m.group(1) != m.group(2):
        problems.append("QEMU console: no accounting line with equal free pages after the gdb session")
    return problems


CHECKS = {"make_gdb": check_gdb}
