#!/usr/bin/env python3
"""--shard I/N plus rtlint merge equals one run over every file (--shard 1/1): for each tree and
N in 2, 3, 5 the shards are linted separately (JSON and SARIF), merged, and
compared field by field with the unsharded output; the merged SARIF must
validate against the official schema. Also checks that the trees exercise a
finding located in one shard's file and caused by another shard's file, so
the comparison covers that case. fixtures/determinism (one builder reached
from many files with differently named arguments) is sharded and merged
several times over, at several -j, since a wrong answer there depended on
thread timing."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TREES = ["fixtures/campfire-app", "eval/corpus", "fixtures/rules/channel-hand-built",
         "fixtures/determinism", "fixtures/flow", "eval/layered"]
# Trees whose findings once depended on thread timing: each sharding is done
# this many times, at alternating -j.
REPEAT = {"fixtures/determinism": 6, "fixtures/flow": 4}
FAILED = []


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        FAILED.append(what)


# The contract rules judge every end by the whole project, so a shard (a
# partial view) never reports them (docs/contract.md): both sides leave them out.
CONTRACT = ["--disable", "event-never-sent", "--disable", "event-never-heard",
            "--disable", "channel-mismatch"]
WHOLE = ["--shard", "1/1"]


def lint(rtlint, tree, fmt, out, *extra):
    proc = subprocess.run([rtlint, "--no-cache", "--format", fmt, "-o", out, *CONTRACT, *extra,
                           "."],
                          cwd=os.path.join(ROOT, tree), capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rtlint failed on {tree} {extra}: {proc.stderr}")
    with open(out) as f:
        return json.load(f)


def merge(rtlint, parts, out):
    subprocess.run([rtlint, "merge", *parts, "-o", out], check=True)
    with open(out) as f:
        return json.load(f)


def sarif_view(log):
    run = log["runs"][0]
    notes = run["invocations"][0].get("toolExecutionNotifications", [])
    return run["results"], sorted(json.dumps(n, sort_keys=True) for n in notes)


def shard_of(path, n):
    """The shard (1-based) that lints path: FNV-1a of the path as discovered."""
    h = 0xcbf29ce484222325
    for byte in path.encode():
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h % n + 1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    schema = json.load(open(os.path.join(HERE, "schemas/sarif-schema-2.1.0.json")))
    validator = jsonschema.validators.validator_for(schema)(schema)
    reported_by_other_shard = 0
    with tempfile.TemporaryDirectory(prefix="rtlint-shard-test-") as tmp:
        for tree in TREES:
            name = tree.replace("/", "_")
            # One shard of one: every file, seen as a shard sees it. What only a
            # run over the whole project makes (the organization-id parameter of
            # an exported builder, which needs every caller: docs/fixes.md) is
            # left out by each shard, and so by this baseline.
            whole_json = lint(rtlint, tree, "json", f"{tmp}/{name}.json", *WHOLE)
            whole_sarif = lint(rtlint, tree, "sarif", f"{tmp}/{name}.sarif", *WHOLE)
            for n, attempt in [(n, a) for n in (2, 3, 5) for a in range(REPEAT.get(tree, 1))]:
                jobs = ["-j", str(1 + attempt % 4)]
                parts_json, parts_sarif = [], []
                for i in range(1, n + 1):
                    parts_json.append(f"{tmp}/{name}-{i}of{n}.json")
                    parts_sarif.append(f"{tmp}/{name}-{i}of{n}.sarif")
                    lint(rtlint, tree, "json", parts_json[-1], "--shard", f"{i}/{n}", *jobs)
                    lint(rtlint, tree, "sarif", parts_sarif[-1], "--shard", f"{i}/{n}", *jobs)
                merged = merge(rtlint, parts_json, f"{tmp}/{name}-{n}.json")
                for key in ("diagnostics", "suppressed", "notices", "summary"):
                    check(merged[key] == whole_json[key],
                          f"{tree}, {n} shards: merged JSON {key} equal the unsharded run's")
                merged_sarif = merge(rtlint, parts_sarif, f"{tmp}/{name}-{n}.sarif")
                check(sarif_view(merged_sarif) == sarif_view(whole_sarif),
                      f"{tree}, {n} shards: merged SARIF results and notifications equal")
                errors = list(validator.iter_errors(merged_sarif))
                check(not errors, f"{tree}, {n} shards: merged SARIF is valid"
                      + (f" ({errors[0].message})" if errors else ""))
                # Findings located in a file of one shard, reported by another.
                for i, path in enumerate(parts_json, start=1):
                    with open(path) as f:
                        part = json.load(f)
                    reported_by_other_shard += sum(
                        1 for d in part["diagnostics"] if shard_of(d["path"], n) != i)
    check(reported_by_other_shard > 0,
          f"the trees have findings reported by another shard than the file's "
          f"({reported_by_other_shard}), so the comparison covers them")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
