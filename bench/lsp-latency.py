#!/usr/bin/env python3
"""rtlint lsp: time from didChange to publishDiagnostics for one component of
about 300 lines in the 3k-file tree (bench/gen.py), p50 and p95 over --edits
edits (default 1,000), each waited for; then RSS after 100 edits and after
--rss-edits edits (default 10,000). Edits alternate between typing a
character and deleting it at random places, so the text stays the same size.
  bench/lsp-latency.py [--rtlint build/rtlint] [--tree DIR] [--file REL]
--tree defaults to bench/run's 3k tree (bench/work/t3k), generated when missing."""
import argparse
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from lsp_client import LspClient, utf16_pos  # noqa: E402


def pick_component(tree):
    """A realtime component of 280-330 lines, the first in sorted order."""
    for dirpath, dirs, files in sorted(os.walk(os.path.join(tree, "components"))):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(dirpath, f)
            if not f.endswith(".tsx"):
                continue
            with open(p, encoding="utf-8") as fh:
                text = fh.read()
            if 280 <= text.count("\n") <= 330 and ".channel(" in text:
                return os.path.relpath(p, tree)
    sys.exit("no 300-line realtime component in " + tree)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", default=os.path.join(ROOT, "build/rtlint"))
    ap.add_argument("--tree")
    ap.add_argument("--file")
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--rss-edits", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    tree = args.tree or os.path.join(ROOT, "bench/work/t3k")
    if not os.path.isdir(tree):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen.py"), "--files", "3000",
                        "--out", tree, "--seed", "1"], check=True)
    rel = args.file or pick_component(tree)
    uri = "file://" + os.path.join(os.path.abspath(tree), rel)
    with open(os.path.join(tree, rel), encoding="utf-8") as f:
        text = f.read()
    rng = random.Random(args.seed)
    c = LspClient([os.path.abspath(args.rtlint), "lsp"], cwd=tree)
    c.initialize({"debounceMs": 0})
    c.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "typescriptreact", "version": 1, "text": text}})
    _, first = c.publication(uri, 1)
    lat, rss = [], {}
    cpu0 = c.cpu_seconds()
    cpu_latency = None
    typed = None  # index of the character typed last, deleted next
    total = max(args.edits, args.rss_edits)
    for v in range(2, total + 2):
        if typed is None:
            i = rng.randrange(len(text))
            change = {"range": {"start": utf16_pos(text, i), "end": utf16_pos(text, i)}, "text": "x"}
            text = text[:i] + "x" + text[i:]
            typed = i
        else:
            i = typed
            change = {"range": {"start": utf16_pos(text, i), "end": utf16_pos(text, i + 1)}, "text": ""}
            text = text[:i] + text[i + 1:]
            typed = None
        t0 = c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                                 "contentChanges": [change]})
        t1, _ = c.publication(uri, v)
        if v - 1 <= args.edits:
            lat.append((t1 - t0) * 1000)
        if v - 1 == args.edits:
            cpu_latency = c.cpu_seconds() - cpu0
        if v - 1 in (100, args.rss_edits):
            rss[v - 1] = c.rss_kib()
    c.shutdown()
    print(f"file: {rel} ({text.count(chr(10))} lines, {len(first['params']['diagnostics'])} diagnostics)")
    print(f"didChange -> publishDiagnostics over {len(lat)} edits: p50 {pct(lat, 50):.1f} ms, "
          f"p95 {pct(lat, 95):.1f} ms, max {max(lat):.1f} ms; the server's CPU time "
          f"{cpu_latency / len(lat) * 1000:.1f} ms per edit (independent of the machine's load)")
    if 100 in rss and args.rss_edits in rss:
        a, b = rss[100], rss[args.rss_edits]
        print(f"RSS after 100 edits {a / 1024:.1f} MiB, after {args.rss_edits} edits {b / 1024:.1f} MiB "
              f"({(b - a) / a * 100:+.1f}%)")


if __name__ == "__main__":
    main()
