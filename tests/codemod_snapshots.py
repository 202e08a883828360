#!/usr/bin/env python3
"""Every codemod shape does what its reviewed snapshot says, and safely.

A shape is fixtures/codemods/<rule-id>/<shape>/ (docs/fixes.md):
  input/      a small tree (may hold rtlint.yaml, tsconfig.json)
  fixed/      the whole tree after `rtlint --fix` (absent: --fix changes nothing)
  suggested/  the whole tree after `rtlint --fix-suggestions`
  README.md   the shape, what the codemod does, why (or why it is withheld)

For each shape and each of --fix and --fix-suggestions, on a fresh copy of
input/ (a git work tree of its own, so the copy is the project root):
  - the output tree equals the snapshot (a unified diff when not);
  - `--diff` (`--diff --fix-suggestions`) prints exactly that change;
  - a second run changes nothing;
  - the rule's findings that carried a fix the mode applies are gone (what is
    left of the rule are findings that had none);
  - no changed file gains a syntax error or a "Cannot find name" (the
    TypeScript oracle, tools/tsoracle, once for all shapes together).
The input must hold at least one finding of its rule, or the shape tests
nothing. `--update` rewrites fixed/ and suggested/ from rtlint's output (review
the diff by hand before committing); `--shape RULE[/SHAPE]` runs some only.
Without the oracle (tools/install-deps.sh) the rest still runs and the test
exits 77 (skipped) when it passes."""
import argparse
import collections
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile

import tsoracle

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CODEMODS = os.path.join(ROOT, "fixtures", "codemods")
MODES = {"--fix": ("fixed", ("safe",)), "--fix-suggestions": ("suggested", ("safe", "suggestion"))}
SKIP = (".git", ".rtlint-cache")
failures = []


def fail(what, detail=""):
    failures.append(what)
    print("FAIL " + what)
    if detail:
        print("     " + detail.rstrip("\n").replace("\n", "\n     "))


def tree_files(root):
    """{relative path: bytes} of every file under root, .git aside."""
    out = {}
    if not os.path.isdir(root):
        return out
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP]
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as f:
                out[os.path.relpath(path, root)] = f.read()
    return out


def tree_diff(want, got, want_label, got_label):
    """A unified diff between two {path: bytes}, empty when they are equal."""
    out = []
    for rel in sorted(set(want) | set(got)):
        a, b = want.get(rel), got.get(rel)
        if a == b:
            continue
        a_lines = a.decode(errors="replace").splitlines(keepends=True) if a is not None else []
        b_lines = b.decode(errors="replace").splitlines(keepends=True) if b is not None else []
        out += difflib.unified_diff(a_lines, b_lines,
                                    f"{want_label}/{rel}" if a is not None else "/dev/null",
                                    f"{got_label}/{rel}" if b is not None else "/dev/null")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in out)


def write_tree(dest, files):
    if os.path.isdir(dest):
        shutil.rmtree(dest)
    for rel, data in files.items():
        path = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


def rt(rtlint, cwd, *args):
    return subprocess.run([rtlint, "--no-cache", "--color", "never", *args, "."], cwd=cwd,
                          capture_output=True, text=True)


def findings(rtlint, tree, rule, label):
    p = rt(rtlint, tree, "--format", "json")
    if p.returncode not in (0, 1):
        fail(f"{label}: rtlint --format json exited {p.returncode}", p.stderr)
        return []
    return [d for d in json.loads(p.stdout)["diagnostics"] if d["rule"] == rule]


def fresh_copy(src, dest):
    shutil.copytree(src, dest, symlinks=True)
    subprocess.run(["git", "init", "-q", dest], check=True)  # its own project root


def shapes(only):
    for rule in sorted(os.listdir(CODEMODS)):
        for shape in sorted(os.listdir(os.path.join(CODEMODS, rule))):
            name = f"{rule}/{shape}"
            if only and only not in (rule, name):
                continue
            if os.path.isdir(os.path.join(CODEMODS, rule, shape)):
                yield rule, shape


def run_mode(rtlint, rule, shape, mode, tmp, rule_fix, update, cases):
    """Checks one shape under one mode; returns whether it passed."""
    snap_name, levels = MODES[mode]
    name = f"{rule}/{shape}"
    label = f"{name} {mode}"
    base = os.path.join(CODEMODS, rule, shape)
    inp, snap = os.path.join(base, "input"), os.path.join(base, snap_name)
    work = os.path.join(tmp, mode.strip("-"), rule, shape)
    fresh_copy(inp, work)
    before = findings(rtlint, work, rule, label)
    if not before:
        fail(f"{label}: input/ has no finding of {rule}, so the shape tests nothing")
    applied = [d for d in before if d["fix"] and d["fix"]["applicability"] in levels]
    p = rt(rtlint, work, mode)
    if p.returncode not in (0, 1):
        fail(f"{label}: rtlint exited {p.returncode}", p.stderr)
        return False
    got = tree_files(work)
    input_files = tree_files(inp)
    ok = True
    # fixed/ may be left out for a rule without safe fixes: then --fix changes nothing.
    want = tree_files(snap) if os.path.isdir(snap) else input_files
    diff = tree_diff(want, got, f"{name}/{snap_name if os.path.isdir(snap) else 'input'}",
                     f"rtlint {mode}")
    # fixed/ stays absent for a rule without safe fixes while --fix changes nothing.
    keep_absent = snap_name == "fixed" and rule_fix != "safe" and not diff
    if update:
        if not keep_absent and (diff or not os.path.isdir(snap)):
            write_tree(snap, got)
            print(f"updated {name}/{snap_name}/")
    elif diff:
        what = (f"{name}/{snap_name}/ differs from what rtlint {mode} writes"
                if os.path.isdir(snap) else f"{name} has no {snap_name}/, but rtlint {mode} "
                "changes the input (run with --update and review)")
        fail(f"{label}: {what}", diff)
        ok = False
    # --diff prints what the mode writes: applied to a fresh copy, the same tree.
    patched = work + ".diff"
    fresh_copy(inp, patched)
    diff_args = ["--diff"] + (["--fix-suggestions"] if mode == "--fix-suggestions" else [])
    printed = rt(rtlint, patched, *diff_args)
    why = printed.stderr if printed.returncode not in (0, 1) else ""
    if printed.stdout:  # nothing to apply when nothing changes
        git_apply = subprocess.run(["git", "apply", "-"], cwd=patched, input=printed.stdout,
                                   capture_output=True, text=True)
        why += git_apply.stderr if git_apply.returncode else ""
    if why or tree_files(patched) != got:
        fail(f"{label}: rtlint {' '.join(diff_args)} does not print what rtlint {mode} writes",
             why + tree_diff(got, tree_files(patched), f"rtlint {mode}",
                             f"rtlint {' '.join(diff_args)} | git apply"))
        ok = False
    again = rt(rtlint, work, mode)
    moved = tree_diff(got, tree_files(work), "after one run", "after two runs")
    if moved:
        fail(f"{label}: a second run changed the tree (rtlint said: "
             f"{again.stderr.strip() or 'nothing'})", moved)
        ok = False
    unfixed = collections.Counter((d["path"], d["message"]) for d in before if d not in applied)
    left = collections.Counter((d["path"], d["message"]) for d in
                               findings(rtlint, work, rule, label)) - unfixed
    if left:
        fail(f"{label}: findings of {rule} with a fix are still there",
             "\n".join(f"{path}: {msg}" for path, msg in left))
        ok = False
    changed = [rel for rel in got if rel.endswith((".ts", ".tsx", ".mts", ".cts")) and
               input_files.get(rel) != got[rel]]
    cases.append((label, inp, work, changed))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--update", action="store_true",
                    help="rewrite fixed/ and suggested/ from rtlint's output")
    ap.add_argument("--shape", help="only RULE or RULE/SHAPE")
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    rules = json.loads(subprocess.run([rtlint, "rules", "--format", "json"], capture_output=True,
                                      text=True, check=True).stdout)
    rule_fix = {r["id"]: r["fix"] for r in rules}
    count = 0
    cases = []
    with tempfile.TemporaryDirectory(prefix="rtlint-codemods-") as tmp:
        for rule, shape in shapes(args.shape):
            count += 1
            name = f"{rule}/{shape}"
            base = os.path.join(CODEMODS, rule, shape)
            if rule not in rule_fix:
                fail(f"{name}: no rule '{rule}' (see rtlint rules)")
                continue
            if not os.path.isdir(os.path.join(base, "input")):
                fail(f"{name}: no input/ folder")
                continue
            if not os.path.isfile(os.path.join(base, "README.md")):
                fail(f"{name}: no README.md saying what the shape is and what the codemod does")
            for mode in MODES:
                if run_mode(rtlint, rule, shape, mode, tmp, rule_fix[rule], args.update, cases):
                    print(f"ok   {name} {mode}")
        oracle = tsoracle.available()
        if oracle:
            for problem in tsoracle.new_problems(cases):
                fail(problem)
    if count == 0:
        fail(f"no shapes under {os.path.relpath(CODEMODS, ROOT)}"
             + (f" matching {args.shape}" if args.shape else ""))
    changed = sum(len(c[3]) for c in cases)
    print(f"codemod-snapshots: {count} shapes, {changed} changed files checked by the "
          f"TypeScript oracle{'' if oracle else ' (skipped: not installed)'}, "
          f"{len(failures)} failures")
    if failures:
        return 1
    return 0 if oracle else 77


if __name__ == "__main__":
    sys.exit(main())
