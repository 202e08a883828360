#!/usr/bin/env python3
"""Checks rtlint's findings against semgrep-style annotations in a tree.

A comment `// ruleid: <rule>[, <rule>]` (or `/* ruleid: ... */`, `{/* ruleid: ... */}`
in JSX) says the next code line must be flagged by each named rule; `// ok: <rule>`
says it must not be. Without --score, any missed, unexpected or wrongly-placed
finding fails (exit 1). With --score, prints precision and recall per rule.

With --snapshot, the findings' full text (path:line:column: severity: message
[rule]) must also equal the reviewed snapshot `expected.messages` in the tree,
and for a rule with a fix, the `--diff --fix-suggestions` output must equal
`expected.diff`: what users read and what the fix writes are tested, not only
where findings land. --update rewrites both (review the diff before committing).
"""
import argparse
import collections
import difflib
import json
import os
import re
import subprocess
import sys

ANNOTATION = re.compile(r"(?://|/\*|\{/\*)\s*(ruleid|ok)\s*:\s*([A-Za-z0-9_,\s-]+?)\s*(?:\*/\}?|$)")
EXTENSIONS = (".ts", ".tsx", ".mts", ".cts")


def annotation_only(line):
    stripped = line.strip()
    return bool(ANNOTATION.search(line)) and (
        stripped.startswith("//") or stripped.startswith("/*") or stripped.startswith("{/*"))


def collect(root):
    """Returns {(path, line): {rule: 'ruleid'|'ok'}} for every annotated line."""
    expected = collections.defaultdict(dict)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in ("node_modules", ".git")]
        for name in sorted(filenames):
            if not name.endswith(EXTENSIONS) or name.endswith(".d.ts"):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
            pending = []
            for number, line in enumerate(lines, start=1):
                found = ANNOTATION.findall(line)
                if found and annotation_only(line):
                    pending.extend(found)
                    continue
                for kind, rules in pending:
                    for rule in re.split(r"[,\s]+", rules.strip()):
                        if rule:
                            expected[(rel, number)][rule] = kind
                pending = []
    return expected


def lint_json(rtlint, root, rules, *extra):
    cmd = [os.path.abspath(rtlint), "--format", "json", "--color", "never", "--no-cache", *extra]
    for rule in rules:
        cmd += ["--rule", rule]
    cmd.append(".")
    proc = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rtlint failed ({proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def run_rtlint(rtlint, root, rules):
    findings = collections.defaultdict(set)
    for d in json.loads(lint_json(rtlint, root, rules))["diagnostics"]:
        findings[(d["path"], d["start"]["line"])].add(d["rule"])
    return findings


def messages(rtlint, root, rules):
    lines = []
    for d in json.loads(lint_json(rtlint, root, rules))["diagnostics"]:
        fix = d.get("fix") or {}
        lines.append(f"{d['path']}:{d['start']['line']}:{d['start']['column']}: {d['severity']}: "
                     f"{d['message']} [{d['rule']}]" +
                     (f" (fix: {fix['applicability']})" if fix else ""))
    return "".join(line + "\n" for line in lines)


def fix_diff(rtlint, root, rules):
    cmd = [os.path.abspath(rtlint), "--diff", "--fix-suggestions", "--no-cache"]
    for rule in rules:
        cmd += ["--rule", rule]
    proc = subprocess.run(cmd + ["."], cwd=root, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rtlint --diff failed ({proc.returncode}): {proc.stderr.strip()}")
    return proc.stdout


def fixable(rtlint, rules):
    out = subprocess.run([rtlint, "rules", "--format", "json"], capture_output=True, text=True,
                         check=True).stdout
    return any(r["fix"] != "none" for r in json.loads(out) if r["id"] in rules)


def compare_snapshot(path, got, update):
    """Returns a problem line, or None."""
    if update:
        with open(path, "w") as f:
            f.write(got)
        return None
    if not os.path.exists(path):
        return f"{path}: no snapshot (run with --update, then review it)"
    with open(path) as f:
        want = f.read()
    if want == got:
        return None
    diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "snapshot", "rtlint",
                                lineterm="")
    return f"{path}: differs from rtlint's output:\n" + "\n".join(diff)


def registered_rules(rtlint):
    out = subprocess.run([rtlint, "rules", "--format", "json"], capture_output=True, text=True,
                         check=True).stdout
    return {r["id"] for r in json.loads(out)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--rule", action="append", default=[])
    ap.add_argument("--score", action="store_true")
    ap.add_argument("--min-precision", type=float, default=None,
                    help="with --score: fail when a registered rule scores lower")
    ap.add_argument("--min-recall", type=float, default=None)
    ap.add_argument("--snapshot", action="store_true",
                    help="also compare messages (and fixes) with the tree's snapshots")
    ap.add_argument("--update", action="store_true", help="with --snapshot: rewrite them")
    ap.add_argument("root")
    args = ap.parse_args()
    expected = collect(args.root)
    found = run_rtlint(args.rtlint, args.root, args.rule)
    selected = set(args.rule)

    def considered(rule):
        return not selected or rule in selected

    tp = collections.Counter()
    fp = collections.Counter()
    fn = collections.Counter()
    problems = []
    for key in sorted(set(expected) | set(found)):
        want = {r for r, k in expected.get(key, {}).items() if k == "ruleid" and considered(r)}
        got = {r for r in found.get(key, set()) if considered(r)}
        for rule in sorted(want & got):
            tp[rule] += 1
        for rule in sorted(got - want):
            fp[rule] += 1
            problems.append(f"{key[0]}:{key[1]}: unexpected finding of {rule}")
        for rule in sorted(want - got):
            fn[rule] += 1
            problems.append(f"{key[0]}:{key[1]}: missed {rule}")
    rules = sorted(set(tp) | set(fp) | set(fn) |
                   {r for v in expected.values() for r, k in v.items() if considered(r)})
    if args.score:
        registered = registered_rules(args.rtlint)
        print(f"{'rule':34} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7}")
        below = []
        for rule in rules:
            if rule not in registered:
                print(f"{rule:34} (not implemented)")
                continue
            p = tp[rule] / (tp[rule] + fp[rule]) if tp[rule] + fp[rule] else 1.0
            r = tp[rule] / (tp[rule] + fn[rule]) if tp[rule] + fn[rule] else 1.0
            print(f"{rule:34} {tp[rule]:4} {fp[rule]:4} {fn[rule]:4} {p:9.3f} {r:7.3f}")
            if (args.min_precision is not None and p < args.min_precision) or (
                    args.min_recall is not None and r < args.min_recall):
                below.append(rule)
        for line in problems:
            if line.rsplit(" ", 1)[-1] in registered:
                print("  " + line)
        if below:
            print(f"FAIL: below target: {', '.join(below)}")
            return 1
        return 0
    if args.snapshot:
        for problem in (
                compare_snapshot(os.path.join(args.root, "expected.messages"),
                                 messages(args.rtlint, args.root, args.rule), args.update),
                compare_snapshot(os.path.join(args.root, "expected.diff"),
                                 fix_diff(args.rtlint, args.root, args.rule), args.update)
                if fixable(args.rtlint, args.rule) else None):
            if problem:
                problems.append(problem)
    for line in problems:
        print(line)
    total = sum(tp.values())
    if problems:
        print(f"FAIL {args.root}: {len(problems)} mismatches, {total} annotated findings matched")
        return 1
    if total == 0:
        print(f"FAIL {args.root}: no annotated findings (a fixture must show what is flagged)")
        return 1
    print(f"ok {args.root}: {total} annotated findings matched, nothing unexpected")
    return 0


if __name__ == "__main__":
    sys.exit(main())
