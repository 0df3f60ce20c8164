#!/usr/bin/env python3
"""qemu.py: the one definition of how QEMU runs this kernel, for make run/debug/test/bench.

    qemu.py run   --kernel K [--options O] [--env E] [--args A] [--mem M]   boot K, then say how init ended
    qemu.py debug --kernel K [--options O] [--env E] [--args A] [--port P]
                                                    the same, halted, gdb stub on 127.0.0.1:P
    qemu.py check [--options O] [--env E] [--args A]  refuse a command line the kernel cannot take
    qemu.py show  --kernel K [--options O] [--env E] [--args A] [--debug] [--port P]
                                                    print the QEMU command (shell-quoted)

O is the kernel's own options ("init=pfh1 copies=4"; copies from 1 to MAX_COPIES). A is the
program's arguments, split as the shell splits them (quotes group words; nothing is expanded or
run): A='say "hi there"' gives argv[1] = "say", argv[2] = "hi there". E is init's environment as
NAME=value words, split like A, never named like a kernel option. The kernel command line is
`O E... -- A...`, each word with a space wrapped in double quotes (the kernel removes them), at most
MAX_INIT_ARGS arguments, MAX_INIT_ENVS environment words and CMDLINE_MAX - 1 bytes (all read from
the kernel's source). Refusals print the reason, exit 2.

`run` exits with QEMU's status (init's exit status; 128 + signal when killed; 255 after a panic)
after printing it in words; test/run.py builds its QEMU commands with command() from here.
"""
import argparse
import glob
import os
import re
import shlex
import signal
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QEMU = "qemu-system-riscv64"
MACHINE = ["-machine", "virt", "-smp", "1", "-nographic", "-bios", "default", "-no-reboot"]
MEMORY_SIZES = ["128M", "256M", "512M", "1G", "2G", "4G"]   # -m; the kernel reads the size from the device tree
DEFAULT_MEMORY = "128M"
# Time derived from instructions: every run prints the same bytes; one instruction is 1 ns.
DETERMINISTIC = ["-icount", "shift=0,align=off,sleep=off"]
# Under gdb: the same instruction clock, but an idle guest sleeps instead of jumping time forward,
# which lets gdb's inferior calls (ptdump) return and `continue` go on after them.
DEBUGGABLE = ["-icount", "shift=0,align=off,sleep=on"]
DEFAULT_GDB_PORT = 1234
EXIT_NOT_RUN = 127       # the kernel's status when it could not run init
EXIT_BUDGET = 124        # the kernel's status when budget=<n> instructions ran out
EXIT_PANIC = 255
KERNEL_OPTIONS = ("init", "copies", "dump", "memstat", "zju", "budget")   # init/main.c's parse_cmdline
STOPPED_BY_USER = b"QEMU: Terminated"   # what QEMU prints when Ctrl-A x stops it


def kernel_limit(name):
    """The value of `#define name <n>` in the kernel's sources."""
    for path in sorted(glob.glob(os.path.join(ROOT, "init", "*.c")) + glob.glob(os.path.join(ROOT, "include", "*.h"))):
        with open(path) as f:
            m = re.search(rf"^#define {name}\s+(\d+)", f.read(), re.M)
        if m:
            return int(m.group(1))
    raise SystemExit(f"qemu.py: no #define {name} in init/ or include/")


def quote_arg(arg):
    """One argument as the kernel's command-line parser reads it back (see init/main.c)."""
    if '"' in arg:
        raise ValueError(f"the argument {arg!r} has a double quote, which the kernel command line cannot carry")
    if any(not c.isprintable() for c in arg):
        raise ValueError(f"the argument {arg!r} has a control character")
    return f'"{arg}"' if not arg or " " in arg else arg


def check_copies(options):
    """COPIES (copies=N among the options) is a number from 1 to the kernel's MAX_COPIES."""
    for word in options.split():
        if word.startswith("copies="):
            n, most = word[len("copies="):], kernel_limit("MAX_COPIES")
            if not n.isdigit() or not 1 <= int(n) <= most:
                raise ValueError(f"COPIES={n}: the kernel starts 1 to {most} copies of init (MAX_COPIES)")


def shell_words(what, text):
    """text split as the shell splits words (nothing expanded); ValueError names what it was."""
    try:
        return shlex.split(text or "", posix=True)
    except ValueError as e:
        raise ValueError(f"{what} {text!r}: {e}")


def env_words(env):
    """ENV's NAME=value words, checked: a name the kernel does not take as one of its options."""
    words = shell_words("ENV", env)
    for w in words:
        name, eq, _ = w.partition("=")
        if not eq or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueError(f"ENV word {w!r} is not NAME=value")
        if name in KERNEL_OPTIONS:
            raise ValueError(f"ENV word {w!r} would be read as the kernel's own option {name}=")
    if len(words) > kernel_limit("MAX_INIT_ENVS"):
        raise ValueError(f"{len(words)} ENV words; the kernel passes at most {kernel_limit('MAX_INIT_ENVS')} "
                         "(MAX_INIT_ENVS)")
    return [quote_arg(w) for w in words]


def kernel_cmdline(options, args="", env=""):
    """The -append string for kernel options, environment words (ENV) and shell-style arguments;
    ValueError says what is wrong."""
    check_copies(options)
    argv = shell_words("ARGS", args)
    max_args, cmdline_max = kernel_limit("MAX_INIT_ARGS"), kernel_limit("CMDLINE_MAX")
    if len(argv) > max_args:
        raise ValueError(f"{len(argv)} arguments; the kernel passes at most {max_args} to init (MAX_INIT_ARGS)")
    line = " ".join(options.split() + env_words(env) + (["--"] + [quote_arg(a) for a in argv] if argv else []))
    if len(line) > cmdline_max - 1:
        raise ValueError(f"the kernel command line would be {len(line)} bytes; it holds at most "
                         f"{cmdline_max - 1} (CMDLINE_MAX): {line[:60]}...")
    return line


def command(kernel, cmdline, gdb_port=None, mem=DEFAULT_MEMORY):
    """The QEMU argv with mem of RAM; with gdb_port, halted at the first instruction with a stub on
    127.0.0.1 only."""
    cmd = [QEMU] + MACHINE + ["-m", mem] + (DETERMINISTIC if gdb_port is None else DEBUGGABLE)
    cmd += ["-kernel", kernel, "-append", cmdline]
    if gdb_port is not None:
        cmd += ["-S", "-gdb", f"tcp:127.0.0.1:{gdb_port}"]
    return cmd


def status_words(status):
    """How init ended, from QEMU's exit status."""
    if status < 0:
        return f"QEMU was killed by {signal.Signals(-status).name}"
    if status == EXIT_PANIC:
        return f"init exited with {status} (a kernel panic: see the [panic] line; or init's exit(255))"
    if status > 128:
        try:
            return f"init exited with {status} ({signal.Signals(status - 128).name})"
        except ValueError:
            pass
    if status == EXIT_BUDGET:
        return f"init exited with {status} (the instruction budget ran out: see the [budget] line; or exit(124))"
    if status == EXIT_NOT_RUN:
        return f"init exited with {status} (the kernel could not run it: see the [init] line; or exit(127))"
    return f"init exited with {status}"


def run_relaying(cmd):
    """Run QEMU, copying its console to ours as it comes; returns (exit status, whether the user
    stopped it with Ctrl-A x, which QEMU reports on the console and exits 0 after)."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE)
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # a ^C QEMU sees (if any) ends it; we report after
    tail = b""
    while True:
        chunk = p.stdout.read1(4096)
        if not chunk:
            break
        sys.stdout.buffer.write(chunk)
        sys.stdout.buffer.flush()
        tail = (tail + chunk)[-len(STOPPED_BY_USER) - 4096:]
    return p.wait(), STOPPED_BY_USER in tail


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=["run", "debug", "check", "show"])
    ap.add_argument("--kernel")
    ap.add_argument("--options", default="")
    ap.add_argument("--args", default="")
    ap.add_argument("--env", default="", help="NAME=value words for init's environment, split like --args")
    ap.add_argument("--mem", default=DEFAULT_MEMORY, choices=MEMORY_SIZES, help="RAM size (QEMU -m)")
    ap.add_argument("--debug", action="store_true")
    ap.add_argument("--port", type=int, default=DEFAULT_GDB_PORT)
    ap.add_argument("--gdb-command", default="make gdb", help="what attaches gdb to this kernel (for debug)")
    a = ap.parse_args()
    try:
        cmdline = kernel_cmdline(a.options, a.args, a.env)
    except ValueError as e:
        print(f"refused: {e}", file=sys.stderr)
        sys.exit(2)
    if a.action == "check":
        return
    port = a.port if a.action == "debug" or a.debug else None
    cmd = command(a.kernel, cmdline, port, a.mem)
    if a.action == "show":
        print(shlex.join(cmd))
        return
    print(f"qemu: {a.kernel}, kernel command line: {cmdline}" + ("" if port is None else
          f"\nQEMU is halted with a gdb stub on 127.0.0.1:{port}; in another terminal: {a.gdb_command}"),
          flush=True)
    print("(stop it with Ctrl-A x)", flush=True)
    status, stopped = run_relaying(cmd)
    print("QEMU stopped with Ctrl-A x before the kernel powered off" if stopped else status_words(status))
    sys.exit(status)


if __name__ == "__main__":
    main()
