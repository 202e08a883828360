#!/usr/bin/env python3
"""Builds the fuzzing corpora in OUT/<harness>/ from the repository's
fixtures, the hand-made seeds in tests/fuzz/seeds/ and outputs of RTLINT run
on the fixtures (shard outputs for merge, cache entries and indexes). Made at
fuzz time, so no large copies are committed. What the fuzzer added to OUT in
earlier runs is kept; the seed-NNNN files are rewritten."""
import argparse
import glob
import os
import re
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
HARNESSES = ["lint_ts", "lint_tsx", "learn", "config", "suppress", "baseline",
             "cache_entry", "index", "merge", "fix"]


def fixtures(*exts):
    files = []
    for ext in exts:
        files += glob.glob(os.path.join(ROOT, "fixtures", "**", "*" + ext), recursive=True)
        files += glob.glob(os.path.join(ROOT, "eval", "corpus", "**", "*" + ext), recursive=True)
    return sorted(f for f in files if os.path.isfile(f))


def read(path):
    with open(path, "rb") as f:
        return f.read()


class Corpus:
    def __init__(self, out, name):
        self.dir = os.path.join(out, name)
        os.makedirs(self.dir, exist_ok=True)
        self.n = 0

    def add(self, data):
        self.n += 1
        with open(os.path.join(self.dir, "seed-%04d" % self.n), "wb") as f:
            f.write(data)


def run(rtlint, cwd, *args):
    """rtlint is the sanitized build: a sanitizer report is a failure here too."""
    p = subprocess.run([rtlint, *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        raise SystemExit("corpus: rtlint %s exited %d:\n%s" % (" ".join(args), p.returncode,
                                                               p.stderr.decode(errors="replace")))


def record_fields(data, count):
    """Offset after the magic line and `count` `<len>:<bytes>` strings."""
    p = data.index(b"\n") + 1
    for _ in range(count):
        colon = data.index(b":", p)
        p = colon + 1 + int(data[p:colon])
    return p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("out")
    a = ap.parse_args()
    c = {h: Corpus(a.out, h) for h in HARNESSES}
    for h in HARNESSES:
        for f in sorted(glob.glob(os.path.join(HERE, "seeds", h, "*"))):
            c[h].add(read(f))

    sources = fixtures(".ts", ".tsx")
    for f in sources:
        data = read(f)
        c["lint_tsx" if f.endswith(".tsx") else "lint_ts"].add(data)
        if "UNIFIED_" in data.decode("utf-8", "replace"):
            c["learn"].add(b"\0" + data)
        for m in re.finditer(rb"(//[^\n]*rtlint-[^\n]*|/\*.*?rtlint-.*?\*/)", data, re.S):
            c["suppress"].add(m.group(0))
    # A linted file with the modules it imports (fuzz_lint's NUL-separated layout).
    app = os.path.join(ROOT, "fixtures", "campfire-app")
    std = read(os.path.join(app, "lib", "realtime", "unified-channel-standards.ts"))
    tsconfig = read(os.path.join(app, "tsconfig.json"))
    for f in sources[:20]:
        c["lint_ts"].add(read(f) + b"\0\0\0" + std + b"\0" + tsconfig)
    for f in fixtures(".yaml", ".yml"):
        c["config"].add(read(f))

    with tempfile.TemporaryDirectory() as tmp:
        work = os.path.join(tmp, "app")
        shutil.copytree(app, work)
        outs = {}
        for fmt in ("json", "sarif"):
            for i in (1, 2):
                out = os.path.join(tmp, "%s-%d" % (fmt, i))
                run(a.rtlint, work, "--no-cache", "--format", fmt, "--shard", "%d/2" % i, "-o", out, ".")
                outs[fmt, i] = read(out) if os.path.exists(out) else b""
            c["merge"].add(outs[fmt, 1] + b"\0" + outs[fmt, 2])
        run(a.rtlint, work, "baseline")
        if os.path.exists(os.path.join(work, ".rtlint-baseline.json")):
            c["baseline"].add(read(os.path.join(work, ".rtlint-baseline.json")))
        # Cache entries of cache_sample.ts (the harness supplies their header)
        # and of the sample app; the indexes of a warm run.
        sample = os.path.join(tmp, "sample")
        os.makedirs(sample)
        shutil.copy(os.path.join(HERE, "cache_sample.ts"), os.path.join(sample, "page.ts"))
        for d in (sample, work):
            cache = os.path.join(d, ".cache")
            run(a.rtlint, d, "--cache-dir", cache, ".")
            run(a.rtlint, d, "--cache-dir", cache, ".")
            for e in sorted(glob.glob(os.path.join(cache, "*.entry"))):
                data = read(e)
                c["cache_entry"].add(data[record_fields(data, 4):-18])
            for idx in sorted(glob.glob(os.path.join(cache, "*.idx"))):
                kind = b"\1" if os.path.basename(idx).startswith("dirs-") else b"\0"
                c["index"].add(kind + read(idx))
    for h in HARNESSES:
        print("corpus %-12s %4d seeds" % (h, c[h].n))


if __name__ == "__main__":
    main()
