"""test_make.py: host-side checks of what a user meets through make, run by test/run.py as make_* cases.

Each check drives `make` in this checkout the way a newcomer would (refusals, ELF=, FILES=, ARGS=,
run's status in words, rebuilds, make test CASE=) or gdb against make debug (test_gdb.py), and returns
the list of problems it found (empty: passed) plus a transcript for test-logs/. Refusals happen
before anything is built, so most checks take a fraction of a second; the few that boot use the
kernels make test has just built. Checks that invoke make run one at a time (they share the
build folder's custom-kernel directory and stamps).
"""
import os
import re
import shutil
import signal
import struct
import subprocess
import tempfile
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MAKE_LOCK = threading.Lock()
# Variables of the outer make (make test CASE=... LOG=...) that must not leak into the inner ones.
MAKE_ENV = ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "CASE", "LOG", "TEST", "DUMP", "MEMSTAT",
            "ZJU", "COPIES", "GDBPORT", "ELF", "FILES", "ARGS", "V", "CROSS_COMPILE")
REFUSED_BEFORE_QEMU = "qemu:"   # the first line tools/qemu.py prints when it starts QEMU


class Context:
    """The toolchain under test, its build folder, and a transcript of what each check ran."""

    def __init__(self, cross, kernel):
        self.cross = cross
        self.build = os.path.dirname(os.path.dirname(os.path.abspath(kernel)))
        self.logdir = os.path.join(os.path.dirname(kernel), "test-logs")
        self.log = []

    def command(self, *args):
        """The argv and environment of make with args, free of the outer make's variables."""
        env = {k: v for k, v in os.environ.items() if k not in MAKE_ENV}
        return ["make", "--no-print-directory", f"CROSS_COMPILE={self.cross}", *args], env

    def make(self, *args, timeout=120, input=""):
        """Run make with args (no shell), input on its stdin; returns (exit status, stdout + stderr).
        After timeout seconds make and everything it started (QEMU, gdb) are killed; status is None."""
        cmd, env = self.command(*args)
        p = subprocess.Popen(cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, start_new_session=True)
        try:
            out, _ = p.communicate(input.encode(), timeout=timeout)
            status = p.returncode
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            out, status = p.communicate()[0] + f"\n(timed out after {timeout}s)".encode(), None
        out = out.decode("utf-8", "replace")
        self.log.append(f"$ {' '.join(cmd)}\n{out}(exit {status})\n")
        return status, out

    def refused(self, problems, args, *reasons):
        """make args must fail before QEMU starts, saying every one of reasons."""
        status, out = self.make(*args)
        if status in (0, None) or REFUSED_BEFORE_QEMU in out:
            problems.append(f"make {' '.join(args)}: not refused (exit {status})")
        for r in reasons:
            if r not in out:
                problems.append(f"make {' '.join(args)}: the refusal does not say {r!r}")

    def program(self, name):
        return os.path.join(self.build, "user", name)


# pfh1's first line as init (its sp depends on the initial stack's size, not on what is tested here).
FIRST_PRINT = re.compile(r"\[U-MODE\] pid: 1, sp is 0x3fffff[0-9a-f]{4}, this is print No\.1")


def expect_lines(problems, what, out, lines):
    """Each of lines must be a whole line of out; a line given as re.compile(...) must match one."""
    have = out.splitlines()
    for line in lines:
        found = any(line.fullmatch(h) for h in have) if isinstance(line, re.Pattern) else line in have
        if not found:
            problems.append(f"{what}: missing line {getattr(line, 'pattern', line)!r}")


def check_log(ctx):
    problems = []
    for value in ("3", "", "1 2", "debug"):
        ctx.refused(problems, ["all", f"LOG={value}"], "is not allowed: use one of: 0 1 2")
    return problems


def check_test_name(ctx):
    problems = []
    for value in ("nosuch", "", "pfh1 memstat=1"):
        ctx.refused(problems, ["run", f"TEST={value}"], "is not a program", "PFH1", "fork1", "echoargs")
    return problems


def check_options(ctx):
    """COPIES/MEMSTAT/DUMP/ZJU become the kernel options; bad values are refused."""
    problems = []
    ctx.refused(problems, ["debug", "GDBPORT=12x"], "is not a TCP port number")
    for bad, reason in (("COPIES=9", "1 to 8 copies"), ("COPIES=0", "1 to 8 copies"), ("COPIES=two", "copies"),
                        ("MEMSTAT=2", "0 1"), ("DUMP=yes", "0 1"), ("ZJU=on", "0 1")):
        ctx.refused(problems, ["run", bad], bad.split("=")[0], reason)
    for args, append in ((["TEST=PFH1"], "'init=pfh1 copies=4'"),
                         (["TEST=fork1", "COPIES=2", "MEMSTAT=1", "DUMP=1", "ZJU=1"],
                          "'init=fork1 copies=2 dump=1 memstat=1 zju=1'")):
        status, out = ctx.make("-s", "qemu-cmd", *args)
        if status != 0 or f"-append {append}" not in out or "-icount shift=0,align=off,sleep=off" not in out:
            problems.append(f"make qemu-cmd {' '.join(args)}: expected -append {append} and the icount flags")
    ctx.refused(problems, ["run", "ENV=copies=8"], "would be read as the kernel's own option copies=")
    ctx.refused(problems, ["run", "ENV=A=1 novalue"], "'novalue' is not NAME=value")
    ctx.refused(problems, ["run", "ENV=" + " ".join(f"V{i}=1" for i in range(33))], "at most 32 (MAX_INIT_ENVS)")
    status, out = ctx.make("-s", "run", "LOG=0", "TEST=libc_echo", "ENV=GREETING=hi SPACED=\"a b\"", "ARGS=one")
    if shutil.which("riscv64-linux-gnu-gcc"):      # libc_echo is built by the glibc toolchain
        expect_lines(problems, "make run ENV=", out, ['echo: env GREETING=hi', 'echo: env SPACED=a b',
                                                      'echo: argv[1] = "one"'])
    status, out = ctx.make("-s", "run", "LOG=0", "TEST=fork3", "MEMSTAT=1")
    if "[mm] user memory: peak" not in out:
        problems.append("make run MEMSTAT=1: no memstat line")
    return problems


def check_args(ctx):
    """ARGS is split as the shell splits words; nothing in it is expanded or run."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        marker = os.path.join(tmp, "ran")
        # ${IFS}: a shell would run these (as `touch <marker>`); split as words they are plain text.
        args = f'say "hi there" $$HOME `touch$${{IFS}}{marker}` $$(touch$${{IFS}}{marker}) ""'
        status, out = ctx.make("-s", "run", "LOG=0", "TEST=echoargs", f"ARGS={args}")
        expect_lines(problems, "ARGS", out, [
            "echoargs: argc=7", "echoargs: argv[1]=say", "echoargs: argv[2]=hi there", "echoargs: argv[3]=$HOME",
            f"echoargs: argv[4]=`touch${{IFS}}{marker}`", f"echoargs: argv[5]=$(touch${{IFS}}{marker})",
            "echoargs: argv[6]=", "init exited with 7"])
        if os.path.exists(marker):
            problems.append("ARGS: a command substitution was run")
    words = [f"a{i}" for i in range(32)]
    status, out = ctx.make("-s", "run", "LOG=0", "TEST=echoargs", f"ARGS={' '.join(words)}")
    expect_lines(problems, "32 ARGS", out, ["echoargs: argc=33", "echoargs: argv[32]=a31"])
    ctx.refused(problems, ["run", f"ARGS={' '.join(words + ['a32'])}"], "33 arguments", "at most 32")
    ctx.refused(problems, ["run", "ARGS=" + "x" * 600], "holds at most 511")
    ctx.refused(problems, ["run", "ARGS='say \"hi\"'"], "double quote")
    ctx.refused(problems, ["run", "ARGS=\"unterminated"], "No closing quotation")
    return problems


def patched(src, dst, edits, size=None):
    """Copy src to dst with (offset, bytes) edits applied, cut to size bytes if given."""
    data = bytearray(open(src, "rb").read())
    for off, b in edits:
        data[off:off + len(b)] = b
    with open(dst, "wb") as f:
        f.write(data[:size])
    return dst


def first_non_load_phdr(path):
    """File offset of the first program header that is not PT_LOAD."""
    data = open(path, "rb").read()
    phoff, = struct.unpack_from("<Q", data, 32)
    phnum, = struct.unpack_from("<H", data, 56)
    for i in range(phnum):
        if struct.unpack_from("<I", data, phoff + 56 * i)[0] != 1:
            return phoff + 56 * i
    raise ValueError(f"{path}: every program header is PT_LOAD")


def check_elf_refused(ctx):
    """ELF= of something the kernel cannot run is refused before QEMU, with the reason in words."""
    problems, good = [], ctx.program("pfh1")
    with tempfile.TemporaryDirectory() as tmp:
        cases = [
            (patched(good, os.path.join(tmp, "x86"), [(18, struct.pack("<H", 62))]), "not RISC-V"),
            (patched(good, os.path.join(tmp, "rv32"), [(4, b"\x01")]), "32-bit"),
            (patched(good, os.path.join(tmp, "dyn"), [(first_non_load_phdr(good), struct.pack("<I", 3))]),
             "dynamically linked (it asks for an interpreter): rebuild with -static"),
            (patched(good, os.path.join(tmp, "obj"), [(16, struct.pack("<H", 1))]), "relocatable object"),
            (patched(good, os.path.join(tmp, "cut"), [], size=0xe00), "truncated"),
            (patched(good, os.path.join(tmp, "hdr"), [], size=40), "truncated"),
        ]
        with open(os.path.join(tmp, "notes.txt"), "w") as f:
            f.write("hello\n")
        cases.append((os.path.join(tmp, "notes.txt"), "a text file"))
        cases.append((os.path.join(tmp, "missing"), "No such file"))
        dynamic = os.path.join(ctx.build, "libc", "dyn_glibc")      # built when the glibc toolchain is there
        if os.path.exists(dynamic):
            cases.append((dynamic, "dynamically linked (it asks for an interpreter): rebuild with -static"))
        for path, reason in cases:
            ctx.refused(problems, ["run", f"ELF={path}"], "ELF refused", reason)
        static_pie = os.path.join(ctx.build, "libc", "pie_static")
        if os.path.exists(static_pie):
            shutil.copy(static_pie, os.path.join(tmp, "spie"))
            status, out = ctx.make("-s", "run", "LOG=0", f"ELF={tmp}/spie")
            expect_lines(problems, "ELF=<a static PIE>", out, ["static-pie: running at 0x0000002aaaaaa000"])
        os.mkdir(os.path.join(tmp, "my dir"))
        shutil.copy(good, os.path.join(tmp, "my dir", "uapp"))
        ctx.refused(problems, ["run", f"ELF={tmp}/my dir/uapp"], "may not contain spaces")
    return problems


def snapshot(folder):
    """Name -> (bytes, mtime) of every file in folder."""
    return {n: (open(os.path.join(folder, n), "rb").read(), os.stat(os.path.join(folder, n)).st_mtime_ns)
            for n in sorted(os.listdir(folder))}


def check_elf_untouched(ctx):
    """make run ELF=dir/uapp FILES=... beside newer uapp.o/notes.c runs them and changes nothing there."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(ctx.program("pfh1"), os.path.join(tmp, "uapp"))
        with open(os.path.join(tmp, "notes"), "w") as f:
            f.write("notes\n")
        for name in ("uapp.o", "notes.c", "notes.o"):      # what make's built-in rules would rebuild from
            with open(os.path.join(tmp, name), "w") as f:
                f.write("not a real object\n")
            os.utime(os.path.join(tmp, name), ns=(2**62, 2**62))
        before = snapshot(tmp)
        status, out = ctx.make("-s", "run", "LOG=0", f"ELF={tmp}/uapp", f"FILES={tmp}/notes", "ARGS=1")
        expect_lines(problems, "ELF=uapp", out, [FIRST_PRINT,
                                                 "init exited with 0"])
        if snapshot(tmp) != before:
            problems.append("make run ELF=/FILES= changed, created or deleted files beside them")
    return problems


def check_ramdisk_refused(ctx):
    """FILES= the ramdisk cannot hold is refused before building, naming the limit."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        def new(name, size=1):
            path = os.path.join(tmp, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.truncate(size)
            return path
        long_name = new("n" * 48)
        ctx.refused(problems, ["all", f"FILES={long_name}"], "48 bytes long", "at most 47")
        ctx.refused(problems, ["all", f"FILES={new('a/same')} {new('b/same')}"], "a second file named 'same'")
        many = [new(f"f{i}") for i in range(64)]
        ctx.refused(problems, ["all", "FILES=" + " ".join(many)], "at most 80 (RAMDISK_MAX_FILES)")
        ctx.refused(problems, ["all", f"FILES={new('big', 100 << 20)}"], "at most 96 MiB (RAMDISK_MAX_BYTES)")
        ctx.refused(problems, ["all", f"FILES={long_name}:/bad/name"], "has a '/'")
        ctx.refused(problems, ["all", f"FILES={new('my file')}"], "a path cannot contain one")
        ctx.refused(problems, ["all", f"FILES={tmp}"], "a directory")
        status, out = ctx.make("-s", "run", "LOG=0", "TEST=echoargs", f"FILES={ctx.program('fork1')}:/echoargs")
        expect_lines(problems, "FILES=fork1:/echoargs", out, ["[U-CHILD] pid: 2 is running! global_variable: 0"])
    return problems


def check_run_status(ctx):
    """make run tells init's exit status (or that Ctrl-A x stopped QEMU) in words and succeeds itself."""
    problems = []
    for test, line in (("kill_null", "init exited with 139 (SIGSEGV)"), ("fork1", "init exited with 0"),
                       ("kill_illegal", "init exited with 132 (SIGILL)")):
        status, out = ctx.make("-s", "run", "LOG=0", f"TEST={test}")
        expect_lines(problems, f"make run TEST={test}", out, [line])
        if status != 0 or "Error" in out:
            problems.append(f"make run TEST={test}: make reported an error (exit {status})")
    status, out = ctx.make("-s", "run", "LOG=0", "TEST=pfh1", "ARGS=1000000", input="\x01x")   # Ctrl-A x
    expect_lines(problems, "make run, then Ctrl-A x", out, ["QEMU stopped with Ctrl-A x before the kernel powered off"])
    if status != 0 or "init exited" in out:
        problems.append(f"make run, then Ctrl-A x: exit {status}, or init said to have exited")
    with tempfile.TemporaryDirectory() as tmp:     # the kernel's own refusal, in words
        with open(os.path.join(tmp, "notes"), "w") as f:
            f.write("not a program\n")
        status, out = ctx.make("-s", "run", "LOG=0", f"FILES={tmp}/notes", "TEST=notes")
        expect_lines(problems, "make run TEST=notes", out, [
            "[init] cannot run notes: not a static RV64 ELF executable (error -8)",
            "init exited with 127 (the kernel could not run it: see the [init] line; or exit(127))"])
    if os.path.exists(os.path.join(ctx.build, "libc", "dyn_glibc")):
        status, out = ctx.make("-s", "run", "LOG=0", "TEST=dyn_glibc")
        expect_lines(problems, "make run TEST=dyn_glibc", out, ["[init] cannot run dyn_glibc: no such file in the "
                                                                "ramdisk (or no interpreter for a dynamically linked "
                                                                "program) (error -2)"])
    return problems


def check_rebuilds(ctx):
    """Headers rebuild the programs that include them; a changed toolchain rebuilds everything."""
    problems = []
    for header, must in (("user/lib/ulib.h", ["user/pfh1.c"]),
                         ("include/uapi/errno.h", ["user/pfh1.c", "arch/riscv/kernel/exec.c"])):
        status, out = ctx.make("-n", "-W", header, "all")
        for src in must:
            if src not in out:
                problems.append(f"{header} changed: {src} is not recompiled")
    stamps = [os.path.join(ctx.build, "log1", "flags.stamp"), os.path.join(ctx.build, "user", "flags.stamp")]
    saved = [(open(s).read(), os.stat(s).st_mtime_ns) for s in stamps]
    try:
        with tempfile.TemporaryDirectory() as tmp:     # the same tools, found at another path
            for tool in ("gcc", "ld", "ar", "objdump", "nm"):
                os.symlink(shutil.which(ctx.cross + tool), os.path.join(tmp, ctx.cross + tool))
            status, out = ctx.make("-n", "all", f"CROSS_COMPILE={tmp}/{ctx.cross}")
        for src in ("init/main.c", "user/pfh1.c"):
            if src not in out:
                problems.append(f"CROSS_COMPILE changed (same prefix, other path): {src} is not recompiled")
    finally:
        for s, (text, mtime) in zip(stamps, saved):
            with open(s, "w") as f:
                f.write(text)
            os.utime(s, ns=(mtime, mtime))
    status, out = ctx.make("-q", "all")
    if status != 0:
        problems.append("after restoring the stamps, make -q all says the build is not up to date")
    return problems


def check_test_case(ctx):
    """make test CASE=args runs one case (on each installed toolchain) and ends with the count line."""
    problems = []
    status, out = ctx.make("test", "CASE=args", timeout=300)
    last = out.strip().splitlines()[-1] if out.strip() else ""
    if status != 0 or not last.endswith("passed, 0 failed") or "ok   args" not in out or "ok   fork1" in out:
        problems.append(f"make test CASE=args: exit {status}, last line {last!r}")
    return problems


def check_case_timeout(ctx):
    """A hung kernel (pfh1 printing for ever) fails its case at the case's timeout: directive."""
    import run                           # test/run.py, the runner itself
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "hang.t")
        with open(path, "w") as f:
            f.write("boot: init=pfh1 -- 1000000000\ntimeout: 3\nexpect: ^\\[U-MODE\\] pid: 1\n")
        case = run.parse_case(path)
        kernel = os.path.join(ctx.build, "log0", "vmlinux")
        started = run.time.monotonic()
        name, problems, log = run.run_case(kernel, case, tmp)
        took = run.time.monotonic() - started
    ctx.log.append(f"hang.t: {took:.1f} s: {problems}")
    if not any("timed out after 3s" in p for p in problems) or took > 10:
        return [f"a hung kernel with timeout: 3 gave {problems} after {took:.1f} s"]
    return []


CHECKS = {
    "make_case_timeout": check_case_timeout,
    "make_log": check_log,
    "make_test_name": check_test_name,
    "make_options": check_options,
    "make_args": check_args,
    "make_elf_refused": check_elf_refused,
    "make_elf_untouched": check_elf_untouched,
    "make_ramdisk_refused": check_ramdisk_refused,
    "make_run_status": check_run_status,
    "make_rebuilds": check_rebuilds,
    "make_test_case": check_test_case,
}


def checks(cross, kernel):
    """Name -> job for test/run.py; a job returns (name, problems, transcript path)."""
    import test_gdb
    table = dict(CHECKS, **test_gdb.CHECKS)

    def job(name, fn):
        ctx = Context(cross, kernel)
        with MAKE_LOCK:
            try:
                problems = fn(ctx)
            except Exception as e:          # a broken check must fail, not stop the run
                problems = [f"check raised {type(e).__name__}: {e}"]
        os.makedirs(ctx.logdir, exist_ok=True)
        log = os.path.join(ctx.logdir, name + ".log")
        with open(log, "w") as f:
            f.write("\n".join(ctx.log))
        return name, problems, log
    return {name: (lambda name=name, fn=fn: job(name, fn)) for name, fn in table.items()}
