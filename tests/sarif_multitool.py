#!/usr/bin/env python3
"""Validates rtlint's SARIF for the sample app with Microsoft's SARIF
multitool (npm @microsoft/sarif-multitool, pinned by tools/sarif/package-lock.json
and installed by tools/install-deps.sh), running both its SARIF rules and its
GitHub code scanning rules (`--rule-kind "Sarif;Ghas"`; the GH rules are off by
default, tests/sarif/multitool-github.xml turns them on). Asserts zero errors.

A deliberately broken copy (absolute URIs, regions without startLine) must
produce SARIF and GH errors, so a pass cannot come from rules that never ran.
Exits 77 (skipped) when the multitool is not installed."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PREFIX = os.path.join(ROOT, "tools/sarif")
CONFIG = os.path.join(HERE, "sarif/multitool-github.xml")


def validate(sarif_path, out_path):
    # The npm wrapper (bin.js) runs the binary through a shell, so the
    # semicolon lists are quoted once more for that shell.
    cmd = ["npx", "--no-install", "--prefix", PREFIX, "sarif-multitool", "validate",
           "--config", CONFIG, "--rule-kind", '"Sarif;Ghas"', "--level", '"Error;Warning;Note"',
           "--output", out_path, sarif_path]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if not os.path.exists(out_path):
        sys.exit(f"sarif-multitool produced no log (exit {proc.returncode}):\n"
                 f"{proc.stdout}\n{proc.stderr}")
    log = json.load(open(out_path, encoding="utf-8-sig"))
    run = log["runs"][0]
    by_level = {}
    for r in run.get("results", []):
        by_level.setdefault(r.get("level", "warning"), []).append(r)
    # Tool failures (bad config, unreadable input) are notifications.
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
            if n.get("level", "warning") == "error":
                by_level.setdefault("error", []).append(
                    {"ruleId": n.get("descriptor", {}).get("id", "tool"), "message": n["message"]})
    return by_level


def line(r):
    return f"  {r.get('ruleId')}: {r['message'].get('text', r['message'])}"[:300]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    binary = os.path.join(PREFIX, "node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool")
    if not os.path.exists(binary):
        print("sarif_multitool: SKIPPED: tools/sarif is not installed (run tools/install-deps.sh)")
        return 77
    app = os.path.join(ROOT, "fixtures/campfire-app")
    proc = subprocess.run([os.path.abspath(args.rtlint), "--format", "sarif", "--no-cache"], cwd=app,
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    good = json.loads(proc.stdout)
    assert good["runs"][0]["results"], "the sample app should have findings"
    broken = json.loads(proc.stdout)
    run = broken["runs"][0]
    del run["originalUriBaseIds"]
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]
        loc["artifactLocation"] = {"uri": "file:///elsewhere/" + loc["artifactLocation"]["uri"]}
        del loc["region"]["startLine"]
    flow = subprocess.run([os.path.abspath(args.rtlint), "--format", "sarif", "--no-cache"],
                          cwd=os.path.join(ROOT, "fixtures/flow"), capture_output=True, text=True)
    assert flow.returncode in (0, 1), flow.stderr
    trails = json.loads(flow.stdout)
    assert any("codeFlows" in r for r in trails["runs"][0]["results"]), "fixtures/flow has trails"
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for name, log in (("campfire-app", good), ("flow", trails), ("broken", broken)):
            path = os.path.join(tmp, name + ".sarif")
            json.dump(log, open(path, "w"), indent=2, ensure_ascii=False)
            found = validate(path, os.path.join(tmp, name + ".validation.sarif"))
            errors, warnings = found.get("error", []), found.get("warning", [])
            rules = sorted({r.get("ruleId") for r in errors})
            print(f"{name}: {len(errors)} errors {rules}, {len(warnings)} warnings, "
                  f"{len(found.get('note', []))} notes")
            if name != "broken":
                for r in errors + warnings:
                    print(line(r))
                failed |= bool(errors)
            else:
                # Both rule sets must have run: schema-level SARIF errors and
                # GitHub ingestion (GH) errors.
                ok = any(x.startswith("SARIF") for x in rules) and any(
                    x.startswith("GH") for x in rules)
                if not ok:
                    print("FAIL: the broken log did not trip both SARIF and GH rules")
                failed |= not ok
    print("sarif_multitool: " + ("FAILED" if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
