#!/usr/bin/env python3
"""Fails when a rule lacks what every rule must have (ESLint's checkRuleFiles):
a doc page whose title is the id and whose summary line matches the registry,
a fixture directory with both flagged (`ruleid:`) and must-not-flag (`ok:`)
cases, reviewed snapshots of its messages (expected.messages) and, when the
rule has a fix, of what the fix writes (expected.diff), and an entry in
docs/rules/README.md. src/rules/rules.def must stay sorted by id (the order of
`rtlint rules`, the SARIF rule table and its ruleIndex)."""
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
    registry = json.loads(out)
    rows = [(r["id"], r["summary"]) for r in registry]
    problems = []
    ids = [r["id"] for r in registry]
    if ids != sorted(ids):
        problems.append("src/rules/rules.def is not sorted by rule id: "
                        + ", ".join(a + " before " + b for a, b in zip(ids, ids[1:]) if a > b))
    for r in registry:
        folder = os.path.join(ROOT, "fixtures/rules", r["id"])
        if not os.path.exists(os.path.join(folder, "expected.messages")):
            problems.append(f"{r['id']}: fixtures/rules/{r['id']}/expected.messages is missing")
        has_diff = os.path.exists(os.path.join(folder, "expected.diff"))
        if r["fix"] != "none" and not has_diff:
            problems.append(f"{r['id']}: has a fix but no fix snapshot "
                            f"(fixtures/rules/{r['id']}/expected.diff)")
        if r["fix"] == "none" and has_diff:
            problems.append(f"{r['id']}: has no fix but an expected.diff")
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
