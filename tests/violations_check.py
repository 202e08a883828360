#!/usr/bin/env python3
"""The sample app's fixtures/campfire-app/VIOLATIONS.md lists every intended
finding as a table row `| path:line | rule | what |`. rtlint must report
exactly those (path, line, rule) triples: nothing missing, nothing extra."""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "fixtures/campfire-app")
ROW = re.compile(r"^\|\s*`([^`]+):(\d+)`\s*\|\s*([a-z-]+)\s*\|")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    expected = set()
    with open(os.path.join(APP, "VIOLATIONS.md")) as f:
        for line in f:
            m = ROW.match(line)
            if m:
                expected.add((m.group(1), int(m.group(2)), m.group(3)))
    out = subprocess.run([os.path.abspath(args.rtlint), "--format", "json", "--no-cache", "."], cwd=APP,
                         capture_output=True, text=True).stdout
    found = {(d["path"], d["start"]["line"], d["rule"]) for d in json.loads(out)["diagnostics"]}
    missing, extra = sorted(expected - found), sorted(found - expected)
    for p, l, r in missing:
        print(f"missing: {p}:{l} {r}")
    for p, l, r in extra:
        print(f"unexpected: {p}:{l} {r}")
    print(f"VIOLATIONS.md: {len(expected)} rows, {len(found & expected)} reported, "
          f"{len(missing)} missing, {len(extra)} unexpected")
    return 1 if missing or extra or not expected else 0


if __name__ == "__main__":
    sys.exit(main())
