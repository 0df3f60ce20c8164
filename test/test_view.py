"""test_view.py: tests of tools/view.py, the page that draws a trace, down to what a browser shows.

The browser tests load generated pages in headless Chromium (Debian's `chromium`, installed by
`.ci/ensure-deps --view`), read the DOM back with --dump-dom and compare the rows, page cells and
shared-frame links with test/ktrace.py's replay at the same event; they also save a screenshot to
build/view/. Without Chromium they are skipped and say so. A generated 150,000-line trace checks that
big traces are drawn quickly and without one DOM node per page.
"""
import collections
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import ktrace

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tools"))
import view  # noqa: E402

BUILD = os.path.join(HERE, "..", "build", "view")
BIG_LINES = 150_000
BIG_SECONDS = 10
MAX_DRAWN_CELLS = 5000
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    print("test_view: chromium is not installed (.ci/ensure-deps --view installs it): the browser checks are "
          "skipped", file=sys.stderr)
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def trace_text(name):
    with open(os.path.join(HERE, "traces", name + ".log"), newline="") as f:
        return f.read()


def write_page(name, text):
    os.makedirs(BUILD, exist_ok=True)
    events = ktrace.parse(text)
    path = os.path.join(BUILD, f"test-{name}.html")
    with open(path, "w") as f:
        f.write(view.render(view.page_data(name, name + ".log", events, text.count("\n"))))
    return path, events


def big_trace(lines):
    """A valid trace of about `lines` lines: a parent with a 2,000-page heap forks children that write
    part of it (COW copies), print, and exit; scheduler and user lines are mixed in."""
    out = ["OpenSBI banner", "[boot] init=big copies=1, 30000 free pages", "[switch] pid 1 prio 7 counter 7",
           "[exec] pid 1 big entry 0x10100", "[vma] pid 1 0x10000-0x11000 r-xp elf big",
           "[vma] pid 1 0x11000-0x12000 rw-p anon", "[vma] pid 1 0x3fff800000-0x4000000000 rw-p anon [stack]",
           "[vma] pid 1 0x12000-0x812000 rw-p anon [heap]"]
    pa = iter(range(0x80800000, 0xc0000000, 0x1000))
    heap = range(0x12000, 0x812000, 0x1000)
    for va in [0x10000, 0x3ffffff000, *heap]:
        out += [f"[fault] pid 1 pc 0x10100 addr {va:#x} store", f"[map] pid 1 va {va:#x} pa {next(pa):#x} rw- anon"]
    pid = 1
    while len(out) < lines - 2:
        pid += 1
        out += [f"[fork] pid 1 -> {pid}, {len(heap) + 2} pages shared", f"[switch] pid {pid} prio 7 counter 7"]
        for va in heap[pid % 7::5][:300]:
            out += [f"[fault] pid {pid} pc 0x10200 addr {va + 8:#x} store",
                    f"[cow] pid {pid} va {va:#x} pa {next(pa):#x} copy of {0x80800000 + 0x2000 + (va - 0x12000):#x}"]
        out += [f"[U] child {pid} wrote its pages", f"[exit] pid {pid} exited with 0"]
    return "\n".join(out + ["[exit] pid 1 exited with 0", "[mm] free pages: 30000 before first process, "
                            "30000 after last", ""])


_big = []


def big_page(timed=False):
    """The page of big_trace(BIG_LINES), made once: (path, events[, CPU seconds to parse and draw, data])."""
    if not _big:
        text = big_trace(BIG_LINES)
        t0 = time.process_time()   # CPU time: what the page costs, whatever else the host runs
        os.makedirs(BUILD, exist_ok=True)
        events = ktrace.parse(text)
        data = view.page_data("big", "big.log", events, text.count("\n"))
        path = os.path.join(BUILD, "test-big.html")
        with open(path, "w") as f:
            f.write(view.render(data))
        _big.extend([path, events, time.process_time() - t0, data])
    return _big if timed else _big[:2]


class ViewTest(unittest.TestCase):
    def test_pfh2_untouched_page_gets_its_own_never_mapped_column(self):
        text = trace_text("pfh2")
        page = int(text.split("untouched page: ")[1].split()[0], 16) >> ktrace.PAGE_SHIFT
        data = view.page_data("pfh2", "pfh2.log", ktrace.parse(text), 0)
        cols = [c for c in data["cols"] if c[0] <= page < c[0] + c[1]]
        self.assertEqual(cols, [[page, 1, view.COL_PAGE]])
        self.assertFalse(any(x[0] == ktrace.D_SET and x[2] == page for d in data["d"] for x in d))

    def test_page_is_self_contained(self):
        path, _ = write_page("fork3", trace_text("fork3"))
        with open(path) as f:
            page = f.read()
        for remote in ("http:", "https:", "<script src", "<link", "@import", "url(", "@font-face"):
            self.assertNotIn(remote, page)
        self.assertEqual(page.count("</script>"), 2)

    def test_refuses_a_truncated_trace_naming_the_line(self):
        with tempfile.NamedTemporaryFile("w", suffix=".log", delete=False) as f:
            f.write("\n".join(trace_text("fork3").split("\n")[:100]))
        try:
            p = subprocess.run([sys.executable, os.path.join(HERE, "..", "tools", "view.py"), f.name, "-o",
                                os.path.join(BUILD, "refused.html")], capture_output=True, text=True)
        finally:
            os.unlink(f.name)
        self.assertEqual(p.returncode, 1)
        self.assertRegex(p.stderr, r"truncated: the last kernel line \(line \d+:")

    def test_big_trace_is_drawn_fast_and_compact(self):
        path, events, took, data = big_page(timed=True)
        self.assertGreaterEqual(events[-1].line, BIG_LINES - 2)
        self.assertLess(took, BIG_SECONDS)
        self.assertEqual(data["warnings"], [])
        self.assertLess(len(data["cols"]), 200, "pages are binned, not one column each")


class Browser:
    """Headless Chromium: the DOM after the page's script ran, and screenshots."""

    @staticmethod
    def run(args, timeout=90):
        with tempfile.TemporaryDirectory() as profile:
            p = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                               capture_output=True, text=True, timeout=timeout)
        return p.stdout

    @classmethod
    def dom(cls, path, fragment=""):
        return cls.run(["--dump-dom", f"file://{os.path.abspath(path)}#{fragment}"])

    @classmethod
    def screenshot(cls, path, fragment, png, size="1200,820"):
        cls.run([f"--screenshot={png}", f"--window-size={size}", f"file://{os.path.abspath(path)}#{fragment}"])


def hovering(path, pid, va):
    """A copy of the page that, once drawn, moves the mouse over pid's cell at va (as a user would)."""
    with open(path) as f:
        page = f.read()
    script = (f"<script>document.querySelector('#rows .cell[data-pid=\"{pid}\"][data-va=\"{va:#x}\"]')"
              ".dispatchEvent(new MouseEvent('mousemove', {bubbles: true, clientX: 20, clientY: 20}));</script>")
    hover = path.replace(".html", "-hover.html")
    with open(hover, "w") as f:
        f.write(page.replace("</body>", script + "</body>"))
    return hover


class Elements(html.parser.HTMLParser):
    """Start tags with their attributes, and the text inside elements with an id."""

    def __init__(self, text):
        super().__init__()
        self.tags, self.text, self._open = [], collections.defaultdict(str), []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        a["tag"], a["classes"] = tag, set(a.get("class", "").split())
        self.tags.append(a)
        self._open.append(a.get("id"))

    def handle_endtag(self, tag):
        if self._open:
            self._open.pop()

    def handle_data(self, data):
        for i in self._open:
            if i:
                self.text[i] += data

    def find(self, tag, cls):
        return [a for a in self.tags if a["tag"] == tag and cls in a["classes"]]


@unittest.skipUnless(CHROMIUM, "chromium is not installed (.ci/ensure-deps --view installs it): browser checks skipped")
class BrowserTest(unittest.TestCase):
    def test_fork3_rows_cells_and_links_after_the_last_fork(self):
        path, events = write_page("fork3", trace_text("fork3"))
        last_fork = max(i for i, e in enumerate(events) if e.tag == "fork")
        model = ktrace.Model(events).run(last_fork + 1)
        fragment = f"line={events[last_fork].line}&sel=8:0x12000"
        dom = Elements(Browser.dom(hovering(path, 2, 0x3ffffff000), fragment))
        self.assertIn("[fork] pid 5 -> 8", dom.text["pos"])
        stack = model.proc(2).pages[0x3ffffff]   # the mouse on pid 2's stack page: its own COW copy
        self.assertIn(f"pid 2 va 0x3ffffff000: pa {stack.pa << 12:#x} cow-copy, not shared", dom.text["tip"])
        self.assertRegex(dom.text["tip"], r"\[fault\] pid 2 pc 0x[0-9a-f]+ addr 0x3ffffff[0-9a-f]{3} store")

        rows = dom.find("g", "row")
        self.assertEqual(sorted(int(r["data-pid"]) for r in rows), list(range(1, 9)))
        for p in model.live():
            cells = [c for c in dom.find("rect", "cell") if c.get("data-pid") == str(p.pid) and "data-pa" in c]
            want = {(hex(v << 12), hex(pg.pa << 12), pg.how, len(model.frames[pg.pa]) > 1)
                    for v, pg in p.pages.items()}
            got = {(c["data-va"], c["data-pa"], c["data-how"], "s" in c["classes"]) for c in cells}
            self.assertEqual(got, want, f"pid {p.pid}")

        links = collections.Counter(link["data-pa"] for link in dom.find("path", "link"))
        want = {hex(ppn << 12): len(users) - 1 for ppn, users in model.shared_frames().items()}
        self.assertEqual(dict(links), want)
        self.assertEqual(len(dom.find("tr", "frame")), len(want))

        page = model.proc(8).pages[0x12]     # pid 5 reused its copy, then forked pid 8
        detail = dom.text["detail"]
        self.assertEqual(page.how, "cow-reuse")
        self.assertIn(f"pid 8 va 0x12000: pa {page.pa << 12:#x} cow-reuse (inherited at fork), shared: 2 mappings",
                      detail)
        self.assertIn("[map] pid 1 va 0x12000 pa", detail)
        self.assertIn("[fork] pid 5 -> 8, 4 pages shared", detail)
        self.assertEqual(len(dom.find("tr", "proc")), 8)

        png = os.path.join(BUILD, "fork3.png")
        if os.path.exists(png):
            os.unlink(png)
        Browser.screenshot(path, fragment, png)
        self.assertGreater(os.path.getsize(png), 10_000)

    def test_pfh2_untouched_page_is_drawn_never_mapped(self):
        text = trace_text("pfh2")
        page = hex(int(text.split("untouched page: ")[1].split()[0], 16))
        path, events = write_page("pfh2", text)
        last_map = max(i for i, e in enumerate(events) if e.tag == "map")
        dom = Elements(Browser.dom(path, f"line={events[last_map].line}"))
        never = {c["data-pid"] for c in dom.find("rect", "never") if c.get("data-va") == page}
        self.assertEqual(never, {"1", "2", "3", "4"})
        self.assertFalse([c for c in dom.find("rect", "cell") if c.get("data-va") == page and "data-pa" in c])

    def test_big_trace_page_draws_few_nodes(self):
        path, events = big_page()
        middle = events[len(events) // 2].line
        dom = Elements(Browser.dom(path, f"line={middle}"))
        self.assertTrue(dom.find("g", "row"))
        self.assertIn("after event", dom.text["pos"])
        self.assertLess(len(dom.find("rect", "cell")), MAX_DRAWN_CELLS)
        self.assertLess(len(dom.tags), 4 * MAX_DRAWN_CELLS)


if __name__ == "__main__":
    unittest.main()
