#!/usr/bin/env python3
"""The npm package dist/rtlint-VERSION.tgz (`make dist`): no scripts and no
dependencies; `npm install --save-dev` of it into a fresh project works
offline, `npx rtlint --version` runs, a lint of the sample app through npx
prints what the build tree's binary prints; the launcher refuses another
platform or architecture in one line; and the real `pre-commit` program,
with a `language: node` hook whose additional_dependencies names the tarball,
installs it offline and refuses a staged violation; so does the rtlint-node
hook of this repository's .pre-commit-hooks.yaml."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

from checks import check, shown, verdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "fixtures", "campfire-app")

NEW_VIOLATION = ('import { supabase } from "../lib/client";\n'
                 'export const feed = (orgId: string) => supabase.channel(`feed:${orgId}`);\n')
CLIENT = 'export const supabase = { channel: (name: string) => name };\n'
CLEAN = 'export const answer = 42;\n'


def run(args, cwd, env):
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)


def offline_env(tmp):
    """npm with no network, its own cache, and no rtlint on PATH."""
    path = [d for d in os.environ.get("PATH", "").split(os.pathsep)
            if d and not os.path.exists(os.path.join(d, "rtlint"))]
    return dict(os.environ, PATH=os.pathsep.join(path), npm_config_offline="true",
                npm_config_cache=os.path.join(tmp, "npm-cache"), npm_config_audit="false",
                npm_config_fund="false", npm_config_update_notifier="false", NO_COLOR="1")


def package_contents(tarball):
    with tarfile.open(tarball) as t:
        names = t.getnames()
        meta = json.load(t.extractfile("package/package.json"))
        launcher_mode = t.getmember("package/bin/rtlint.js").mode
        native_mode = t.getmember("package/native/linux-x64/bin/rtlint").mode
    check(meta.get("bin") == {"rtlint": "bin/rtlint.js"}, "package.json: bin rtlint -> bin/rtlint.js")
    check("scripts" not in meta and "gypfile" not in meta and "package/binding.gyp" not in names,
          "package.json: no scripts (nothing runs at install time)")
    check(not meta.get("dependencies") and not meta.get("optionalDependencies"),
          "package.json: no dependencies (installs offline)")
    check(launcher_mode & 0o111 and native_mode & 0o111, "the launcher and the binary are executable")
    return meta["version"]


def npm_install(tarball, version, ref_rtlint, tmp):
    env = offline_env(tmp)
    proj = os.path.join(tmp, "project")
    os.makedirs(proj)
    with open(os.path.join(proj, "package.json"), "w") as f:
        json.dump({"name": "campfire-web", "version": "1.0.0", "private": True}, f)
    p = run(["npm", "install", "--save-dev", tarball], proj, env)
    check(p.returncode == 0, "npm install --save-dev TARBALL (offline) into a fresh project", shown(p))
    with open(os.path.join(proj, "package.json")) as f:
        dev = json.load(f).get("devDependencies", {})
    check("rtlint" in dev, f"package.json devDependencies names rtlint ({dev})")

    p = run(["npx", "rtlint", "--version"], proj, env)
    check(p.returncode == 0 and p.stdout.startswith(f"rtlint {version} (tree-sitter "),
          f"npx rtlint --version: {p.stdout.strip()!r}", shown(p))

    args = ["--no-cache", "--format", "json", APP]
    mine = run(["npx", "rtlint"] + args, proj, env)
    ref = run([ref_rtlint] + args, proj, env)
    check(mine.returncode == 1 and ref.returncode == 1,
          "npx rtlint on the sample app exits 1 (findings), like the build tree's binary", shown(mine))
    check(mine.stdout == ref.stdout and json.loads(mine.stdout)["summary"]["errors"] > 0,
          "npx rtlint prints the same JSON as the build tree's binary")

    launcher = os.path.join(proj, "node_modules", "rtlint", "bin", "rtlint.js")
    for platform, arch in (("darwin", "arm64"), ("win32", "x64"), ("linux", "arm64")):
        fake = os.path.join(tmp, f"fake-{platform}-{arch}.js")
        with open(fake, "w") as f:
            f.write(f"Object.defineProperty(process, 'platform', {{value: '{platform}'}});\n"
                    f"Object.defineProperty(process, 'arch', {{value: '{arch}'}});\n")
        p = run(["node", "-r", fake, launcher, "--version"], proj, env)
        lines = p.stderr.splitlines()
        check(p.returncode == 2 and not p.stdout and len(lines) == 1 and
              f"not {platform}-{arch}" in lines[0] and "linux-x64" in lines[0],
              f"on {platform}-{arch} the launcher says so in one line and exits 2", shown(p))


def git(root, *args, env=None):
    return run(["git"] + list(args), root, env or git_env())


def git_env(extra=None):
    return dict(extra or os.environ, GIT_AUTHOR_NAME="Dev", GIT_AUTHOR_EMAIL="dev@example.com",
                GIT_COMMITTER_NAME="Dev", GIT_COMMITTER_EMAIL="dev@example.com")


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def precommit_node(tarball, tmp):
    if not shutil.which("pre-commit"):
        check(False, "pre-commit is installed (tools/install-deps.sh installs it)")
        return
    root = os.path.join(tmp, "repo")
    os.makedirs(root)
    env = git_env(offline_env(tmp))
    env["PRE_COMMIT_HOME"] = os.path.join(tmp, "pre-commit-home")
    git(root, "init", "-q", "-b", "main", env=env)
    write(root, "lib/client.ts", CLIENT)
    write(root, ".pre-commit-config.yaml",
          "repos:\n"
          "  - repo: local\n"
          "    hooks:\n"
          "      - id: rtlint\n"
          "        name: rtlint\n"
          "        entry: rtlint --staged --color never\n"
          "        language: node\n"
          f"        additional_dependencies: [{json.dumps(tarball)}]\n"
          "        pass_filenames: false\n"
          "        types_or: [ts, tsx]\n")
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "setup", env=env)
    p = run(["pre-commit", "install"], root, env)
    check(p.returncode == 0, "pre-commit install", shown(p))
    write(root, "components/Feed.ts", NEW_VIOLATION)
    git(root, "add", "components/Feed.ts", env=env)
    p = git(root, "commit", "-m", "add feed", env=env)
    out = p.stdout + p.stderr
    count = git(root, "rev-list", "--count", "HEAD", env=env).stdout.strip()
    check(p.returncode != 0 and "components/Feed.ts:2:" in out and "channel-hand-built" in out
          and count == "1",
          "pre-commit (language: node, the tarball as additional dependency, offline) refuses a "
          "staged violation with rtlint's message", shown(p))
    write(root, "components/Feed.ts", CLEAN)
    git(root, "add", "components/Feed.ts", env=env)
    p = git(root, "commit", "-m", "clean feed", env=env)
    count = git(root, "rev-list", "--count", "HEAD", env=env).stdout.strip()
    check(p.returncode == 0 and count == "2", "the same hook accepts a clean commit", shown(p))


def precommit_remote(tarball, version, tmp):
    """The rtlint-node hook of this repository's .pre-commit-hooks.yaml, as a
    project uses it (`repo:` this repository at HEAD), the registry package
    replaced by the tarball (npm is offline here)."""
    import yaml
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml")) as f:
        hook = next(h for h in yaml.safe_load(f) if h["id"] == "rtlint-node")
    check(hook["language"] == "node" and hook["additional_dependencies"] == [f"rtlint@{version}"],
          f"the rtlint-node hook installs rtlint@{version} (the version being built)")
    head = run(["git", "rev-parse", "HEAD"], ROOT, os.environ)
    committed = run(["git", "diff", "--quiet", "HEAD", "--", ".pre-commit-hooks.yaml", "package.json"],
                    ROOT, os.environ)
    if head.returncode != 0 or committed.returncode != 0:
        print("skip the remote hook: ROOT is no git checkout, or its hook files are not committed")
        return
    root = os.path.join(tmp, "remote-repo")
    os.makedirs(root)
    env = git_env(offline_env(tmp))
    env["PRE_COMMIT_HOME"] = os.path.join(tmp, "pre-commit-home-remote")
    git(root, "init", "-q", "-b", "main", env=env)
    write(root, "lib/client.ts", CLIENT)
    write(root, ".pre-commit-config.yaml",
          "repos:\n"
          f"  - repo: {json.dumps(ROOT)}\n"
          f"    rev: {head.stdout.strip()}\n"
          "    hooks:\n"
          "      - id: rtlint-node\n"
          f"        additional_dependencies: [{json.dumps(tarball)}]\n")
    git(root, "add", "-A", env=env)
    git(root, "commit", "-q", "-m", "setup", env=env)
    p = run(["pre-commit", "install"], root, env)
    write(root, "components/Feed.ts", NEW_VIOLATION)
    git(root, "add", "components/Feed.ts", env=env)
    p = git(root, "commit", "-m", "add feed", env=env)
    out = p.stdout + p.stderr
    check(p.returncode != 0 and "components/Feed.ts:2:" in out and "channel-hand-built" in out,
          "the repository's rtlint-node hook (repo: this repository) refuses a staged violation",
          shown(p))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True, help="the build tree's binary, for the JSON")
    ap.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    args = ap.parse_args()
    version = run([args.rtlint, "--version"], ROOT, os.environ).stdout.split()[1]
    tarball = os.path.join(args.dist, f"rtlint-{version}.tgz")
    check(os.path.isfile(tarball), f"{tarball} exists (make dist)")
    if not os.path.isfile(tarball):
        return 1
    check(package_contents(tarball) == version, "the package's version is rtlint's")
    with tempfile.TemporaryDirectory() as tmp:
        npm_install(tarball, version, os.path.abspath(args.rtlint), tmp)
        precommit_node(tarball, tmp)
        precommit_remote(tarball, version, tmp)
    return verdict("npm")


if __name__ == "__main__":
    sys.exit(main())
