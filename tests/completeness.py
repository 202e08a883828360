#!/usr/bin/env python3
"""Fails when a rule lacks what every rule must have (ESLint's checkRuleFiles):
a doc page whose title is the id and whose summary line matches the registry,
a fixture directory with both flagged (`ruleid:`) and must-not-flag (`ok:`)
cases, and an entry in docs/rules/README.md."""
import argparse
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    out = subprocess.run([args.rtlint, "rules", "--format", "json"], capture_output=True,
                         text=True, check=True).stdout
    rows = [(r["id"], r["summary"]) for r in json.loads(out)]
    problems = []
    index = open(os.path.join(ROOT, "docs/rules/README.md")).read()
    for row in rows:
        rule, summary = row
        doc = os.path.join(ROOT, "docs/rules", rule + ".md")
        if not os.path.exists(doc):
            problems.append(f"{rule}: no docs/rules/{rule}.md")
        else:
            lines = open(doc).read().splitlines()
            if lines[0] != f"# {rule}":
                problems.append(f"{rule}: doc title is not '# {rule}'")
            if summary not in lines:
                problems.append(f"{rule}: registry summary not in the doc page: {summary!r}")
        if f"({rule}.md)" not in index:
            problems.append(f"{rule}: missing from docs/rules/README.md")
        fixtures = os.path.join(ROOT, "fixtures/rules", rule)
        text = ""
        for dirpath, _, files in os.walk(fixtures):
            for name in files:
                if name.endswith((".ts", ".tsx")):
                    text += open(os.path.join(dirpath, name)).read()
        if f"ruleid: {rule}" not in text:
            problems.append(f"{rule}: fixtures/rules/{rule} has no flagged case (ruleid:)")
        if f"ok: {rule}" not in text:
            problems.append(f"{rule}: fixtures/rules/{rule} has no must-not-flag case (ok:)")
    for p in problems:
        print(p)
    print(f"completeness: {len(rows)} rules, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
