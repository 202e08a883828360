#!/usr/bin/env python3
"""`cmake --install` and `make install-built` (what `make install` runs after
building) into a temporary DESTDIR; the installed binary runs and
`--version` names rtlint's version and the grammar version that
grammar/package-lock.json pins."""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

from checks import check, verdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def project_version():
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        return re.search(r"project\(rtlint VERSION (\S+)", f.read()).group(1)


def pinned_version(package):
    with open(os.path.join(ROOT, "grammar", "package-lock.json")) as f:
        lock = json.load(f)
    return lock["packages"][f"node_modules/{package}"]["version"]


def installed_ok(binary, how):
    check(os.access(binary, os.X_OK), f"{how}: {binary} installed and executable")
    if not os.access(binary, os.X_OK):
        return
    out = subprocess.run([binary, "--version"], capture_output=True, text=True)
    want = (f"rtlint {project_version()} (tree-sitter {pinned_version('tree-sitter')}, "
            f"tree-sitter-typescript {pinned_version('tree-sitter-typescript')})")
    check(out.returncode == 0 and out.stdout.strip() == want,
          f"{how}: --version prints {want!r} (got {out.stdout.strip()!r})")
    lint = subprocess.run([binary, "--no-cache", "--format", "json", "."], capture_output=True,
                          text=True, cwd=os.path.join(ROOT, "fixtures", "campfire-app"))
    check(lint.returncode == 1 and json.loads(lint.stdout)["summary"]["errors"] > 0,
          f"{how}: the installed binary lints the sample app")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    build = os.path.dirname(os.path.abspath(args.rtlint))
    with tempfile.TemporaryDirectory() as tmp:
        stage = os.path.join(tmp, "cmake-stage")
        p = subprocess.run(["cmake", "--install", build, "--prefix", "/opt/rtlint"],
                           env=dict(os.environ, DESTDIR=stage), capture_output=True, text=True)
        check(p.returncode == 0, "cmake --install exits 0" + (": " + p.stderr if p.returncode else ""))
        installed_ok(os.path.join(stage, "opt/rtlint/bin/rtlint"), "cmake --install")

        stage = os.path.join(tmp, "make-stage")
        p = subprocess.run(["make", "--no-print-directory", "-C", ROOT, "install-built",
                            f"BUILD={build}", "PREFIX=/usr/local", f"DESTDIR={stage}"],
                           capture_output=True, text=True)
        check(p.returncode == 0, "make install-built exits 0" + (": " + p.stderr if p.returncode else ""))
        installed_ok(os.path.join(stage, "usr/local/bin/rtlint"), "make install")
    return verdict("install")


if __name__ == "__main__":
    sys.exit(main())
