#!/usr/bin/env python3
"""rtlint's parse notices against the TypeScript compiler's own parser
(tools/tsoracle/syntax.js, pinned by tools/tsoracle/package-lock.json):

- every file TypeScript finds a syntax error in has a rtlint parse notice;
- every parse notice on a file TypeScript accepts is a known grammar gap: its
  line matches one of GAPS below at the notice's column, and the gap is a row
  of the README's "Known grammar gaps" table;
- every gap still happens somewhere (fixtures/grammar-gaps/ holds one example
  each): a grammar upgrade that closes one fails here until the README drops it.

rtlint runs with --no-prefilter so that every file is parsed (by default only
files holding a rule's needle are). Trees: the sample app, the evaluation
corpus, the CI-format fixture and fixtures/grammar-gaps, or those given with --tree (then the gap
coverage and non-vacuity checks are left out). Exits 77 (skipped) when node
or the pinned TypeScript is not installed (tools/install-deps.sh)."""
import json
import os
import re
import subprocess
import sys

import tsoracle

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TREES = ["fixtures/campfire-app", "eval/corpus", "fixtures/output/ci", "fixtures/grammar-gaps"]
EXTENSIONS = (".ts", ".tsx", ".mts", ".cts")
SKIP_DIRS = {"node_modules", ".git", ".rtlint-cache"}

# Valid TypeScript that tree-sitter-typescript cannot parse. A notice is
# excused only when the pattern matches the notice's line over its column.
GAPS = {
    "import-type-array": re.compile(
        r"""\bimport\s*\(\s*(["'`])[^"'`]*\1\s*\)[\w$.\s]*(?:<[^()]*>)?\s*\[\s*\]"""),
    "jsx-text-ampersand": re.compile(r"&(?!#?\w+;)"),
}


def source_files(tree):
    """The TS/TSX files rtlint walks in a tree (relative paths): none under
    node_modules, no .d.ts, none that git's ignore rules match (tracked or not,
    as rtlint's walk does) when the tree is in a git work tree."""
    paths = []
    for dirpath, dirnames, files in os.walk(tree):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        paths += [os.path.relpath(os.path.join(dirpath, f), tree) for f in files
                  if f.endswith(EXTENSIONS) and not f.endswith(".d.ts")]
    git = subprocess.run(["git", "check-ignore", "--no-index", "-z", "--stdin"], cwd=tree,
                         input="\0".join(paths), capture_output=True, text=True)
    ignored = set(git.stdout.split("\0")) if git.returncode in (0, 1) else set()
    return sorted(p for p in paths if p not in ignored)


def typescript_syntax_errors(tree, files):
    return {path: diags for path, diags in tsoracle.run("syntax.js", tree, files).items() if diags}


def rtlint_parse_notices(rtlint, tree):
    proc = subprocess.run([rtlint, "--no-cache", "--no-prefilter", "--format", "json", "."],
                          cwd=tree, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rtlint failed on {tree} (exit {proc.returncode}): {proc.stderr}")
    out = json.loads(proc.stdout)
    if out["summary"].get("notices") != len(out["notices"]):
        sys.exit(f"{tree}: summary.notices {out['summary'].get('notices')} "
                 f"!= {len(out['notices'])} notices")
    return {n["path"]: n for n in out["notices"] if n["kind"] == "parse-error"}


def gap_at(tree, notice):
    """The id of the known gap at the notice's line and column, or None."""
    with open(os.path.join(tree, notice["path"]), encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not 1 <= notice["line"] <= len(lines):
        return None
    line, col = lines[notice["line"] - 1], notice["column"] - 1  # code points, 0-based
    for gap, pattern in GAPS.items():
        if any(m.start() <= col < m.end() for m in pattern.finditer(line)):
            return gap
    return None


def readme_gaps():
    text = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    m = re.search(r"^#+ Known grammar gaps\n(.*?)(?=^#)", text, re.S | re.M)
    if not m:
        sys.exit("README.md has no 'Known grammar gaps' section")
    return set(re.findall(r"^\|\s*`([a-z0-9-]+)`", m.group(1), re.M))


def main():
    given = tsoracle.command_line("parse_notices", TREES)
    if not isinstance(given, tuple):
        return given
    rtlint, trees = given
    defaults = trees == [os.path.join(ROOT, t) for t in TREES]
    failures = []
    documented = readme_gaps()
    if defaults and documented != set(GAPS):
        failures.append(f"README's known grammar gaps {sorted(documented)} != this test's "
                        f"{sorted(GAPS)}")
    gaps_seen, ts_rejected = set(), 0
    for tree in trees:
        files = source_files(tree)
        ts_errors = typescript_syntax_errors(tree, files)
        notices = rtlint_parse_notices(rtlint, tree)
        ts_rejected += len(ts_errors)
        name = os.path.relpath(tree, ROOT)
        for path, diags in sorted(ts_errors.items()):
            first = diags[0]
            if path not in notices:
                failures.append(f"{name}/{path}: TypeScript finds a syntax error at line "
                                f"{first['line']} ({first['message']}) but rtlint has no notice")
        for path, notice in sorted(notices.items()):
            if path in ts_errors:
                continue
            gap = gap_at(tree, notice)
            if gap is None:
                failures.append(f"{name}/{path}:{notice['line']}:{notice['column']}: parse notice "
                                "on a file TypeScript accepts, and no known grammar gap there "
                                "(add it to README 'Known grammar gaps' and GAPS here)")
            elif gap not in documented:
                failures.append(f"{name}/{path}:{notice['line']}: gap {gap} is not in the README")
            else:
                gaps_seen.add(gap)
        print(f"{name}: {len(files)} files; TypeScript rejects {len(ts_errors)}; rtlint parse "
              f"notices {len(notices)} ({len(notices) - len(set(notices) & set(ts_errors))} "
              f"on valid TypeScript)")
    if defaults:
        for gap in sorted(set(GAPS) - gaps_seen):
            failures.append(f"gap {gap} no longer gives a notice in fixtures/grammar-gaps: the "
                            "grammar parses it now, so drop it from the README and GAPS")
        if ts_rejected == 0:
            failures.append("TypeScript rejects no file at all: the first check proved nothing")
    for f in failures:
        print("FAIL " + f)
    print(f"parse_notices: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
