#!/usr/bin/env python3
"""Two shard outputs of N identical findings at one position (differing only in
their message), as several shards report a finding located in a file they
share: what made `rtlint merge` compare serialized JSON on every sort step.

    bench/merge_input.py --rtlint PATH --count N --out DIR   -> DIR/shard1.json, DIR/shard2.json
"""
import argparse
import copy
import json
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    a.rtlint = os.path.abspath(a.rtlint)
    run = subprocess.run([a.rtlint, "--no-cache", "--format", "json", "."], capture_output=True,
                         text=True, cwd=os.path.join(ROOT, "fixtures", "campfire-app"))
    log = json.loads(run.stdout)
    one = log["diagnostics"][0]
    log["diagnostics"] = []
    for i in range(a.count):
        d = copy.deepcopy(one)
        d["message"] = f"{one['message']} ({i})"
        log["diagnostics"].append(d)
    os.makedirs(a.out, exist_ok=True)
    for name in ("shard1.json", "shard2.json"):
        with open(os.path.join(a.out, name), "w") as f:
            json.dump(log, f)


if __name__ == "__main__":
    main()
