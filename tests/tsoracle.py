"""The TypeScript compiler as a test oracle (tools/tsoracle, pinned by its
package-lock.json): shared by tests/fix_oracle.py, tests/codemod_snapshots.py
and tests/parse_notices.py."""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = os.path.join(ROOT, "tools", "tsoracle")


def available():
    """node and the pinned typescript package are installed."""
    return shutil.which("node") and os.path.isdir(
        os.path.join(ORACLE, "node_modules", "typescript"))


def skip_unless_available(test):
    """Exit status 77 (ctest: skipped) with a line saying why, or None."""
    if available():
        return None
    print(f"{test}: skipped: node or tools/tsoracle/node_modules/typescript missing "
          "(run tools/install-deps.sh)")
    return 77


def run(script, tree, files):
    """{path: [diagnostic]} from tools/tsoracle/<script> run in tree."""
    if not files:
        return {}
    proc = subprocess.run(["node", os.path.join(ORACLE, script), *files], cwd=tree,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"tools/tsoracle/{script} failed in {tree}: {proc.stderr}")
    return json.loads(proc.stdout)


def command_line(test, default_trees):
    """(rtlint, trees) from --rtlint and --tree (default: default_trees under
    the repository), or the exit status 77 when the oracle is missing."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--tree", action="append", help="check this tree instead of the defaults")
    args = ap.parse_args()
    skipped = skip_unless_available(test)
    if skipped:
        return skipped
    trees = [os.path.abspath(t) for t in args.tree] if args.tree else [
        os.path.join(ROOT, t) for t in default_trees]
    return os.path.abspath(args.rtlint), trees


# "Cannot find name 'Set'. Do you need to change your target library?" (and
# the same for 'dom'): TypeScript knows the name as a global of a standard
# library, which a file compiled alone lacks and every project has.
LIB_GLOBAL_CODES = (2583, 2584)


def new_problems(cases):
    """Failure lines for fixes that broke a file: each case is (label, before,
    after, changed) with `changed` the paths (relative to both trees) a fix
    rewrote or created. Every "Cannot find name 'x'" a changed file has after
    must have been there before (counts per name: lines move, and globals
    such as `console` are unbound in every file without a lib; names
    TypeScript knows from a standard library, LIB_GLOBAL_CODES, are never
    counted), and it must not gain syntax errors. Two node processes for all the cases together:
    starting TypeScript costs more than checking a file."""
    before, after = set(), set()
    for _, old, new, changed in cases:
        for rel in changed:
            if os.path.exists(os.path.join(old, rel)):
                before.add(os.path.join(old, rel))
            after.add(os.path.join(new, rel))
    files = sorted(before | after)
    names = run("names.js", "/", files)
    syntax = run("syntax.js", "/", files)
    failures = []
    for label, old, new, changed in cases:
        for rel in changed:
            had = collections.Counter(d["name"] for d in names.get(os.path.join(old, rel), []))
            seen = collections.Counter()
            for d in names[os.path.join(new, rel)]:
                if d["code"] in LIB_GLOBAL_CODES:
                    continue
                seen[d["name"]] += 1
                if seen[d["name"]] > had[d["name"]]:
                    failures.append(f"{label}: {rel}:{d['line']}:{d['column']}: the fix left "
                                    f"'{d['name']}' unbound: {d['message']}")
            errors_after = syntax[os.path.join(new, rel)]
            if len(errors_after) > len(syntax.get(os.path.join(old, rel), [])):
                first = errors_after[0]
                failures.append(f"{label}: {rel}:{first['line']}:{first['column']}: the fix "
                                f"broke the syntax: {first['message']}")
    return failures
