#!/usr/bin/env python3
"""The prefilter and the thread count must never change results: lints each
tree with the prefilter on and off and with 1 and 4 threads, and compares the
diagnostics (every field) across the four runs."""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TREES = ["fixtures/campfire-app", "eval/corpus", "fixtures/rules"]
VARIANTS = [["-j", "1"], ["-j", "4"], ["-j", "1", "--no-prefilter"], ["-j", "4", "--no-prefilter"]]


def run(rtlint, tree, extra):
    proc = subprocess.run([os.path.abspath(rtlint), "--format", "json", "--no-cache", *extra, "."], cwd=os.path.join(ROOT, tree),
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rtlint failed on {tree}: {proc.stderr}")
    return json.loads(proc.stdout)["diagnostics"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    failed = 0
    for tree in TREES:
        results = [run(args.rtlint, tree, v) for v in VARIANTS]
        if not results[0]:
            print(f"FAIL {tree}: no diagnostics at all; the comparison would prove nothing")
            failed += 1
        for variant, result in zip(VARIANTS[1:], results[1:]):
            if result != results[0]:
                print(f"FAIL {tree}: {' '.join(variant)} differs from -j 1 "
                      f"({len(result)} vs {len(results[0])} diagnostics)")
                failed += 1
        print(f"{tree}: {len(results[0])} diagnostics, identical in {len(VARIANTS)} runs")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
