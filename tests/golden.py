#!/usr/bin/env python3
"""Golden output tests: runs rtlint as each case in tests/golden/cases.txt says
and compares stdout and the exit code with the reviewed expected file.

Each line of cases.txt: `<name> <directory> <rtlint arguments...>`; the
expected output lives in tests/golden/<name>.out, its first line being
`exit: N`. With --update, rewrites the expected files (review the diff by hand
before committing).

Volatile fields are replaced before comparing: rtlint's own version in
`"version"`/`"semanticVersion"` becomes `<version>`, and the file URI of the
case's directory (SARIF's %SRCROOT%) becomes `file://<cwd>`.
"""
import argparse
import difflib
import os
import shlex
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# Cached results must not leak into the fixtures (or between golden runs).
CACHE_DIR = tempfile.mkdtemp(prefix="rtlint-golden-cache-")


def strip_volatile(text, version, cwd):
    for key in ("version", "semanticVersion"):
        text = text.replace(f'"{key}": "{version}"', f'"{key}": "<version>"')
    return text.replace("file://" + urllib.parse.quote(os.path.realpath(cwd)), "file://<cwd>")


def run_case(rtlint, directory, args):
    env = dict(os.environ, NO_COLOR="1", RTLINT_CACHE_DIR=CACHE_DIR)
    env.pop("FORCE_COLOR", None)  # it would win over NO_COLOR
    cwd = os.path.join(ROOT, directory)
    proc = subprocess.run([os.path.abspath(rtlint)] + args, cwd=cwd,
                          capture_output=True, text=True, env=env)
    version = subprocess.run([os.path.abspath(rtlint), "--version"], capture_output=True,
                             text=True).stdout.split()[1]
    return strip_volatile(f"exit: {proc.returncode}\n" + proc.stdout + (
        ("--- stderr\n" + proc.stderr) if proc.stderr else ""), version, cwd)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--update", action="store_true")
    ap.add_argument("only", nargs="*")
    args = ap.parse_args()
    failed = passed = 0
    with open(os.path.join(HERE, "golden", "cases.txt")) as f:
        cases = [shlex.split(l) for l in f if l.strip() and not l.startswith("#")]
    for name, directory, *rtargs in cases:
        if args.only and name not in args.only:
            continue
        actual = run_case(args.rtlint, directory, rtargs)
        path = os.path.join(HERE, "golden", name + ".out")
        if args.update:
            with open(path, "w") as out:
                out.write(actual)
            print(f"updated {name}")
            continue
        expected = open(path).read() if os.path.exists(path) else ""
        if actual == expected:
            passed += 1
            continue
        failed += 1
        print(f"FAIL {name}: output differs from tests/golden/{name}.out")
        sys.stdout.writelines(difflib.unified_diff(
            expected.splitlines(True), actual.splitlines(True), "expected", "actual"))
    if not args.update:
        print(f"golden: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
