#!/usr/bin/env python3
"""run.py: boot the kernel under QEMU once per test case and judge each console transcript.

A case file (test/cases/<name>.t) holds one directive a line; '#' starts a comment:
    boot:    <bootargs>            command line passed with -append (required)
    status:  <n>                   QEMU's exit status (default 0; 128 + signal when init was killed)
    capture: <NAME> <regex>        the first line matching regex defines {NAME} as its group 1
    expect:  <regex>               lines that must appear, each after the previous one (in order)
    forbid:  <regex>               lines that must not appear anywhere
    first:   <regex> => <regex>    the first line matching the left regex must match the right one
    repeat:  2                     run twice and require byte-identical output (determinism)
    mem:     2G                    QEMU's RAM size (-m; default 128M)
    kernel:  log0                  use the LOG=0 kernel (beside the given one) for a case whose trace
                                   would be too long to print; its verdict rests on user output
    input:   <text>                a line typed on the console (QEMU's stdin), in order; Python
                                   escapes allowed (\x04 is ^D); without input: stdin is empty
    prompt:  <text>                type each input line only once the program has printed <text> once
                                   more (e.g. a shell's prompt "/ # "); without it all input goes at once
    timeout: 60                    seconds of host time for one boot (default 30: a hung kernel fails)
Every case also forbids panics and 'FAIL' lines, requires the final accounting line with equal
free-page counts before the first process and after the last one, and requires every kernel trace line
to match its documented format (test/ktrace.py, the parser tools/view.py draws from).

Beside the .t cases, the host-side checks of test/test_make.py (make's refusals, ELF=/ARGS=/gdb) run
as cases named make_*; they drive make with --cross-compile. --second KERNEL runs every .t case again
on a kernel built by the other toolchain, named "<case>@<toolchain folder>". Case names on the command
line (make test CASE=...) select what runs.

--bench runs the benchmark program instead and prints its `bench:` lines.
Closes with 'N passed, M failed'; exits non-zero on any failure.
"""
import argparse
import codecs
import concurrent.futures
import os
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tools"))
import qemu  # noqa: E402  (tools/qemu.py: the one QEMU command line)
import ktrace  # noqa: E402  (test/ktrace.py: the trace formats, shared with tools/view.py)

TIMEOUT = 30           # default seconds of host time for one boot (the longest case takes ~4 s)
ACCOUNTING = ktrace.ACCOUNTING
ALWAYS_FORBIDDEN = [r"\[panic\]", r": FAIL"]


def parse_case(path):
    case = {"name": os.path.basename(path)[:-2], "boot": None, "status": 0, "expect": [],
            "forbid": list(ALWAYS_FORBIDDEN), "capture": [], "repeat": 1, "kernel": None, "first": [],
            "input": "", "prompt": None, "timeout": TIMEOUT, "mem": qemu.DEFAULT_MEMORY}
    with open(path) as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            key, _, value = line.partition(":")
            value = value.strip()
            if key in ("expect", "forbid"):
                case[key].append(value)
            elif key == "first":
                left, sep, right = value.partition(" => ")
                if not sep:
                    raise SystemExit(f"{path}:{n}: first: needs '<regex> => <regex>'")
                case["first"].append((left, right))
            elif key == "capture":
                name, _, regex = value.partition(" ")
                case["capture"].append((name, regex.strip()))
            elif key == "prompt":
                case["prompt"] = codecs.decode(raw.split(":", 1)[1].strip("\n").lstrip(" "), "unicode_escape")
            elif key == "input":
                case["input"] += codecs.decode(value, "unicode_escape") + "\n"
            elif key in ("status", "repeat", "timeout"):
                case[key] = int(value)
            elif key in ("boot", "kernel", "mem"):
                case[key] = value
            else:
                raise SystemExit(f"{path}:{n}: unknown directive {key!r}")
    if not case["boot"]:
        raise SystemExit(f"{path}: no boot: line")
    return case


def boot(kernel, bootargs, stdin="", timeout=TIMEOUT, prompt=None, mem=qemu.DEFAULT_MEMORY):
    """Run QEMU to completion with stdin as console input; returns (exit status or None after timeout
    seconds, console text)."""
    if stdin:
        return boot_typing(kernel, bootargs, stdin, timeout, prompt)
    try:
        p = subprocess.run(qemu.command(kernel, bootargs, mem=mem), stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace").replace("\r\n", "\n")
        return None, out


# OpenSBI empties the UART when it sets it up: console input is typed once its banner has ended.
FIRMWARE_READY = b"Boot HART MEDELEG"


def read_until(p, out, marker, count):
    """Read QEMU's output into out until marker occurs count times (or the output ends)."""
    while out.count(marker) < count:
        chunk = p.stdout.read1(4096)
        if not chunk:
            break
        out += chunk
    return out


def boot_typing(kernel, bootargs, stdin, timeout, prompt=None):
    """boot() with console input, written to QEMU's stdin after the firmware's banner; with a prompt,
    line by line, each once the program has printed the prompt once more (typeahead a program would
    flush when it sets up its terminal is never lost)."""
    p = subprocess.Popen(qemu.command(kernel, bootargs), stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    timer = threading.Timer(timeout, p.kill)
    timer.start()
    out = read_until(p, b"", FIRMWARE_READY, 1)
    start = len(out)
    lines = stdin.splitlines(keepends=True) if prompt else [stdin]
    try:
        for n, line in enumerate(lines, 1):
            if prompt:
                out = out[:start] + read_until(p, out[start:], prompt.encode(), n)
            p.stdin.write(line.encode())
            p.stdin.flush()
        p.stdin.close()
    except BrokenPipeError:
        pass
    out += p.stdout.read()
    status = p.wait()
    timed_out = not timer.is_alive() and status < 0
    timer.cancel()
    return None if timed_out else status, out.decode("utf-8", "replace").replace("\r\n", "\n")


def judge(case, status, out):
    """The list of problems with one transcript (empty when it passes)."""
    problems = []
    lines = out.splitlines()
    subst = {}
    for name, regex in case["capture"]:
        m = next((re.search(regex, l) for l in lines if re.search(regex, l)), None)
        if not m:
            problems.append(f"capture {name}: no line matches {regex!r}")
            return problems
        subst[name] = re.escape(m.group(1))

    def fill(regex):
        return re.sub(r"\{(\w+)\}", lambda m: subst.get(m.group(1), m.group(0)), regex)

    if status is None:
        problems.append(f"timed out after {case['timeout']}s (a longer case can say timeout: <seconds>)")
    elif status != case["status"]:
        problems.append(f"exit status {status}, expected {case['status']}")
    pos = 0
    for regex in map(fill, case["expect"]):
        r = re.compile(regex)
        while pos < len(lines) and not r.search(lines[pos]):
            pos += 1
        if pos == len(lines):
            problems.append(f"expected (in order) but missing: {regex}")
            break
        pos += 1
    for regex in map(fill, case["forbid"]):
        hit = next((l for l in lines if re.search(regex, l)), None)
        if hit is not None:
            problems.append(f"forbidden line: {hit!r}")
    for left, right in ((fill(l), fill(r)) for l, r in case["first"]):
        line = next((l for l in lines if re.search(left, l)), None)
        if line is None or not re.search(right, line):
            problems.append(f"first line matching {left!r} is {line!r}, expected to match {right!r}")
    try:
        ktrace.parse(out, complete=False)
    except ktrace.TraceError as e:
        problems.append(f"trace: {e}")
    m = ACCOUNTING.search(out)
    if not m:
        problems.append("no free-page accounting line")
    elif m.group(1) != m.group(2):
        problems.append(f"page leak: {m.group(1)} free pages before, {m.group(2)} after")
    return problems


def run_case(kernel, case, logdir):
    if case["kernel"]:
        kernel = os.path.join(os.path.dirname(os.path.dirname(kernel)), case["kernel"], "vmlinux")
    status, out = boot(kernel, case["boot"], case["input"], case["timeout"], case["prompt"], case["mem"])
    problems = judge(case, status, out)
    for i in range(1, case["repeat"]):
        status2, out2 = boot(kernel, case["boot"], case["input"], case["timeout"], case["prompt"], case["mem"])
        if out2 != out or status2 != status:
            problems.append(f"run {i + 1} printed different bytes than run 1 (not deterministic)")
    with open(os.path.join(logdir, case["name"] + ".log"), "w") as f:
        f.write(out)
    return case["name"], problems, os.path.join(logdir, case["name"] + ".log")


MEMSTAT = ktrace.MEMSTAT


def run_bench(kernel):
    """The bench program's lines, then FORK3's memory figures from the kernel's memstat report."""
    status, out = boot(kernel, "init=bench", timeout=120)
    lines = [l for l in out.splitlines() if l.startswith("bench:")]
    status_s, out_s = boot(kernel, "init=vmatest -- scale", timeout=300)
    lines += [l for l in out_s.splitlines() if l.startswith("bench:") or ": FAIL" in l]
    _, out_a = boot(kernel, "init=vmatest fault_around=16 -- around 16")
    lines += [l for l in out_a.splitlines() if l.startswith("bench:") or ": FAIL" in l]
    for mem in ("128M", "2G"):
        _, out_m = boot(kernel, "init=vmatest -- boot", mem=mem)
        lines += [l for l in out_m.splitlines() if l.startswith("bench:")]
    status3, out3 = boot(kernel, "init=fork3 memstat=1", timeout=120)
    m = MEMSTAT.search(out3)
    if m:
        lines.append(f"bench: fork3_peak_pages {m.group(1)} (needed {m.group(2)})")
        lines.append(f"bench: fork3_needed_pages {m.group(2)} ({m.group(3)})")
    print("\n".join(lines))
    return status == 0 and status_s == 0 and status3 == 0 and m is not None and lines


def toolchain_label(kernel):
    """The build folder a kernel comes from, naming its toolchain: build/<tc>/log1/vmlinux -> <tc>."""
    return os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(kernel))))


def kernel_jobs(kernel, names, suffix=""):
    """One job per .t case name on kernel: returns (name, problems, log path)."""
    logdir = os.path.join(os.path.dirname(kernel), "test-logs")
    os.makedirs(logdir, exist_ok=True)
    jobs = []
    for n in names:
        case = parse_case(os.path.join(HERE, "cases", n + ".t"))
        jobs.append(lambda case=case: (lambda r: (r[0] + suffix,) + r[1:])(run_case(kernel, case, logdir)))
    return jobs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--bench", action="store_true")
    ap.add_argument("--second", help="a kernel built with the other toolchain: run the .t cases on it too")
    ap.add_argument("--cross-compile", help="toolchain prefix for the make-level checks (default: none run)")
    ap.add_argument("cases", nargs="*", help="case names (default: all)")
    args = ap.parse_args()
    if args.bench:
        sys.exit(0 if run_bench(args.kernel) else 1)

    import test_make  # test/test_make.py: checks that drive make itself
    all_names = sorted(f[:-2] for f in os.listdir(os.path.join(HERE, "cases")) if f.endswith(".t"))
    host = test_make.checks(args.cross_compile, args.kernel) if args.cross_compile else {}
    unknown = [n for n in args.cases if n not in all_names and n not in host]
    if unknown:
        raise SystemExit(f"no such case: {' '.join(unknown)} (cases: {' '.join(all_names + sorted(host))})")
    names = [n for n in args.cases if n in all_names] if args.cases else all_names
    jobs = kernel_jobs(args.kernel, names)
    if args.second:
        jobs += kernel_jobs(args.second, names, "@" + toolchain_label(args.second))
    host_jobs = [fn for n, fn in sorted(host.items()) if not args.cases or n in args.cases]
    verdicts = []

    def report(name, problems, log):
        verdicts.append(not problems)
        print(f"FAIL {name}  (log: {log})" if problems else f"ok   {name}", flush=True)
        for p in problems:
            print(f"    {p}", flush=True)

    # The make checks run one after another (they share build folders) beside the pool of boots.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as serial, \
         concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        host_results = serial.submit(lambda: [job() for job in host_jobs])
        for result in pool.map(lambda job: job(), jobs):
            report(*result)
        for result in host_results.result():
            report(*result)
    passed, failed = verdicts.count(True), verdicts.count(False)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
