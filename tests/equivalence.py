#!/usr/bin/env python3
"""The prefilter, the thread count and the cache must never change results:
lints each tree with the prefilter on and off, with 1 and 4 threads, and
twice with a cache (the second run takes findings from it and skips the
unchanged files without needles), and compares the diagnostics (every field)
across the runs. Every variant runs several times (REPEAT) and every run
must give the same bytes: fixtures/determinism is a tree whose answer once
depended on which caller of a shared builder a thread reached first."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TREES = ["fixtures/campfire-app", "eval/corpus", "fixtures/rules", "fixtures/determinism",
         "fixtures/flow", "eval/layered"]
REPEAT = {"fixtures/determinism": 8, "fixtures/flow": 4}
DEFAULT_REPEAT = 2
CACHE = "{cache}"
VARIANTS = [["-j", "1"], ["-j", "4"], ["-j", "1", "--no-prefilter"], ["-j", "4", "--no-prefilter"],
            ["-j", "4", "--cache-dir", CACHE], ["-j", "4", "--cache-dir", CACHE]]


def run(rtlint, tree, extra, cache):
    if CACHE in extra:
        extra = [cache if a == CACHE else a for a in extra]
    else:
        extra = ["--no-cache", *extra]
    proc = subprocess.run([os.path.abspath(rtlint), "--format", "json", *extra, "."],
                          cwd=os.path.join(ROOT, tree), capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rtlint failed on {tree}: {proc.stderr}")
    return proc.stdout


def baseline_round_trips(rtlint, tree, times):
    """`rtlint --baseline` right after `rtlint baseline` finds nothing new, at
    any -j: fingerprints (occurrence counters included) are a pure function
    of the input."""
    failures = 0
    with tempfile.TemporaryDirectory(prefix="rtlint-equivalence-baseline-") as tmp:
        work = os.path.join(tmp, "tree")
        shutil.copytree(os.path.join(ROOT, tree), work, symlinks=True)
        for attempt in range(times):
            jobs = str(1 + attempt % 4)
            base = os.path.join(tmp, f"baseline-{attempt}.json")
            take = subprocess.run([os.path.abspath(rtlint), "baseline", "--no-cache", "-j", jobs,
                                   "--baseline", base, "."], cwd=work, capture_output=True,
                                  text=True)
            if take.returncode != 0:
                sys.exit(f"rtlint baseline failed on {tree}: {take.stderr}")
            check = subprocess.run([os.path.abspath(rtlint), "--no-cache", "-j",
                                    str(4 - attempt % 4), "--baseline", base, "."], cwd=work,
                                   capture_output=True, text=True)
            if check.returncode != 0:
                print(f"FAIL {tree}: --baseline right after baseline (-j {jobs}) exits "
                      f"{check.returncode}:\n{check.stdout}")
                failures += 1
    print(f"{tree}: baseline then --baseline clean in {times} rounds"
          if not failures else f"{tree}: {failures} baseline rounds failed")
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    failed = 0
    for tree in TREES:
        cache = tempfile.mkdtemp(prefix="rtlint-equivalence-")
        try:
            outputs = [run(args.rtlint, tree, v, cache)
                       for _ in range(REPEAT.get(tree, DEFAULT_REPEAT)) for v in VARIANTS]
        finally:
            shutil.rmtree(cache)
        if len(set(outputs)) != 1:
            print(f"FAIL {tree}: {len(set(outputs))} different outputs in {len(outputs)} runs")
            failed += 1
        results = [json.loads(o)["diagnostics"] for o in outputs[:len(VARIANTS)]]
        if not results[0]:
            print(f"FAIL {tree}: no diagnostics at all; the comparison would prove nothing")
            failed += 1
        for variant, result in zip(VARIANTS[1:], results[1:]):
            if result != results[0]:
                print(f"FAIL {tree}: {' '.join(variant)} differs from -j 1 "
                      f"({len(result)} vs {len(results[0])} diagnostics)")
                failed += 1
        print(f"{tree}: {len(results[0])} diagnostics, identical in {len(outputs)} runs")
    failed += baseline_round_trips(args.rtlint, "fixtures/determinism", 8)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
