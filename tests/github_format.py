#!/usr/bin/env python3
"""--format github: errors before warnings (GitHub shows only the first
annotations of each kind per step), then the files not fully checked, and a
closing `::notice title=rtlint::` line whose counts are the JSON summary's."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from checks import check, verdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "fixtures", "campfire-app")


def run(rtlint, cwd, *args):
    p = subprocess.run([rtlint, "--no-cache", *args], cwd=cwd, capture_output=True, text=True)
    return p


def case(rtlint, cwd, name, *args):
    gh = run(rtlint, cwd, "--format", "github", *args)
    js = json.loads(run(rtlint, cwd, "--format", "json", *args).stdout)
    lines = gh.stdout.splitlines()
    kinds = [l.split(" ", 1)[0] for l in lines[:-1]]
    order = {"::error": 0, "::warning": 1, "::notice": 2}
    check(kinds == sorted(kinds, key=order.get), f"{name}: errors, then warnings, then notices")
    s = js["summary"]
    check(kinds.count("::error") == s["errors"] and kinds.count("::warning") == s["warnings"],
          f"{name}: one annotation per finding")
    last = lines[-1] if lines else ""
    check(last.startswith("::notice title=rtlint::"), f"{name}: closes with the summary notice", last)
    total = s["errors"] + s["warnings"]
    if total:
        want = f"{total} problem{'s' if total != 1 else ''} ({s['errors']} error"
        check(want in last and f"{s['warnings']} warning" in last, f"{name}: counts {want}...", last)
    else:
        check("No problems found" in last, f"{name}: says no problems", last)
    if s["notices"]:
        check(re.search(rf"; {s['notices']} notices? \(", last), f"{name}: counts the notices", last)
    return gh


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    gh = case(rtlint, APP, "sample app", ".")
    check(gh.returncode == 1, "sample app: exit 1")
    case(rtlint, APP, "sample app --quiet", "--quiet", ".")
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "ok.ts"), "w") as f:
            f.write("export const answer = 42;\n")
        gh = case(rtlint, tmp, "a clean tree", ".")
        check(gh.returncode == 0 and len(gh.stdout.splitlines()) == 1, "a clean tree: the summary alone")
    return verdict("github format")


if __name__ == "__main__":
    sys.exit(main())
