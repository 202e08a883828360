"""The TypeScript compiler as a test oracle (tools/tsoracle, pinned by its
package-lock.json): shared by tests/fix_oracle.py and tests/parse_notices.py."""
import argparse
import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = os.path.join(ROOT, "tools", "tsoracle")


def available():
    """node and the pinned typescript package are installed."""
    return shutil.which("node") and os.path.isdir(
        os.path.join(ORACLE, "node_modules", "typescript"))


def skip_unless_available(test):
    """Exit status 77 (ctest: skipped) with a line saying why, or None."""
    if available():
        return None
    print(f"{test}: skipped: node or tools/tsoracle/node_modules/typescript missing "
          "(run tools/install-deps.sh)")
    return 77


def run(script, tree, files):
    """{path: [diagnostic]} from tools/tsoracle/<script> run in tree."""
    if not files:
        return {}
    proc = subprocess.run(["node", os.path.join(ORACLE, script), *files], cwd=tree,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"tools/tsoracle/{script} failed in {tree}: {proc.stderr}")
    return json.loads(proc.stdout)


def command_line(test, default_trees):
    """(rtlint, trees) from --rtlint and --tree (default: default_trees under
    the repository), or the exit status 77 when the oracle is missing."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--tree", action="append", help="check this tree instead of the defaults")
    args = ap.parse_args()
    skipped = skip_unless_available(test)
    if skipped:
        return skipped
    trees = [os.path.abspath(t) for t in args.tree] if args.tree else [
        os.path.join(ROOT, t) for t in default_trees]
    return os.path.abspath(args.rtlint), trees
