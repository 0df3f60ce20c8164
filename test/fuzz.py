#!/usr/bin/env python3
"""fuzz.py: run the system-call fuzzer (user/fuzz/) once per seed and stop at the first failure.

    python3 test/fuzz.py --kernel build/log0/vmlinux --seeds 1-100 --calls 200000

Each seed boots QEMU with `init=fuzz budget=<instructions> -- <seed> <calls>` (the LOG=0 kernel: the
trace of a long run would only slow it down) and prints one line:
    seed 7: ok  100311 calls, 40123 checks, 640 forks, 380 killed; 28966 free pages before and after
A seed fails on a kernel panic, a hang (the kernel's guest-instruction budget ran out: a "[budget]"
line and QEMU status 124, never wall time), a leaked page (the accounting line's two numbers differ),
a model mismatch, or any other exit status; the run stops there and says how to reproduce it. The
console of every seed is kept in <kernel dir>/fuzz-logs/seed<N>.log.
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "tools"))
import qemu  # noqa: E402  (tools/qemu.py: the one QEMU command line)
from ktrace import ACCOUNTING  # noqa: E402  (test/ktrace.py: the free-page accounting line)

BUDGET_PER_CALL = 20000             # guest instructions per system call: 4-10 times what a run needs
BUDGET_MIN = 10**9
HOST_TIMEOUT = 3600                 # seconds: only a safety net, hangs are caught by the budget
SUMMARY = re.compile(r"^fuzz: seed (\d+): (\d+) calls, (\d+) checks, (\d+) forks, (\d+) children killed, "
                     r"(\d+) mismatches$", re.M)


def parse_seeds(text):
    """'5' or '1-100' or '1-10,20' -> list of ints."""
    seeds = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        seeds.extend(range(int(lo), int(hi or lo) + 1))
    return seeds


def verdict(status, out):
    """(problem or None, one-line summary) for one seed's console and QEMU status."""
    acct = ACCOUNTING.search(out)
    summary = SUMMARY.search(out)
    if "[panic]" in out:
        return "panic", next(l for l in out.splitlines() if "[panic]" in l)
    if "[budget]" in out or status == 124:
        return "hang", "guest-instruction budget ran out"
    if status is None:
        return "hang", f"host timeout after {HOST_TIMEOUT}s"
    if acct and acct.group(1) != acct.group(2):
        return "leak", f"{acct.group(1)} free pages before, {acct.group(2)} after"
    if "MISMATCH" in out:
        return "mismatch", next(l for l in out.splitlines() if "MISMATCH" in l)
    if status != 0 or not summary or not acct:
        return "failed", f"QEMU status {status}" + ("" if summary else ", no summary line")
    calls, checks, forks, killed = (summary.group(i) for i in (2, 3, 4, 5))
    return None, (f"{calls} calls, {checks} checks, {forks} forks, {killed} killed; "
                  f"{acct.group(1)} free pages before and after")


def run_seed(kernel, seed, calls, logdir):
    budget = max(BUDGET_MIN, calls * BUDGET_PER_CALL)
    cmdline = qemu.kernel_cmdline(f"init=fuzz budget={budget}", f"{seed} {calls}")
    try:
        p = subprocess.run(qemu.command(kernel, cmdline), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=HOST_TIMEOUT)
        status, out = p.returncode, p.stdout.decode("utf-8", "replace").replace("\r", "")
    except subprocess.TimeoutExpired as e:
        status, out = None, (e.stdout or b"").decode("utf-8", "replace").replace("\r", "")
    with open(os.path.join(logdir, f"seed{seed}.log"), "w") as f:
        f.write(out)
    return verdict(status, out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kernel", required=True)
    ap.add_argument("--seeds", default="1-10")
    ap.add_argument("--calls", type=int, default=100000)
    args = ap.parse_args()
    logdir = os.path.join(os.path.dirname(args.kernel), "fuzz-logs")
    os.makedirs(logdir, exist_ok=True)
    seeds = parse_seeds(args.seeds)
    for seed in seeds:
        problem, line = run_seed(args.kernel, seed, args.calls, logdir)
        print(f"seed {seed}: {'ok  ' if not problem else problem.upper() + ' '}{line}", flush=True)
        if problem:
            print(f"fuzz: stopped at seed {seed} ({problem}); reproduce with: make fuzz SEEDS={seed} "
                  f"CALLS={args.calls}  (console: {logdir}/seed{seed}.log)")
            sys.exit(1)
    print(f"fuzz: {len(seeds)} seeds, 0 panics, 0 hangs, 0 leaked pages, 0 mismatches")


if __name__ == "__main__":
    main()
