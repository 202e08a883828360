#!/usr/bin/env python3
"""Git states rtlint must describe truthfully: a shallow clone limits report
--history (said, not silent); a merge conflict in the index makes --staged
refuse, naming the files, instead of linting conflict markers; a corrupt
index is called corrupt, not missing."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gitrepo import git  # noqa: E402

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def write(path, text):
    with open(path, "w") as f:
        f.write(text)


def run(rtlint, cwd, *args):
    return subprocess.run([rtlint, *args], cwd=cwd, capture_output=True, text=True)


def shallow_history(rtlint, tmp):
    src = os.path.join(tmp, "src")
    os.makedirs(src)
    git(src, "init", "-q")
    for i in range(5):
        write(os.path.join(src, f"f{i}.ts"), f'export const c{i} = supabase.channel("x{i}");\n')
        git(src, "add", ".")
        git(src, "commit", "-q", "-m", f"c{i}")
    clone = os.path.join(tmp, "clone")
    git(tmp, "clone", "-q", "--depth", "2", f"file://{src}", clone)
    p = run(rtlint, clone, "report", "--history", "5", "--format", "json", ".")
    rep = json.loads(p.stdout) if p.returncode == 0 else {}
    check(len(rep.get("history") or []) == 2,
          f"a depth-2 clone gives the 2 commits it holds ({len(rep.get('history') or [])})")
    check("shallow clone's boundary" in rep.get("history_stop", ""),
          "the JSON says history stops at the shallow boundary")
    check("shallow clone's boundary" in p.stderr, "so does stderr")
    md = run(rtlint, clone, "report", "--history", "5", "--format", "markdown", ".")
    check("shallow clone's boundary" in md.stdout, "so does the Markdown report")
    enough = run(rtlint, clone, "report", "--history", "2", "--format", "json", ".")
    check("history_stop" not in json.loads(enough.stdout),
          "no word about the boundary when the clone holds every commit asked for")
    full = run(rtlint, src, "report", "--history", "5", "--format", "json", ".")
    full_rep = json.loads(full.stdout)
    check(len(full_rep["history"]) == 5 and "history_stop" not in full_rep,
          "a full clone gives every commit, without a stop note")


def conflict(rtlint, tmp):
    repo = os.path.join(tmp, "conflict")
    os.makedirs(repo)
    git(repo, "init", "-q")
    write(os.path.join(repo, "a.ts"), "export const a = 1;\n")
    write(os.path.join(repo, "b.ts"), "export const b = 1;\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "other")
    write(os.path.join(repo, "a.ts"), "export const a = 2;\n")
    git(repo, "commit", "-q", "-am", "other")
    git(repo, "checkout", "-q", "main")
    write(os.path.join(repo, "a.ts"), 'export const a = supabase.channel("zz");\n')
    git(repo, "commit", "-q", "-am", "main")
    try:
        git(repo, "merge", "other")
    except subprocess.CalledProcessError:
        pass  # the conflict is the point
    with open(os.path.join(repo, "a.ts")) as f:
        check("<<<<<<<" in f.read(), "the working tree has conflict markers (setup)")
    p = run(rtlint, repo, "--staged")
    check(p.returncode == 2, f"--staged with a conflicted index exits 2 ({p.returncode})")
    check("unresolved merge conflicts (a.ts)" in p.stderr, f"and names the file: {p.stderr.strip()}")
    check("<<<<<<<" not in p.stdout and "parse" not in p.stdout,
          "the conflict markers are not linted")
    write(os.path.join(repo, "a.ts"), 'export const a = supabase.channel("resolved");\n')
    git(repo, "add", "a.ts")
    p = run(rtlint, repo, "--staged", "--format", "json")
    check(p.returncode == 1 and "a.ts" in {d["path"] for d in json.loads(p.stdout)["diagnostics"]},
          "once resolved and added, the staged file is linted")


def corrupt_index(rtlint, tmp):
    repo = os.path.join(tmp, "corrupt")
    os.makedirs(repo)
    git(repo, "init", "-q")
    write(os.path.join(repo, "a.ts"), "export const a = 1;\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "one")
    index = os.path.join(repo, ".git", "index")
    for garbage, what in ((b"garbage", "too short"), (open(index, "rb").read()[:40], "truncated")):
        with open(index, "wb") as f:
            f.write(garbage)
        for args in (["--staged"], ["--changed-since", "HEAD", "."]):
            p = run(rtlint, repo, *args)
            check(p.returncode == 2 and "is corrupt" in p.stderr and "no longer exists" not in p.stderr,
                  f"{' '.join(args)} with a {what} index says it is corrupt: {p.stderr.strip()}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    with tempfile.TemporaryDirectory() as tmp:
        shallow_history(rtlint, tmp)
        conflict(rtlint, tmp)
        corrupt_index(rtlint, tmp)
    print(f"git_edges: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
