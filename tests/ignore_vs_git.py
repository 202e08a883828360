#!/usr/bin/env python3
"""rtlint lints exactly the files git does not ignore. A temporary repository
with nested .gitignore files (negations, anchored, directory-only, `**`,
classes, escapes, trailing spaces, CRLF and a BOM), info/exclude and a
core.excludesFile; each TS file has a finding, so the files rtlint linted are
the paths in its JSON output. Git's answer is `git ls-files --others
--exclude-standard` (nothing is committed: rtlint, like git's ignore check,
does not look at the index). Also with core.ignoreCase, with the default
$XDG_CONFIG_HOME/git/ignore, and for a subdirectory and an ignored directory
named on the command line. HOME and XDG_CONFIG_HOME point into the
temporary directory, so no user configuration takes part."""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

failures = []

VIOLATION = "supabase.channel(`org:${o}:conv:${c}`);\n"
LINTED = (".ts", ".tsx", ".mts", ".cts")
SKIPPED_DIRS = {"node_modules", ".git", ".rtlint-cache"}

ROOT_IGNORE = """# comment: not a pattern
*.gen.ts
!keep.gen.ts
/top-only.ts
build/
**/fixtures/**/*.snap.ts
docs/**/draft-*.ts
Secret.ts
\\#hash.ts
\\!bang.ts
trailing   
spaced\\ 
out*/
!out-keep/
lib/[a-c]?.ts
[!a-z]*.x.ts
vendor
!vendor/
!override-me.ts
"""
SRC_IGNORE = """!Secret.ts
/local.ts
*.tmp.ts
!important.tmp.ts
nested/
**/deep/**/z.ts
"""
DEEP_IGNORE = """!*.gen.ts
/b/
c/**
!c/keep/
"""
P1_IGNORE = "\ufeffdist\r\n*.local.ts\r\n!keep.local.ts\r\n"
INFO_EXCLUDE = """*.excluded.ts
!src/ok.excluded.ts
override-me.ts
keep.global.ts
"""
GLOBAL_IGNORE = """*.global.ts
global-dir/
!keep.global.ts
"""

DIRS = [
    "", "src", "src/deep", "src/deep/a", "src/deep/a/b", "src/deep/b", "src/deep/c",
    "src/deep/c/keep", "src/deep/c/keep/keep", "a/fixtures",
    "src/nested", "src/x/nested", "lib", "lib/sub", "docs/x/y", "fixtures/p/q", "a/fixtures/b",
    "build", "src/build", "Build", "out1", "out-keep", "vendor", "packages/p1", "packages/p1/dist",
    "packages/p1/src", "global-dir", "trailing", "spaced ", "node_modules/pkg", "SRC",
]
FILES = [
    "index.ts", "v.tsx", "m.mts", "types.d.ts", "x.gen.ts", "keep.gen.ts", "Upper.GEN.ts",
    "top-only.ts", "Secret.ts", "secret.ts", "local.ts", "a.tmp.ts", "important.tmp.ts", "z.ts",
    "draft-1.ts", "a.snap.ts", "ab.ts", "d1.ts", "#hash.ts", "!bang.ts", "A.x.ts", "1.x.ts",
    "q.excluded.ts", "ok.excluded.ts", "override-me.ts", "a.global.ts", "keep.global.ts",
    "m.local.ts", "keep.local.ts", "vendor.ts",
]
# What git decides in the hand-written tree (seed 1): the comparison is only
# worth something if these rules are in play.
SANITY = [
    ("keep.gen.ts", True), ("x.gen.ts", False),  # negation after a glob
    ("src/Secret.ts", True), ("Secret.ts", False),  # a deeper .gitignore wins
    ("out-keep/index.ts", True), ("out1/index.ts", False),  # a directory re-included
    ("src/deep/b/index.ts", False), ("src/deep/a/b/index.ts", True),  # anchored directory
    ("src/deep/c/keep/index.ts", False), ("src/deep/c/keep/keep/index.ts", False),  # c/**
    ("q.excluded.ts", False), ("src/ok.excluded.ts", True),  # info/exclude
    ("a.global.ts", False), ("keep.global.ts", False),  # info/exclude over excludesFile
    ("override-me.ts", True),  # .gitignore over info/exclude
    ("packages/p1/m.local.ts", False), ("packages/p1/keep.local.ts", True),  # CRLF, BOM
    ("trailing/index.ts", False), ("spaced /index.ts", False),  # trailing spaces
    ("#hash.ts", False), ("!bang.ts", False), ("lib/ab.ts", False), ("lib/sub/ab.ts", True),
    ("Build/index.ts", True), ("src/deep/x.gen.ts", True), ("a/fixtures/b/a.snap.ts", False),
    ("a/fixtures/a.snap.ts", False), ("a/fixtures/b/index.ts", True),  # a/**/b
]


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def build_repo(repo, seed):
    subprocess.run(["git", "init", "-q", repo], check=True)
    for d in DIRS:
        for name in FILES:
            write(os.path.join(repo, d, name), VIOLATION)
    write(os.path.join(repo, "misc", "vendor"), "")  # a file the `vendor` line ignores
    # Seeds after the first add a few random lines to the hand-written files.
    rnd = random.Random(seed)
    atoms = ["*", "**", "?", "[a-m]*", "*.ts", "x*", "[!s]*", "d*", "keep", "a", "b"]
    extra = {}
    for d in ("", "src", "src/deep", "lib", "packages/p1"):
        lines = []
        for _ in range(rnd.randint(1, 3) if seed > 1 else 0):
            p = "/".join(rnd.choice(atoms) for _ in range(2))
            p = rnd.choice(["", "/", "!", "!/"]) + p + rnd.choice(["", "", "/"])
            lines.append(p)
        extra[d] = "".join(line + "\n" for line in lines)
    write(os.path.join(repo, ".gitignore"), ROOT_IGNORE + extra[""])
    write(os.path.join(repo, "src/.gitignore"), SRC_IGNORE + extra["src"])
    write(os.path.join(repo, "src/deep/.gitignore"), DEEP_IGNORE + extra["src/deep"])
    write(os.path.join(repo, "lib/.gitignore"), extra["lib"])
    write(os.path.join(repo, "packages/p1/.gitignore"), P1_IGNORE + extra["packages/p1"])
    write(os.path.join(repo, ".git/info/exclude"), INFO_EXCLUDE)
    return extra


def lintable(path):
    parts = path.split("/")
    return (path.endswith(LINTED) and not path.endswith((".d.ts", ".d.mts", ".d.cts"))
            and not SKIPPED_DIRS & set(parts[:-1]))


def git_files(repo, env, prefix=None):
    cmd = ["git", "ls-files", "-z", "--others", "--exclude-standard"]
    if prefix:
        cmd += ["--", prefix]
    out = subprocess.run(cmd, cwd=repo, env=env, capture_output=True, check=True).stdout
    return {p for p in out.decode().split("\0") if p and lintable(p)}


def rtlint_files(rtlint, repo, env, arg="."):
    proc = subprocess.run([rtlint, "check", "--format", "json", "--no-cache", arg], cwd=repo,
                          env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return None, proc.stderr
    out = json.loads(proc.stdout)
    paths = {d["path"] for d in out["diagnostics"]}
    return paths, out["summary"]["files"]


def compare(rtlint, repo, env, what, arg=".", prefix=None):
    want = git_files(repo, env, prefix)
    got, scanned = rtlint_files(rtlint, repo, env, arg)
    if got is None:
        check(False, f"{what}: rtlint failed: {scanned}")
        return
    check(got == want and scanned == len(want),
          f"{what}: {len(want)} files as git says"
          + ("" if got == want else
             f"; linted but ignored by git: {sorted(got - want)[:6]}"
             f"; not linted but not ignored: {sorted(want - got)[:6]}"))
    return want


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    for seed in (1, 2, 3):
        with tempfile.TemporaryDirectory() as tmp:
            home = os.path.join(tmp, "home")
            os.makedirs(home)
            env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"))
            for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM"):
                env.pop(var, None)
            repo = os.path.join(tmp, "repo")
            extra = build_repo(repo, seed)
            print(f"seed {seed}: extra patterns {extra}")
            write(os.path.join(home, "global-ignore"), GLOBAL_IGNORE)
            git = ["git", "-C", repo, "config"]
            subprocess.run(git + ["core.excludesFile", "~/global-ignore"], env=env, check=True)
            want = compare(rtlint, repo, env, f"seed {seed}: whole repository")
            if seed == 1:  # git itself decides these as the tree intends
                for path, linted in SANITY:
                    check((path in want) == linted, f"git {'keeps' if linted else 'ignores'} {path}")
            compare(rtlint, repo, env, f"seed {seed}: a subdirectory named", "src/deep", "src/deep")
            compare(rtlint, repo, env, f"seed {seed}: a nested package named", "packages/p1",
                    "packages/p1")
            got, _ = rtlint_files(rtlint, repo, env, "build")
            every = {f"build/{f}" for f in FILES if lintable(f"build/{f}")}
            check(got == every, f"seed {seed}: an ignored directory named explicitly is linted whole")
            subprocess.run(git + ["core.ignoreCase", "true"], env=env, check=True)
            compare(rtlint, repo, env, f"seed {seed}: core.ignoreCase")
            subprocess.run(git + ["--unset", "core.ignoreCase"], env=env, check=True)
            subprocess.run(git + ["--unset", "core.excludesFile"], env=env, check=True)
            write(os.path.join(home, ".config", "git", "ignore"), GLOBAL_IGNORE)
            compare(rtlint, repo, env, f"seed {seed}: default $XDG_CONFIG_HOME/git/ignore")
    print(f"ignore_vs_git: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
