#!/usr/bin/env python3
"""A fix never leaves a name unbound, with the TypeScript checker as the oracle.

For each tree (the sample app, the evaluation corpus and fixtures/fix-oracle,
or those given with --tree) and for each of `--fix` and `--fix-suggestions`:
copy the tree to a temporary directory (a git work tree, so that .gitignore
applies as in the original), run rtlint on the copy, and compile every file it
changed alone, before and after, with tools/tsoracle/names.js (no lib, imports
unresolved). Every "Cannot find name 'x'" the file has after the fix must have
been there before (compared as counts per name: lines move, and globals such as
`console` are unbound in every file without a lib). A changed file must not
gain TypeScript syntax errors either (tools/tsoracle/syntax.js).

fixtures/fix-oracle must see at least one change per mode, or the test would
prove nothing. Exits 77 (skipped) when node or the pinned TypeScript is not
installed (tools/install-deps.sh)."""
import collections
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

import tsoracle

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TREES = ["fixtures/campfire-app", "eval/corpus", "fixtures/fix-oracle"]
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


def check_mode(rtlint, tree, name, mode, tmp):
    """Failure lines for one tree and one fix mode, and the number of changed files."""
    copy = os.path.join(tmp, mode.strip("-"))
    copy_tree(tree, copy)
    before = source_digests(copy)
    proc = subprocess.run([rtlint, "--no-cache", "--color", "never", mode, "."], cwd=copy,
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return [f"{name} {mode}: rtlint exited {proc.returncode}: {proc.stderr.strip()}"], 0
    after = source_digests(copy)
    changed = sorted(p for p, digest in after.items() if before.get(p) != digest)
    existed = [p for p in changed if p in before]
    failures = []
    names_before = tsoracle.run("names.js", tree, existed)
    names_after = tsoracle.run("names.js", copy, changed)
    syntax_before = tsoracle.run("syntax.js", tree, existed)
    syntax_after = tsoracle.run("syntax.js", copy, changed)
    for path in changed:
        had = collections.Counter(d["name"] for d in names_before.get(path, []))
        seen = collections.Counter()
        for d in names_after[path]:
            seen[d["name"]] += 1
            if seen[d["name"]] > had[d["name"]]:
                failures.append(f"{name}/{path}:{d['line']}:{d['column']} ({mode}): the fix left "
                                f"'{d['name']}' unbound: {d['message']}")
        if len(syntax_after[path]) > len(syntax_before.get(path, [])):
            first = syntax_after[path][0]
            failures.append(f"{name}/{path}:{first['line']}:{first['column']} ({mode}): the fix "
                            f"broke the syntax: {first['message']}")
    return failures, len(changed)


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


def main():
    given = tsoracle.command_line("fix_oracle", TREES)
    if not isinstance(given, tuple):
        return given
    rtlint, trees = given
    failures = oracle_self_check()
    for tree in trees:
        name = os.path.relpath(tree, ROOT)
        for mode in MODES:
            with tempfile.TemporaryDirectory(prefix="rtlint-fix-oracle-") as tmp:
                found, nchanged = check_mode(rtlint, tree, name, mode, tmp)
            print(f"{name} {mode}: {nchanged} files changed, {len(found)} new problems")
            if nchanged == 0 and name in MUST_CHANGE:
                found.append(f"{name} {mode}: no file changed, so the check proved nothing")
            failures += found
    for f in failures:
        print("FAIL " + f)
    print(f"fix_oracle: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
