"""test_ktrace.py: unit tests of the trace parser and the replay model (test/ktrace.py).

They read the committed console transcripts in test/traces/ (PFH1, PFH2, FORK1-3, MMAP1, as `make run`
prints them) and check what a student reading those traces would check by hand: who exists after which
fork, which frames each pair of processes shares, what a COW write changes, which page is never mapped.
Run with `PYTHONPATH=test python3 -m unittest test_ktrace test_view` (make test does).
"""
import itertools
import os
import re
import unittest

import ktrace

TRACES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "traces")
PAGE = 1 << ktrace.PAGE_SHIFT


def load(name):
    with open(os.path.join(TRACES, name + ".log"), newline="") as f:
        return f.read()


def events(name):
    return ktrace.parse(load(name))


def index_of(evs, tag, nth=0, **fields):
    """Index of the nth event with this tag whose fields match."""
    hits = [i for i, e in enumerate(evs) if e.tag == tag and all(e.f.get(k) == v for k, v in fields.items())]
    return hits[nth]


class ParserTest(unittest.TestCase):
    def test_committed_traces_parse_completely(self):
        for name in ("pfh1", "pfh2", "fork1", "fork2", "fork3", "mmap1"):
            with self.subTest(name):
                evs = events(name)
                self.assertEqual(evs[0].tag, "boot")
                self.assertEqual(evs[-1].tag, "mm")
                self.assertEqual(evs[-1].f["before"], evs[-1].f["after"])

    def test_fields_are_typed(self):
        ev = next(e for e in events("fork3") if e.tag == "fork")
        self.assertEqual((ev.pid, ev.f["child"], ev.f["shared"]), (1, 2, 4))
        cow = next(e for e in events("fork3") if e.tag == "cow")
        self.assertEqual(cow.f["how"][:7], "copy of")
        self.assertEqual(cow.f["va"] % PAGE, 0)
        self.assertIsInstance(cow.f["old"], int)
        mm = [e for e in events("mmap1") if e.tag == "mmap"]
        self.assertEqual([(m.f["share"], m.f["file"], m.f["prot"]) for m in mm],
                         [("shared", "mmap1.dat", 3), ("private", "mmap1.dat", 3)])

    def test_user_output_is_skipped_and_counted_lines_are_real(self):
        text = load("fork3")
        evs = ktrace.parse(text)
        lines = text.split("\n")
        for e in evs:
            self.assertEqual(lines[e.line - 1].rstrip("\r"), e.text)
        self.assertFalse(any(e.text.startswith("[U]") for e in evs))
        self.assertIn("[U] pid: 1 is running! global_variable: 0", text)

    def test_kernel_line_after_user_output_without_newline(self):
        ev = ktrace.parse_line("partial user text[fault] pid 3 pc 0x10250 addr 0x3ffffffec0 store", 7)
        self.assertEqual((ev.tag, ev.pid, ev.f["addr"], ev.line), ("fault", 3, 0x3ffffffec0, 7))
        self.assertIsNone(ktrace.parse_line("user says [map] hello", 1))
        self.assertIsNone(ktrace.parse_line("[U-MODE] pid: 2, sp is 0x3ffffffeb0", 1))

    def test_crlf_console(self):
        self.assertEqual(len(ktrace.parse(load("pfh1").replace("\n", "\r\n"))), len(events("pfh1")))

    def test_malformed_kernel_line_names_its_line(self):
        lines = load("fork3").split("\n")
        n = next(i for i, l in enumerate(lines) if l.startswith("[map] "))
        lines[n] = lines[n].replace(" pa 0x", " pa 0xzz")
        with self.assertRaisesRegex(ktrace.TraceError, rf"^line {n + 1}: malformed \[map\] line"):
            ktrace.parse("\n".join(lines))

    def test_truncated_trace_is_refused(self):
        lines = load("fork3").split("\n")
        cut = "\n".join(lines[:120])
        last = max(i for i, l in enumerate(lines[:120], 1) if ktrace.parse_line(l, i))
        with self.assertRaisesRegex(ktrace.TraceError, rf"truncated: the last kernel line \(line {last}:"):
            ktrace.parse(cut)
        self.assertGreater(len(ktrace.parse(cut, complete=False)), 10)
        half_line = "\n".join(lines[:119] + [lines[119][:12]])
        if ktrace.TAG.match(half_line.split("\n")[-1]):
            with self.assertRaisesRegex(ktrace.TraceError, r"^line 120: malformed"):
                ktrace.parse(half_line)

    def test_not_a_trace(self):
        with self.assertRaisesRegex(ktrace.TraceError, r"no \[boot\] line"):
            ktrace.parse("hello\nworld\n")

    def test_runner_patterns_come_from_here(self):
        out = load("pfh1")
        m = ktrace.ACCOUNTING.search(out)
        self.assertEqual(m.group(1), m.group(2))
        self.assertTrue(ktrace.MEMSTAT.search(
            "[mm] user memory: peak 21 pages in use; needed 16 (written 3 + read-only 3 + page tables 10)"))

    def test_every_documented_format_has_a_readme_example_that_parses(self):
        readme = os.path.join(os.path.dirname(TRACES), "..", "README.md")
        with open(readme) as f:
            readme_text = f.read()
        rows = re.findall(r"^\| `(\[[a-z]+\] [^`]*)`(?: <br> `([^`]*)`)?", readme_text, re.M)
        for example, regex in rows:         # the README's own pattern for the line matches its example
            if regex and "..." not in example:
                self.assertRegex(example.split("` / `")[0], regex.replace("\\|", "|"))
        examples = [example for example, _ in rows]
        examples += re.findall(r"^    (\[(?:maps|pgtable)\] .*)$", readme_text, re.M)    # the DUMP=1 example
        tags = set()
        for ex in examples:
            for one in ex.split("` / `"):
                ev = ktrace.parse_line(one, 1)
                if ev is None and "..." in one:     # an elided example such as "[exec] ..."
                    continue
                self.assertIsNotNone(ev, one)
                tags.add(ev.tag)
        self.assertGreaterEqual(tags, {"boot", "switch", "exec", "vma", "fault", "map", "cow", "fork", "mmap",
                                       "munmap", "kill", "exit", "mm", "panic", "maps", "pgtable", "init", "madvise", "budget"})


class ModelTest(unittest.TestCase):
    def test_committed_traces_replay_without_disagreement(self):
        for name in ("pfh1", "pfh2", "fork1", "fork2", "fork3", "mmap1"):
            with self.subTest(name):
                m = ktrace.Model(events(name)).run()
                self.assertEqual(m.warnings, [])
                self.assertEqual(m.frames, {}, "every page is released when the last process exits")
                self.assertTrue(all(not p.alive for p in m.procs))

    def test_fork3_after_the_last_fork(self):
        evs = events("fork3")
        last_fork = index_of(evs, "fork", nth=-1)
        self.assertEqual((evs[last_fork].pid, evs[last_fork].f["child"]), (5, 8))
        m = ktrace.Model(evs).run(last_fork + 1)
        live = m.live()
        self.assertEqual(sorted(p.pid for p in live), list(range(1, 9)))
        parents = {p.pid: p.parent for p in live}
        self.assertEqual(parents, {1: 0, 2: 1, 3: 1, 4: 1, 5: 2, 6: 2, 7: 3, 8: 5})
        text = {pg.pa for va, pg in m.proc(1).pages.items() if va << ktrace.PAGE_SHIFT < 0x12000}
        self.assertEqual(len(text), 2)
        for a, b in itertools.combinations(live, 2):
            shared = m.shared_between(a, b)
            with self.subTest(pair=(a.pid, b.pid)):
                if (a.pid, b.pid) == (5, 8):    # just forked: all four of 5's pages, write-protected in both
                    self.assertEqual(shared, {pg.pa for pg in a.pages.values()})
                    self.assertEqual(len(shared), 4)
                else:                           # every other pair: only the two read-only program pages
                    self.assertEqual(shared, text)

    def test_fork3_first_fork_shares_everything_until_cow(self):
        evs = events("fork3")
        fork = index_of(evs, "fork", pid=1, child=2)
        m = ktrace.Model(evs).run(fork + 1)
        one, two = m.proc(1), m.proc(2)
        self.assertEqual(len(m.shared_between(one, two)), evs[fork].f["shared"])
        self.assertTrue(all(pg.inherited for pg in two.pages.values()))
        cow = index_of(evs, "cow", pid=1)
        m.run(cow + 1)
        stack = evs[cow].f["va"] >> ktrace.PAGE_SHIFT
        self.assertEqual(one.pages[stack].how, "cow-copy")
        self.assertEqual(one.pages[stack].pa << ktrace.PAGE_SHIFT, evs[cow].f["pa"])
        self.assertEqual(two.pages[stack].pa << ktrace.PAGE_SHIFT, evs[cow].f["old"])
        self.assertEqual(len(m.shared_between(one, two)), evs[fork].f["shared"] - 1)

    def test_fork3_summary_counts(self):
        evs = events("fork3")
        m = ktrace.Model(evs).run()
        cows = [e for e in evs if e.tag == "cow"]
        self.assertEqual(sum(p.mapped["cow-copy"] + p.mapped["cow-reuse"] for p in m.procs), len(cows))
        self.assertEqual(sum(p.mapped["cow-reuse"] for p in m.procs), sum(e.f["how"] == "reuse" for e in cows))
        self.assertEqual(sum(sum(p.faults.values()) for p in m.procs), sum(e.tag == "fault" for e in evs))
        self.assertEqual([p.state for p in m.procs], ["exited with 0"] * 8)
        self.assertEqual(max(p.peak for p in m.procs), 4)

    def test_pfh2_untouched_page_is_never_mapped(self):
        text = load("pfh2")
        page = int(re.search(r"^untouched page: (0x[0-9a-f]+)\r?$", text, re.M).group(1), 16)
        evs = ktrace.parse(text)
        m = ktrace.Model(evs)
        vpn = page >> ktrace.PAGE_SHIFT
        while m.pos < len(evs):
            for d in m.apply():
                self.assertFalse(d[0] == ktrace.D_SET and d[2] == vpn)
            for p in m.live():
                self.assertNotIn(vpn, p.pages)
        self.assertEqual(len(m.procs), 4)
        for p in m.procs:      # inside a VMA (the .bss) of every process: mappable, never touched
            self.assertTrue(any(s <= page < e for s, e, _, _ in p.vmas), p.pid)

    def test_pfh1_processes_share_only_program_pages(self):
        evs = events("pfh1")
        m = ktrace.Model(evs)
        while m.pos < len(evs):
            m.apply()
            for ppn, users in m.shared_frames().items():
                hows = {m.procs[i].pages[v].how for i, v in users}
                self.assertLessEqual(hows, {"file", "zero"}, hex(ppn << ktrace.PAGE_SHIFT))

    def test_fork2_written_page_shared_then_copied(self):
        evs = events("fork2")
        fork = index_of(evs, "fork")
        m = ktrace.Model(evs).run(fork + 1)
        parent, child = m.proc(evs[fork].pid), m.proc(evs[fork].f["child"])
        self.assertEqual(len(m.shared_between(parent, child)), evs[fork].f["shared"])
        m.run()
        self.assertEqual([p.state for p in m.procs], ["exited with 0", "exited with 0"])
        self.assertGreaterEqual(sum(p.mapped["cow-copy"] + p.mapped["cow-reuse"] for p in m.procs), 2)

    def test_fork1_child_is_drawn_as_a_child(self):
        m = ktrace.Model(events("fork1")).run()
        self.assertEqual([(p.pid, p.parent, p.parent_index) for p in m.procs], [(1, 0, -1), (2, 1, 0)])

    def test_mmap1_file_page_shared_then_privately_copied(self):
        evs = events("mmap1")
        mmaps = [e for e in evs if e.tag == "mmap"]
        shared_va, private_va = mmaps[0].f["start"] >> 12, mmaps[1].f["start"] >> 12
        cow = index_of(evs, "cow", pid=1, va=private_va << 12)
        m = ktrace.Model(evs).run(cow)
        one = m.proc(1)
        self.assertEqual(one.pages[shared_va].pa, one.pages[private_va].pa)   # the file's page, twice
        self.assertEqual(one.pages[shared_va].how, "file")
        self.assertEqual(len(m.shared_frames()[one.pages[shared_va].pa]), 2)
        m.run(cow + 1)
        self.assertEqual(one.pages[private_va].how, "cow-copy")
        self.assertNotEqual(one.pages[shared_va].pa, one.pages[private_va].pa)
        fork = index_of(evs, "fork")
        m.run(fork + 1)
        two = m.proc(2)
        self.assertIn(one.pages[shared_va].pa, m.shared_between(one, two))
        self.assertEqual({v[3] for v in two.vmas if v[3].startswith("mmap")}, {"mmap mmap1.dat"})
        m.run()
        self.assertEqual([v for v in one.vmas if v[3].startswith("mmap")], [], "both maps unmapped")

    def test_madvise_kill_and_budget_lines(self):
        text = "\n".join(["[boot] init=x copies=1, 100 free pages", "[exec] pid 1 x entry 0x10000",
                          "[mmap] pid 1 0x20000-0x22000 prot 3 private anon off 0x0",
                          "[fault] pid 1 pc 0x10000 addr 0x20000 store", "[map] pid 1 va 0x20000 pa 0x80001000 rw- anon",
                          "[fault] pid 1 pc 0x10000 addr 0x21000 store", "[map] pid 1 va 0x21000 pa 0x80002000 rw- anon",
                          "[madvise] pid 1 0x21000-0x22000 dontneed", "[kill] pid 1 SIGUSR1",
                          "[exit] pid 1 killed by SIGUSR1",
                          "[budget] 5000 instructions of guest time used, budget 4000: powering off"])
        evs = ktrace.parse(text)
        m = ktrace.Model(evs).run(8)
        self.assertEqual(sorted(m.proc(1).pages), [0x20])          # dontneed dropped 0x21000, kept the VMA
        self.assertEqual(m.proc(1).vmas[0][:2], [0x20000, 0x22000])
        m.run()
        self.assertEqual((m.procs[0].state, m.procs[0].kill), ("killed by SIGUSR1", {"pid": 1, "sig": "SIGUSR1"}))
        self.assertTrue(m.panic.startswith("[budget]"))
        self.assertEqual(m.frames, {})

    def test_vma_lines_give_text_data_bss_heap_stack(self):
        evs = events("fork3")
        m = ktrace.Model(evs).run(index_of(evs, "fault"))
        labels = [v[3] for v in m.proc(1).vmas]
        self.assertEqual(labels, ["text", "bss", "stack"])
        self.assertEqual(m.proc(1).heap[0], m.proc(1).heap[1])     # empty until brk grows it


if __name__ == "__main__":
    unittest.main()
