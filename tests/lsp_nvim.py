#!/usr/bin/env python3
"""Neovim (headless, no user config) with its built-in LSP client drives
`rtlint lsp` through tests/lsp/nvim.lua on a copy of the sample app: the
diagnostic arrives, the quick fix applies, the diagnostic goes and comes back.
Exit 77 (skipped) when nvim is not installed (tools/install-deps.sh installs it)."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    nvim = shutil.which("nvim")
    if not nvim:
        print("skipped: nvim is not installed")
        sys.exit(77)
    with tempfile.TemporaryDirectory() as tmp:
        app = os.path.join(tmp, "app")
        shutil.copytree(os.path.join(ROOT, "fixtures/campfire-app"), app,
                        ignore=shutil.ignore_patterns(".rtlint-cache", "node_modules"))
        subprocess.run(["git", "init", "-q", app], check=True)
        env = dict(os.environ, RTLINT=rtlint, APP=app, HOME=tmp, XDG_CONFIG_HOME=tmp,
                   XDG_DATA_HOME=tmp, XDG_STATE_HOME=tmp, XDG_CACHE_HOME=tmp)
        script = os.path.join(ROOT, "tests/lsp/nvim.lua")
        try:
            r = subprocess.run([nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n",
                                "-c", f"luafile {script}"],
                               env=env, cwd=app, capture_output=True, text=True, timeout=120,
                               stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired as e:
            print((e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or ""))
            print("FAIL nvim did not finish within 120 s")
            sys.exit(1)
        print(r.stdout, end="")
        if r.stderr.strip():
            print("nvim stderr:", r.stderr)
        ok = r.returncode == 0 and "nvim: all passed" in r.stdout
        # The file on disk is untouched: the fix went to the buffer only.
        with open(os.path.join(app, "components/widget/WidgetChat.tsx"), encoding="utf-8") as f:
            disk = f.read()
        with open(os.path.join(ROOT, "fixtures/campfire-app/components/widget/WidgetChat.tsx"),
                  encoding="utf-8") as f:
            ok = ok and disk == f.read()
        print(("ok   " if ok else "FAIL ") + "neovim's LSP client round trip")
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
