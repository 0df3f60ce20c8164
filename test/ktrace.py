"""ktrace.py: read the kernel's LOG=1 console trace and replay it into address spaces.

One module for every reader of the trace: test/run.py checks that each transcript parses (so a change to
a documented format breaks the tests first) and reads the accounting lines with its patterns;
tools/view.py draws what Model replays. The formats are README.md's "Reading the trace" table.

parse(text) -> list of Event, in trace order. A line that starts with a known tag must match that tag's
format exactly, or TraceError names the line. Anything else is user output (or OpenSBI's banner) and is
skipped; a known kernel line glued behind user output that had no newline is still read. The trace must
end: its last kernel line is the free-page accounting line or a panic, else it is truncated.

Model(events).run(upto) replays events [0, upto) into processes, their VMAs and mapped pages, and the
physical frames each (pid, va) maps; Model.apply returns each event's effect as primitive deltas that
the viewer's page replays without knowing the trace's meaning.
"""
import re

PAGE_SHIFT = 12
HEX = r"0x[0-9a-f]+"
SIG = r"SIG[A-Z0-9]+|signal"

# The two [mm] lines, printed at power-off at every LOG level (the second with memstat=1 only).
FREE_PAGES = r"\[mm\] free pages: (?P<before>\d+) before first process, (?P<after>\d+) after last"
USER_MEMORY = r"\[mm\] user memory: peak (?P<peak>\d+) pages in use; needed (?P<needed>\d+) \((?P<detail>.*)\)"

# tag -> pattern of the whole line (named groups are the event's fields)
FORMATS = {
    "boot": r"\[boot\] init=(?P<init>\S+) copies=(?P<copies>\d+), (?P<free>\d+) free pages",
    "switch": r"\[switch\] pid (?P<pid>\d+) prio (?P<prio>\d+) counter (?P<counter>\d+)",
    "exec": rf"\[exec\] pid (?P<pid>\d+) (?P<comm>\S+) entry (?P<entry>{HEX})",
    "init": r"\[init\] cannot run (?P<prog>\S+): (?P<why>.+) \(error (?P<err>-\d+)\)",
    "vma": rf"\[vma\] pid (?P<pid>\d+) (?P<start>{HEX})-(?P<end>{HEX}) (?P<perm>[r-][w-][x-][sp]) "
           r"(?P<kind>\S+)(?: (?P<name>\S+))?",
    "init": r"\[init\] cannot run (?P<prog>\S+): (?P<why>.+) \(error (?P<err>-\d+)\)",
    "fault": rf"\[fault\] pid (?P<pid>\d+) pc (?P<pc>{HEX}) addr (?P<addr>{HEX}) "
             r"(?P<access>exec|load|store)(?P<uaccess> uaccess)?",
    "map": rf"\[map\] pid (?P<pid>\d+) va (?P<va>{HEX}) pa (?P<pa>{HEX}) (?P<perm>[r-][w-][x-]) "
           r"(?P<kind>elf|file|file-copy|file-around|anon|zero|vdso)",
    "cow": rf"\[cow\] pid (?P<pid>\d+) va (?P<va>{HEX}) pa (?P<pa>{HEX}) "
           rf"(?P<how>copy of (?P<old>{HEX})|reuse|zero-fill)",
    "clone": r"\[clone\] pid (?P<pid>\d+) refused flags (?P<flags>0x[0-9a-f]+): (?P<why>.+)",
    "fork": r"\[fork\] pid (?P<pid>\d+) -> (?P<child>\d+), (?P<shared>-?\d+) pages shared",
    "mmap": rf"\[mmap\] pid (?P<pid>\d+) (?P<start>{HEX})-(?P<end>{HEX}) prot (?P<prot>[0-9a-f]+) "
            rf"(?P<share>shared|private) (?P<file>.+?) off (?P<off>{HEX})",
    "munmap": rf"\[munmap\] pid (?P<pid>\d+) (?P<start>{HEX})-(?P<end>{HEX})",
    "mprotect": rf"\[mprotect\] pid (?P<pid>\d+) (?P<start>{HEX})-(?P<end>{HEX}) prot (?P<prot>[0-9a-f]+)",
    "kill": rf"\[kill\] pid (?P<pid>\d+) (?P<sig>{SIG})(?: cause (?P<cause>.+) addr (?P<addr>{HEX}) pc (?P<pc>{HEX}))?",
    "signal": rf"\[signal\] pid (?P<pid>\d+) (?P<sig>{SIG})(?: addr (?P<addr>{HEX}))? -> handler (?P<handler>{HEX})",
    "sigreturn": r"\[sigreturn\] pid (?P<pid>\d+)",
    "exit": rf"\[exit\] pid (?P<pid>\d+) (?:exited with (?P<code>-?\d+)|killed by (?P<sig>{SIG}))",
    "madvise": rf"\[madvise\] pid (?P<pid>\d+) (?P<start>{HEX})-(?P<end>{HEX}) (?P<advice>\S+)",
    "budget": r"\[budget\] (?P<used>\d+) instructions of guest time used, budget (?P<budget>\d+): powering off",
    "mm": f"(?:{FREE_PAGES}|{USER_MEMORY})",
    "panic": r"\[panic\] (?P<why>.*)",
    "maps": r"\[maps\] pid (?P<pid>\d+) (?P<start>[0-9a-f]+)-(?P<end>[0-9a-f]+) (?P<perm>[r-][w-][x-][sp]) "
            r"(?P<off>[0-9a-f]+) (?P<kind>\S+) *(?P<name>.*)",
    "pgtable": r"\[pgtable\] pid (?P<pid>\d+)(?: root pa (?P<root>{h})|(?P<pte>[ .]*\d+: .*))".format(h=HEX),
}
PATTERNS = {tag: re.compile(fmt + "$") for tag, fmt in FORMATS.items()}
TAG = re.compile(r"\[(" + "|".join(FORMATS) + r")\] ")

# The accounting lines, for the test runner (searched in a whole transcript; groups 1, 2, ...).
ACCOUNTING = re.compile("^" + FREE_PAGES + "$", re.M)
MEMSTAT = re.compile("^" + USER_MEMORY + "$", re.M)

# How a page came to be mapped: the [map] kinds, then the [cow] outcomes.
HOWS = ["elf", "file", "file-copy", "file-around", "anon", "zero", "cow-copy", "cow-reuse", "zero-fill", "vdso"]
COW_HOW = {"reuse": "cow-reuse", "zero-fill": "zero-fill"}


class TraceError(Exception):
    """The trace cannot be read; the message names the line."""


class Event:
    """One kernel trace line: tag, 1-based line number, raw text, named fields (numbers converted), pid."""
    __slots__ = ("tag", "line", "text", "f", "pid")

    def __init__(self, tag, line, text, fields):
        self.tag, self.line, self.text, self.f = tag, line, text, fields
        self.pid = fields.get("pid")

    def __repr__(self):
        return f"<{self.line}: {self.text}>"


# Fields that are numbers: addresses and prot are hex ("0x..." or bare for prot), the rest decimal.
HEX_FIELDS = {"entry", "start", "end", "pc", "addr", "va", "pa", "old", "off", "root", "handler"}
DEC_FIELDS = {"pid", "child", "shared", "copies", "free", "prio", "counter", "code", "before", "after",
              "peak", "needed", "used", "budget"}


def _fields(tag, groups):
    out = {}
    for k, v in groups.items():
        if v is None:
            continue
        if k in HEX_FIELDS and tag != "maps":
            out[k] = int(v, 16)
        elif k in DEC_FIELDS:
            out[k] = int(v)
        elif k == "prot":
            out[k] = int(v, 16)
        else:
            out[k] = v
    return out


def parse_line(text, line):
    """The Event on one console line, None for user output; TraceError for a malformed kernel line."""
    if text.startswith("["):
        m = TAG.match(text)
        if m:
            tag = m.group(1)
            fm = PATTERNS[tag].match(text)
            if not fm:
                raise TraceError(f"line {line}: malformed [{tag}] line (see README 'Reading the trace'): {text!r}")
            return Event(tag, line, text, _fields(tag, fm.groupdict()))
    i = text.rfind("[", 1)
    while i > 0:     # user output without a newline, then a kernel line: read the kernel part if exact
        m = TAG.match(text, i)
        if m:
            fm = PATTERNS[m.group(1)].match(text, i)
            if fm:
                return Event(m.group(1), line, text[i:], _fields(m.group(1), fm.groupdict()))
        i = text.rfind("[", 1, i)
    return None


def parse(text, complete=True):
    """Every kernel Event of a console transcript, in order. Raises TraceError (with the line number) on a
    malformed kernel line and, when complete, on a trace without its [boot] line or a truncated one."""
    events = []
    for n, raw in enumerate(text.split("\n"), 1):      # console lines end "\r\n" (user lines: "\r\r\n")
        ev = parse_line(raw.rstrip("\r"), n)
        if ev:
            events.append(ev)
    if not complete:
        return events
    if not any(e.tag == "boot" for e in events):
        raise TraceError("no [boot] line: not a LOG=1 kernel console transcript")
    last = events[-1]
    if last.tag not in ("panic", "budget") and not (last.tag == "mm" and "before" in last.f):
        raise TraceError(f"truncated: the last kernel line (line {last.line}: {last.text!r}) is not the "
                         f"'[mm] free pages' line printed at power-off (nor a panic or budget line)")
    return events


def parse_file(path, complete=True):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:   # line numbers as in an editor
        return parse(f.read(), complete)


class Page:
    """One mapped page of one process: frame, how it was mapped, and the event that mapped it here."""
    __slots__ = ("pa", "how", "since", "inherited")

    def __init__(self, pa, how, since, inherited=False):
        self.pa, self.how, self.since, self.inherited = pa, how, since, inherited


class Proc:
    """A process as the trace shows it. index is its row (order of appearance); pids may be reused."""

    def __init__(self, index, pid, parent, comm, born):
        self.index, self.pid, self.parent, self.comm, self.born = index, pid, parent, comm, born
        self.parent_index = -1        # the parent's row, when fork made this process
        self.state = "running"        # or "exited with N" / "killed by SIGX"
        self.ended = None             # event index of [exit]
        self.vmas = []                # [start, end, perm, label] sorted by start (bytes)
        self.heap = None              # (start, end)
        self.pages = {}               # vpn -> Page
        self.faults = {"exec": 0, "load": 0, "store": 0, "uaccess": 0}
        self.mapped = dict.fromkeys(HOWS, 0)
        self.peak = 0
        self.kill = None

    @property
    def alive(self):
        return self.ended is None

    def vma_list(self):
        """VMAs plus the heap range, as [start, end, perm, label]."""
        out = list(self.vmas)
        if self.heap and self.heap[1] > self.heap[0]:
            out.append([self.heap[0], self.heap[1], "rw-p", "heap"])
        return sorted(out)


# Delta codes (the viewer's page applies these; see tools/view.html)
# D_SET [proc, vpn, ppn, how, inherited]   D_CLEAR [proc, vpn]        D_VMAS [proc, [[start, end, perm, label]]]
# D_STATE [proc, "exited with 0"]          D_NEW [proc, pid, comm]    D_NAME [proc, comm]
# D_FORK [child, parent]: the child maps every page the parent maps   D_DROP [proc]: every page released
D_SET, D_CLEAR, D_VMAS, D_STATE, D_NEW, D_NAME, D_FORK, D_DROP = range(8)


def vma_label(perm, kind, name):
    """What a reader calls a [vma] line's VMA: text, data, bss, heap, stack, or its file's name."""
    if name in ("[heap]", "[stack]"):
        return name[1:-1]
    if "x" in perm:
        return "text"
    if kind == "elf":
        return "data"
    if kind == "anon" and not name:
        return "bss"
    return name or kind


class Model:
    """Replays Events. After run(upto): procs (every row so far), frames {ppn: {(proc index, vpn)}},
    free (the accounting line's (before, after) or None), warnings (trace vs model disagreements)."""

    def __init__(self, events):
        self.events = events
        self.procs = []
        self.by_pid = {}
        self.frames = {}
        self.pos = 0
        self.free = None
        self.memstat = None
        self.panic = None
        self.boot = None
        self.warnings = []
        self._fault = {}       # pid -> its last [fault] Event, until served

    # ---- state queries -------------------------------------------------------------------------
    def live(self):
        return [p for p in self.procs if p.alive]

    def proc(self, pid):
        """The latest process with this pid."""
        return self.by_pid.get(pid)

    def shared_frames(self):
        """{ppn: sorted [(proc index, vpn)]} for frames mapped at more than one place."""
        return {ppn: sorted(m) for ppn, m in self.frames.items() if len(m) > 1}

    def shared_between(self, a, b):
        """Physical page numbers that processes a and b (Proc) both map now."""
        return {pg.pa for pg in a.pages.values()} & {pg.pa for pg in b.pages.values()}

    # ---- replay ----------------------------------------------------------------------------------
    def run(self, upto=None):
        """Apply events up to (not including) index upto (default: all); returns self."""
        upto = len(self.events) if upto is None else upto
        while self.pos < upto:
            self.apply()
        return self

    def apply(self):
        """Apply the next event; returns its deltas."""
        ev = self.events[self.pos]
        self.pos += 1
        return getattr(self, "_on_" + ev.tag, self._on_other)(ev)

    def _warn(self, ev, why):
        self.warnings.append(f"line {ev.line}: {why}")

    def _new_proc(self, pid, parent, comm, deltas):
        p = Proc(len(self.procs), pid, parent, comm, self.pos - 1)
        self.procs.append(p)
        self.by_pid[pid] = p
        deltas.append([D_NEW, p.index, pid, comm])
        return p

    def _get(self, ev, deltas):
        p = self.by_pid.get(ev.pid)
        if p is None or not p.alive:
            p = self._new_proc(ev.pid, 0, "?", deltas)
        return p

    def _map(self, p, vpn, pg, deltas, record=True):
        self._unmap(p, vpn, deltas, record=False)
        p.pages[vpn] = pg
        self.frames.setdefault(pg.pa, set()).add((p.index, vpn))
        p.peak = max(p.peak, len(p.pages))
        if record:
            deltas.append([D_SET, p.index, vpn, pg.pa, HOWS.index(pg.how), int(pg.inherited)])

    def _unmap(self, p, vpn, deltas, record=True):
        pg = p.pages.pop(vpn, None)
        if pg is None:
            return
        users = self.frames[pg.pa]
        users.discard((p.index, vpn))
        if not users:
            del self.frames[pg.pa]
        if record:
            deltas.append([D_CLEAR, p.index, vpn])

    def _unmap_range(self, p, start, end, deltas):
        lo, hi = start >> PAGE_SHIFT, end >> PAGE_SHIFT
        if hi - lo < len(p.pages):
            vpns = [v for v in range(lo, hi) if v in p.pages]
        else:
            vpns = [v for v in p.pages if lo <= v < hi]
        for v in sorted(vpns):
            self._unmap(p, v, deltas)

    def _set_vmas(self, p, deltas):
        deltas.append([D_VMAS, p.index, p.vma_list()])

    def _cut_vmas(self, p, start, end):
        """Remove [start, end) from p's VMAs, splitting those that straddle it."""
        out = []
        for s, e, perm, label in p.vmas:
            if e <= start or s >= end:
                out.append([s, e, perm, label])
                continue
            if s < start:
                out.append([s, start, perm, label])
            if e > end:
                out.append([end, e, perm, label])
        p.vmas = sorted(out)

    def _release_all(self, p, deltas):
        for v in list(p.pages):
            self._unmap(p, v, deltas, record=False)
        deltas.append([D_DROP, p.index])

    # ---- one handler per tag ---------------------------------------------------------------------
    def _on_other(self, ev):
        return []

    def _on_boot(self, ev):
        self.boot = ev.f
        return []

    def _on_panic(self, ev):
        self.panic = ev.text
        return []

    _on_budget = _on_panic      # the run was stopped: shown like a panic

    def _on_mm(self, ev):
        if "before" in ev.f:
            self.free = (ev.f["before"], ev.f["after"])
        else:
            self.memstat = ev.f
        return []

    def _on_exec(self, ev):
        deltas = []
        p = self.by_pid.get(ev.pid)
        if p is None or not p.alive:
            p = self._new_proc(ev.pid, 0, ev.f["comm"], deltas)
        self._release_all(p, deltas)
        p.comm, p.vmas, p.heap = ev.f["comm"], [], None
        deltas.append([D_NAME, p.index, p.comm])
        self._set_vmas(p, deltas)
        return deltas

    def _on_vma(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        s, e, name = ev.f["start"], ev.f["end"], ev.f.get("name")
        if name == "[heap]":
            if p.heap and p.heap[1] > e:
                self._unmap_range(p, max(e, p.heap[0]), p.heap[1], deltas)
            p.heap = (s, e)
        else:
            self._cut_vmas(p, s, e)
            p.vmas = sorted(p.vmas + [[s, e, ev.f["perm"], vma_label(ev.f["perm"], ev.f["kind"], name)]])
        self._set_vmas(p, deltas)
        return deltas

    def _on_fault(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        p.faults["uaccess" if "uaccess" in ev.f else ev.f["access"]] += 1
        self._fault[ev.pid] = ev
        return deltas

    def _on_map(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        self._fault.pop(ev.pid, None)
        p.mapped[ev.f["kind"]] += 1
        self._map(p, ev.f["va"] >> PAGE_SHIFT, Page(ev.f["pa"] >> PAGE_SHIFT, ev.f["kind"], self.pos - 1), deltas)
        return deltas

    def _on_cow(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        self._fault.pop(ev.pid, None)
        vpn, ppn = ev.f["va"] >> PAGE_SHIFT, ev.f["pa"] >> PAGE_SHIFT
        how = COW_HOW.get(ev.f["how"], "cow-copy")
        old = p.pages.get(vpn)
        if old is None:
            self._warn(ev, f"COW on pid {ev.pid}'s va {ev.f['va']:#x}, which the trace never mapped")
        elif how == "cow-reuse" and old.pa != ppn:
            self._warn(ev, f"COW reuse of {ev.f['pa']:#x} but pid {ev.pid} maps {old.pa << PAGE_SHIFT:#x} there")
        elif how == "cow-copy" and old.pa != ev.f["old"] >> PAGE_SHIFT:
            self._warn(ev, f"COW copy of {ev.f['old']:#x} but pid {ev.pid} maps {old.pa << PAGE_SHIFT:#x} there")
        p.mapped[how] += 1
        self._map(p, vpn, Page(ppn, how, self.pos - 1), deltas)
        return deltas

    def _on_fork(self, ev):
        deltas = []
        parent = self._get(ev, deltas)
        child = self._new_proc(ev.f["child"], parent.pid, parent.comm, deltas)
        child.parent_index = parent.index
        child.vmas = [list(v) for v in parent.vmas]
        child.heap = parent.heap
        self._set_vmas(child, deltas)
        for vpn, pg in parent.pages.items():
            self._map(child, vpn, Page(pg.pa, pg.how, self.pos - 1, inherited=True), deltas, record=False)
        deltas.append([D_FORK, child.index, parent.index])
        if len(parent.pages) != ev.f["shared"]:
            self._warn(ev, f"fork shares {ev.f['shared']} pages but the trace shows pid {parent.pid} "
                           f"with {len(parent.pages)} mapped")
        return deltas

    def _on_mmap(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        s, e, prot = ev.f["start"], ev.f["end"], ev.f["prot"]
        perm = "".join(c if prot & b else "-" for c, b in (("r", 1), ("w", 2), ("x", 4)))
        perm += "s" if ev.f["share"] == "shared" else "p"
        self._unmap_range(p, s, e, deltas)      # MAP_FIXED replaced what was there
        self._cut_vmas(p, s, e)
        label = "mmap " + ev.f["file"]
        p.vmas = sorted(p.vmas + [[s, e, perm, label]])
        self._set_vmas(p, deltas)
        return deltas

    def _on_munmap(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        self._unmap_range(p, ev.f["start"], ev.f["end"], deltas)
        self._cut_vmas(p, ev.f["start"], ev.f["end"])
        self._set_vmas(p, deltas)
        return deltas

    def _on_mprotect(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        s, e, prot = ev.f["start"], ev.f["end"], ev.f["prot"]
        inside = [v for v in p.vmas if v[0] < e and v[1] > s]
        self._cut_vmas(p, s, e)
        for vs, ve, perm, label in inside:
            new = "".join(c if prot & b else "-" for c, b in (("r", 1), ("w", 2), ("x", 4))) + perm[3]
            p.vmas.append([max(vs, s), min(ve, e), new, label])
        p.vmas.sort()
        self._set_vmas(p, deltas)
        return deltas

    def _on_madvise(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        if ev.f["advice"] == "dontneed":        # pages dropped; the VMA stays (refaults read zeros)
            self._unmap_range(p, ev.f["start"], ev.f["end"], deltas)
        return deltas

    def _on_kill(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        self._fault.pop(ev.pid, None)
        p.kill = ev.f
        return deltas

    def _on_exit(self, ev):
        deltas = []
        p = self._get(ev, deltas)
        self._release_all(p, deltas)
        p.state = f"exited with {ev.f['code']}" if "code" in ev.f else f"killed by {ev.f['sig']}"
        p.ended = self.pos - 1
        deltas.append([D_STATE, p.index, p.state])
        return deltas
