#!/usr/bin/env python3
"""A fix never leaves a name unbound or the syntax broken, with the TypeScript
checker as the oracle, and a second run changes nothing.

For each tree (the sample app, the evaluation corpora, fixtures/fix-oracle and
the input/ of every codemod snapshot under fixtures/codemods, or those given
with --tree) and for each of `--fix` and `--fix-suggestions`: copy the tree
to a temporary directory (a git work tree, so that .gitignore applies as in
the original), run rtlint on the copy, and compile every file it changed
(a multi-file fix's other files included: the whole tree is compared) alone,
before and after, with tools/tsoracle/names.js (no lib, imports
unresolved). Every "Cannot find name 'x'" the file has after the fix must have
been there before (compared as counts per name: lines move, and globals such
as `console` are unbound in every file without a lib). A changed file must not
gain TypeScript syntax errors either (tools/tsoracle/syntax.js). Then the same
mode again on the fixed copy must change no file (what one run leaves, such as
overlapping fixes deferred to the next run, is named).

fixtures/fix-oracle must see at least one change per mode, or the test would
prove nothing. The oracle runs once for all trees together (starting
TypeScript is most of its cost). Exits 77 (skipped) when node or the pinned
TypeScript is not installed (tools/install-deps.sh)."""
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

import tsoracle

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TREES = ["fixtures/campfire-app", "eval/corpus", "eval/layered", "fixtures/fix-oracle"]
CODEMOD_INPUTS = "fixtures/codemods/*/*/input"
MUST_CHANGE = {"fixtures/fix-oracle"}
MODES = ["--fix", "--fix-suggestions"]
EXTENSIONS = (".ts", ".tsx", ".mts", ".cts")


def source_digests(tree):
    """{relative path: sha256} of the TS/TSX files under tree."""
    out = {}
    for dirpath, dirnames, files in os.walk(tree):
        dirnames[:] = [d for d in dirnames if d not in (".git", ".rtlint-cache")]
        for name in files:
            if name.endswith(EXTENSIONS):
                path = os.path.join(dirpath, name)
                with open(path, "rb") as f:
                    out[os.path.relpath(path, tree)] = hashlib.sha256(f.read()).hexdigest()
    return out


def copy_tree(src, dest):
    shutil.copytree(src, dest, symlinks=True, ignore=shutil.ignore_patterns(".rtlint-cache"))
    # A git work tree, so that the copy's .gitignore files apply as in the original.
    subprocess.run(["git", "init", "-q", dest], check=True)


def changed_files(before, after):
    return sorted(p for p, digest in after.items() if before.get(p) != digest)


def fix_copy(rtlint, tree, name, mode, copy):
    """(failure lines, changed paths) of one tree and one fix mode, run twice."""
    copy_tree(tree, copy)
    before = source_digests(copy)
    args = [rtlint, "--no-cache", "--color", "never", mode, "."]
    proc = subprocess.run(args, cwd=copy, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return [f"{name} {mode}: rtlint exited {proc.returncode}: {proc.stderr.strip()}"], []
    after = source_digests(copy)
    again = subprocess.run(args, cwd=copy, capture_output=True, text=True)
    moved = changed_files(after, source_digests(copy))
    failures = []
    if moved:
        failures.append(f"{name} {mode}: a second run changed {', '.join(moved)} "
                        f"(rtlint said: {again.stderr.strip() or 'nothing'})")
    return failures, changed_files(before, after)


def oracle_self_check():
    """names.js must see an unbound name and no bound one, or a pass below
    could come from an oracle that never reports anything."""
    with tempfile.TemporaryDirectory(prefix="rtlint-fix-oracle-") as tmp:
        with open(os.path.join(tmp, "probe.tsx"), "w") as f:
            f.write('import { UNIFIED_CHANNELS } from "@/lib/realtime/unified-channel-standards";\n'
                    "export const ROOM = (orgId: string) => UNIFIED_CHANNELS.conversations(orgId);\n"
                    "export const BAD = (orgId: string) => UNIFIED_CHANNELS.conversations(organizationId);\n")
        found = [d["name"] for d in tsoracle.run("names.js", tmp, ["probe.tsx"])["probe.tsx"]]
    return [] if found == ["organizationId"] else [
        f"tools/tsoracle/names.js: expected exactly ['organizationId'] unbound, got {found}"]


def default_trees():
    inputs = sorted(glob.glob(os.path.join(ROOT, CODEMOD_INPUTS)))
    return TREES + [os.path.relpath(p, ROOT) for p in inputs]


def main():
    given = tsoracle.command_line("fix_oracle", default_trees())
    if not isinstance(given, tuple):
        return given
    rtlint, trees = given
    failures = oracle_self_check()
    with tempfile.TemporaryDirectory(prefix="rtlint-fix-oracle-") as tmp:
        cases = []
        for i, tree in enumerate(trees):
            name = os.path.relpath(tree, ROOT)
            for mode in MODES:
                copy = os.path.join(tmp, f"{i}{mode}")
                found, changed = fix_copy(rtlint, tree, name, mode, copy)
                failures += found
                cases.append((f"{name} ({mode})", tree, copy, changed))
                if not changed and name in MUST_CHANGE:
                    failures.append(f"{name} {mode}: no file changed, so the check proved nothing")
        oracle = tsoracle.new_problems(cases)
        failures += oracle
        for label, _, _, changed in cases:
            new = sum(f.startswith(label + ":") for f in oracle)
            print(f"{label}: {len(changed)} files changed, {new} new problems")
    for f in failures:
        print("FAIL " + f)
    print(f"fix_oracle: {len(trees)} trees, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
