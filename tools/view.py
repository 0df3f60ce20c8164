#!/usr/bin/env python3
"""view.py: draw a kernel trace (LOG=1 console) as one self-contained HTML page.

    tools/view.py TRACE [-o OUT.html] [--name NAME]

The page (tools/view.html, filled with this script's data) shows every process's address space on one
segmented axis, the frames processes share and lines between the rows that share them, a timeline that
replays the trace to any event, and a per-process summary. test/ktrace.py reads and replays the trace;
this script lays out the axis and packs the replay's deltas for the page's script. Standard library only.
Exits 1 with the trace's line number when the trace is malformed or truncated.
"""
import argparse
import bisect
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "test"))
import ktrace  # noqa: E402

TEMPLATE = os.path.join(HERE, "view.html")
NOT_ON_TIMELINE = {"switch", "maps", "pgtable"}   # scheduling and dumps change no mapping
SMALL_GAP = 3        # untouched runs up to this many pages are drawn page by page ("never mapped")
RUN_CELLS = 48       # a touched run longer than this is drawn as this many bins
REGION_COLS = 160    # most columns one region may take before nearby touched runs are merged
COL_PAGE, COL_BIN, COL_GAP = 0, 1, 2
ADDR_TAGS = {"fault": "addr", "map": "va", "cow": "va", "kill": "addr"}


def replay(events):
    """Replay every event. Returns (model, timeline rows, deltas per row, peak (frames, row))."""
    model = ktrace.Model(events)
    tags = list(ktrace.FORMATS)
    rows, deltas, peak = [], [], (0, 0)
    for ev in events:
        d = model.apply()
        if ev.tag in NOT_ON_TIMELINE:
            assert not d, ev
            continue
        p = model.proc(ev.pid) if ev.pid is not None else None
        key = ADDR_TAGS.get(ev.tag)
        rows.append([ev.line, p.index if p else -1, tags.index(ev.tag),
                     ev.f[key] >> ktrace.PAGE_SHIFT if key in ev.f else -1])
        deltas.append(d)
        if len(model.frames) > peak[0]:
            peak = (len(model.frames), len(rows))
    return model, rows, deltas, peak


def spans_and_pages(deltas):
    """Every VMA span (in pages, with its label) and every page number ever mapped, over the trace."""
    spans, touched = {}, set()
    for d in deltas:
        for x in d:
            if x[0] == ktrace.D_VMAS:
                for s, e, _perm, label in x[2]:
                    if e > s:
                        spans.setdefault((s >> ktrace.PAGE_SHIFT, e >> ktrace.PAGE_SHIFT), label)
            elif x[0] == ktrace.D_SET:
                touched.add(x[2])
    return spans, sorted(touched)


def regions_of(spans, touched):
    """Merge overlapping spans (and touched pages outside them) into [start, end, labels] regions."""
    items = sorted((s, e, lab) for (s, e), lab in spans.items())
    starts = [s for s, _, _ in items]
    for v in touched:
        i = bisect.bisect_right(starts, v) - 1
        if not any(s <= v < e for s, e, _ in items[max(0, i - 8):i + 1]):
            items.append((v, v + 1, "unknown"))
    items.sort()
    regions = []
    for s, e, lab in items:
        if regions and s < regions[-1][1]:
            regions[-1][1] = max(regions[-1][1], e)
            if lab not in regions[-1][2]:
                regions[-1][2].append(lab)
        else:
            regions.append([s, e, [lab]])
    return regions


def touched_runs(pages, merge_gap):
    """Runs [first, last] of sorted page numbers, joining runs separated by at most merge_gap pages."""
    runs = []
    for v in pages:
        if runs and v - runs[-1][1] <= merge_gap + 1:
            runs[-1][1] = v
        else:
            runs.append([v, v])
    return runs


def region_columns(s, e, pages):
    """Columns [first page, pages, type] covering region [s, e) whose touched pages are `pages`."""
    merge_gap = 0
    while True:
        cols, cur = [], s
        for a, b in touched_runs(pages, merge_gap):
            cols += gap_columns(cur, a)
            n = b + 1 - a
            if n <= RUN_CELLS:
                cols += [[v, 1, COL_PAGE] for v in range(a, b + 1)]
            else:
                step = -(-n // RUN_CELLS)
                cols += [[v, min(step, b + 1 - v), COL_BIN] for v in range(a, b + 1, step)]
            cur = b + 1
        cols += gap_columns(cur, e)
        if len(cols) <= REGION_COLS:
            return cols
        merge_gap = merge_gap * 2 + 1


def gap_columns(a, b):
    """Never-touched pages [a, b): one column each when few, else one gap column."""
    if b - a <= SMALL_GAP:
        return [[v, 1, COL_PAGE] for v in range(a, b)]
    return [[a, b - a, COL_GAP]]


def build_axis(spans, touched):
    """The shared x axis: columns (sorted, each inside one region) and regions [first col, end col, label]."""
    cols, regions = [], []
    for s, e, labels in regions_of(spans, touched):
        lo, hi = bisect.bisect_left(touched, s), bisect.bisect_left(touched, e)
        first = len(cols)
        cols += region_columns(s, e, touched[lo:hi])
        regions.append([first, len(cols), "+".join(labels), s, e])
    return cols, regions


def summary(model):
    """One row per process: pid, program, parent, end state, faults by kind, pages mapped by how, peak."""
    return [{"pid": p.pid, "comm": p.comm, "parent": p.parent, "state": p.state, "faults": p.faults,
             "mapped": p.mapped, "peak": p.peak,
             "kill": p.kill and f"{p.kill['sig']} ({p.kill.get('cause', 'a signal')})"} for p in model.procs]


def page_data(name, source, events, nlines):
    """Everything the page draws, as one JSON-able dict."""
    model, rows, deltas, peak = replay(events)
    spans, touched = spans_and_pages(deltas)
    cols, regions = build_axis(spans, touched)
    by_line = {e.line: e.text for e in events}
    return {
        "name": name, "source": source, "lines": nlines, "tags": list(ktrace.FORMATS), "hows": ktrace.HOWS,
        "procs": [[p.pid, p.comm, p.parent, p.parent_index] for p in model.procs],
        "ev": rows, "text": [by_line[r[0]] for r in rows], "d": deltas,
        "cols": cols, "regions": regions, "start": peak[1], "peakFrames": peak[0],
        "free": model.free, "memstat": model.memstat and model.memstat.get("detail") and
        f"peak {model.memstat['peak']} pages in use; needed {model.memstat['needed']} ({model.memstat['detail']})",
        "panic": model.panic, "warnings": model.warnings[:50], "boot": model.boot, "summary": summary(model),
    }


def render(data):
    """The template with the data inlined (</script> cannot occur inside the JSON)."""
    with open(TEMPLATE, encoding="utf-8") as f:
        html = f.read()
    blob = json.dumps(data, separators=(",", ":")).replace("</", "<\\/")
    return html.replace("{{TITLE}}", data["name"]).replace("{{DATA}}", blob)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("trace", help="console transcript of a LOG=1 kernel run")
    ap.add_argument("-o", "--out", help="output HTML (default build/view/<name>.html)")
    ap.add_argument("--name", help="title (default: the trace's base name)")
    args = ap.parse_args()
    name = args.name or os.path.splitext(os.path.basename(args.trace))[0]
    out = args.out or os.path.join("build", "view", name + ".html")
    t0 = time.time()
    try:
        with open(args.trace, encoding="utf-8", errors="replace", newline="") as f:
            text = f.read()
        events = ktrace.parse(text)
    except (OSError, ktrace.TraceError) as e:
        sys.exit(f"view: {args.trace}: {e}")
    html = render(page_data(name, os.path.basename(args.trace), events, text.count("\n")))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(html)
    print(f"view: {out} ({len(events)} kernel lines, {len(html) // 1024} KiB, {time.time() - t0:.1f} s)")


if __name__ == "__main__":
    main()
