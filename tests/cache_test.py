#!/usr/bin/env python3
"""The cache returns exactly what a cold run returns, notices a change in an
imported file, and ignores corrupt entries with a warning."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(rtlint, cwd, cache):
    proc = subprocess.run([rtlint, "--format", "json", "--cache-dir", cache, "."], cwd=cwd,
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["diagnostics"], proc.stderr


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)
    print("ok:", what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="rtlint-cache-test-")
    try:
        tree = os.path.join(tmp, "tree")
        shutil.copytree(os.path.join(ROOT, "fixtures/rules/channel-hand-built"), tree)
        cache = os.path.join(tmp, "cache")
        cold, _ = run(args.rtlint, tree, cache)
        check(len(cold) > 0, "the tree has findings")
        check(len(os.listdir(cache)) > 1, "the cold run wrote entries")
        warm, err = run(args.rtlint, tree, cache)
        check(warm == cold and not err, "a warm run returns exactly the cold run's findings")

        # The finding at the use of INBOX_CHANNEL depends on names.ts.
        names = os.path.join(tree, "lib/realtime/names.ts")
        with open(names) as f:
            text = f.read()
        with open(names, "w") as f:
            f.write(text.replace('"org:acme:conversations"', '"org:acme:conv:c1"'))
        changed, _ = run(args.rtlint, tree, cache)
        uses = [d["message"] for d in changed if d["path"] == "components/Invalid.tsx"
                and d["start"]["line"] == 19 and d["rule"] == "channel-hand-built"]
        check(uses and "org:acme:conv:c1" in uses[0],
              "changing an imported constant updates the cached finding at its use")

        for name in os.listdir(cache):
            if name.endswith(".json"):
                with open(os.path.join(cache, name), "w") as f:
                    f.write("{not json")
        again, err = run(args.rtlint, tree, cache)
        cold2, _ = run(args.rtlint, tree, os.path.join(tmp, "fresh"))
        check(again == cold2, "corrupt entries are ignored, results unchanged")
        check("ignoring cache entry" in err, "a corrupt entry produces a warning")
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
