#!/usr/bin/env python3
"""--fix on a copy of the sample app: afterwards no safe-fixable finding is
left, nothing new fails to parse, a second --fix changes nothing, and the
--diff printed beforehand applies with `git apply` to the same result. Also:
the findings at a use that can take several names built in its file carry
one and the same fix, replacing every building site; and a fix whose edits
are in two other files is written to both or to neither."""
import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def copy_app(tmp, name):
    dest = os.path.join(tmp, name)
    # Not a cache another test may be writing into meanwhile.
    shutil.copytree(os.path.join(ROOT, "fixtures/campfire-app"), dest,
                    ignore=shutil.ignore_patterns(".rtlint-cache"))
    subprocess.run(["git", "init", "-q", dest], check=True)  # so .gitignore applies
    return dest


def rt(rtlint, cwd, *args):
    return subprocess.run([rtlint, "--no-cache", "--color", "never", *args, "."], cwd=cwd,
                          capture_output=True, text=True)


def tree_hash(root):
    h = hashlib.sha256()
    for dirpath, dirnames, files in sorted(os.walk(root)):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        for name in sorted(files):
            path = os.path.join(dirpath, name)
            h.update(path[len(root):].encode())
            h.update(open(path, "rb").read())
    return h.hexdigest()


def check_use_with_several_names(rtlint, tmp):
    shape = os.path.join(ROOT, "fixtures/codemods/channel-hand-built/use-site-two-values/input")
    tree = os.path.join(tmp, "two-values")
    shutil.copytree(shape, tree)
    subprocess.run(["git", "init", "-q", tree], check=True)  # its own project root
    out = json.loads(rt(rtlint, tree, "--format", "json").stdout)
    sites = [d for d in out["diagnostics"] if d["rule"] == "channel-hand-built"
             and "is built by hand (at line" in d["message"]]
    fixes = [json.dumps(d["fix"], sort_keys=True) for d in sites]
    check(len(sites) == 2 and len(set(fixes)) == 1,
          f"the use's {len(sites)} findings carry one fix ({len(set(fixes))} different)")
    edits = sites[0]["fix"]["edits"] if sites and sites[0]["fix"] else []
    check(sum("UNIFIED_CHANNELS." in e["text"] for e in edits) == 2,
          "that fix replaces both building sites")


def check_new_channel_entries_of_one_name(rtlint, tmp):
    """Two shapes the catalog lacks, in two files, would both be named
    `assignment`: --fix-suggestions adds one entry, never two of one name, and
    the other site keeps its finding without a fix."""
    tree = os.path.join(tmp, "one-name")
    shutil.copytree(os.path.join(ROOT, "fixtures/fix-passes/channel-entry-one-name"), tree)
    subprocess.run(["git", "init", "-q", tree], check=True)  # its own project root
    before = json.loads(rt(rtlint, tree, "--format", "json").stdout)["diagnostics"]
    offered = [d for d in before if d["rule"] == "channel-hand-built" and d["fix"]]
    check(len(offered) == 2, f"both sites offer a new entry ({len(offered)})")
    rt(rtlint, tree, "--fix-suggestions")
    module = open(os.path.join(tree, "lib/realtime/unified-channel-standards.ts")).read()
    entries = [line for line in module.splitlines() if line.strip().startswith("assignment:")]
    check(len(entries) == 1, f"one `assignment` entry in the catalog ({len(entries)})")
    after = json.loads(rt(rtlint, tree, "--format", "json").stdout)["diagnostics"]
    left = [d for d in after if d["rule"] == "channel-hand-built"]
    check(len(left) == 1 and not left[0]["fix"],
          "the other site keeps its finding, its suggestion withheld once the name is taken")
    digest = tree_hash(tree)
    rt(rtlint, tree, "--fix-suggestions")
    check(tree_hash(tree) == digest, "a second --fix-suggestions changes nothing")


def check_fix_across_files(rtlint, tmp):
    """The use's fix edits two building sites in two files: --fix writes both;
    with one of them read-only (or changed under rtlint) it writes neither."""
    shape = os.path.join(ROOT, "fixtures/codemods/channel-hand-built/use-site-two-files/input")
    sites = ["lib/realtime/thread-topics.ts", "lib/realtime/inbox-topics.ts"]

    def fresh(name):
        tree = os.path.join(tmp, name)
        shutil.copytree(shape, tree)
        subprocess.run(["git", "init", "-q", tree], check=True)
        return tree

    def text(tree, rel):
        with open(os.path.join(tree, rel)) as f:
            return f.read()

    tree = fresh("two-files")
    out = json.loads(rt(rtlint, tree, "--format", "json").stdout)
    use = [d for d in out["diagnostics"] if d["path"] == "components/inbox/Threads.tsx"
           and d["rule"] == "channel-hand-built"]
    paths = sorted({e["path"] for d in use for e in (d["fix"] or {}).get("edits", [])})
    check(len(use) == 2 and paths == sorted(sites),
          f"the use's findings carry a fix whose edits name both files ({paths})")
    r = rt(rtlint, tree, "--fix")
    check(all("UNIFIED_CHANNELS." in text(tree, p) for p in sites),
          "--fix rewrites both building sites")
    left = json.loads(rt(rtlint, tree, "--format", "json").stdout)["diagnostics"]
    check(not [d for d in left if d["rule"] == "channel-hand-built"],
          "the use's findings are gone with them")

    tree = fresh("two-files-named")
    before = {p: text(tree, p) for p in sites}
    named = subprocess.run([rtlint, "--no-cache", "--fix", "components/inbox/Threads.tsx"], cwd=tree,
                           capture_output=True, text=True)
    check(named.returncode == 1 and {p: text(tree, p) for p in sites} == before,
          "--fix naming only the use's file writes no other file (the fix is withheld)")
    check("2 have a fix that also changes files not linted here" in named.stdout,
          "the summary says how many fixes wait for the project: " + named.stdout.strip()[-160:])

    tree = fresh("two-files-readonly")
    before = {p: text(tree, p) for p in sites}
    os.chmod(os.path.join(tree, sites[0]), 0o444)
    r = rt(rtlint, tree, "--fix")
    check(r.returncode == 2 and "read-only" in r.stderr and "cannot be written" in r.stderr,
          f"one file of the fix is read-only: refused, exit 2 ({r.returncode}, {r.stderr.strip()})")
    check({p: text(tree, p) for p in sites} == before, "neither file is written")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    with tempfile.TemporaryDirectory() as tmp:
        app = copy_app(tmp, "fixed")
        before = json.loads(rt(rtlint, app, "--format", "json").stdout)
        safe_before = [d for d in before["diagnostics"]
                       if d["fix"] and d["fix"]["applicability"] == "safe"]
        check(len(safe_before) > 0, f"the app has safe fixes ({len(safe_before)})")
        diff = rt(rtlint, app, "--diff")
        check(diff.returncode == 1 and diff.stdout.startswith("--- a/"), "--diff prints a diff")

        fixed = rt(rtlint, app, "--fix", "--format", "json")
        check("applied" in fixed.stderr, "--fix says what it applied: " + fixed.stderr.strip())
        after = json.loads(fixed.stdout)
        safe_after = [d for d in after["diagnostics"]
                      if d["fix"] and d["fix"]["applicability"] == "safe"]
        check(safe_after == [], f"no safe-fixable finding remains ({len(safe_after)})")
        parse_errors = lambda r: sorted(n["path"] for n in r["notices"] if n["kind"] == "parse-error")
        check(parse_errors(after) == parse_errors(before),
              f"no new syntax errors: {parse_errors(after)}")
        check(len(after["diagnostics"]) < len(before["diagnostics"]),
              f"findings went down ({len(before['diagnostics'])} -> {len(after['diagnostics'])})")

        snapshot = tree_hash(app)
        again = rt(rtlint, app, "--fix")
        check("applied" not in again.stderr and tree_hash(app) == snapshot,
              "a second --fix changes nothing")
        check(rt(rtlint, app, "--diff").stdout == "", "--diff is empty after --fix")

        other = copy_app(tmp, "patched")
        patch = os.path.join(tmp, "fix.diff")
        open(patch, "w").write(diff.stdout)
        applied = subprocess.run(["git", "apply", patch], cwd=other, capture_output=True,
                                 text=True)
        check(applied.returncode == 0, "git apply accepts the --diff output " + applied.stderr)
        check(tree_hash(other) == tree_hash(app), "git apply of --diff == --fix")
        check_use_with_several_names(rtlint, tmp)
        check_new_channel_entries_of_one_name(rtlint, tmp)
        check_fix_across_files(rtlint, tmp)
    print(f"fix_test: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
