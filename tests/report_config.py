#!/usr/bin/env python3
"""`rtlint report` tells the truth `rtlint check` enforces: in a git copy of
the sample app with an rtlint.yaml that turns a rule off, changes a severity
for a folder and excludes a folder, the report's totals equal check's JSON
summary, and the headline equals the newest point of --history (the working
tree is committed, so both describe the same files). Percentages: the total
lies between the phases' (it is their work together), and a phase whose work
is mostly unfixed reads little done, whatever the size of the rest of the app."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from gitrepo import git

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = """\
exclude: ["lib/services/"]
rules:
  event-name-literal: off
overrides:
  - files: ["components/**"]
    rules:
      channel-hand-built: warn
"""
FAILED = []


# rtlint report leaves the contract rules out (its history lints each commit's
# files on their own; docs/contract.md): the check it is compared with does too.
NO_CONTRACT = ("--disable", "event-never-sent", "--disable", "event-never-heard",
               "--disable", "channel-mismatch")


def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        FAILED.append(what)


def run(rtlint, repo, *args):
    proc = subprocess.run([rtlint, *args, "--no-cache"], cwd=repo, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f"rtlint {' '.join(args)} failed ({proc.returncode}): {proc.stderr}")
    return json.loads(proc.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    with tempfile.TemporaryDirectory(prefix="rtlint-report-config-") as tmp:
        repo = os.path.join(tmp, "app")
        shutil.copytree(os.path.join(ROOT, "fixtures/campfire-app"), repo, symlinks=True)
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "app", date="2026-01-01T10:00:00Z")
        plain = run(rtlint, repo, "--format", "json", *NO_CONTRACT, ".")["summary"]
        with open(os.path.join(repo, "rtlint.yaml"), "w") as f:
            f.write(CONFIG)
        git(repo, "add", "-A")
        git(repo, "commit", "-qm", "configure rtlint", date="2026-01-02T10:00:00Z")

        checked = run(rtlint, repo, "--format", "json", *NO_CONTRACT, ".")
        summary = checked["summary"]
        rules = {d["rule"] for d in checked["diagnostics"]}
        paths = {d["path"] for d in checked["diagnostics"]}
        # The configuration must change something, or the comparison proves nothing.
        check(summary["files"] < plain["files"] and summary["warnings"] != plain["warnings"], f"the configuration changes check's numbers ({plain} -> {summary})")
        check("event-name-literal" not in rules, "check: the rule turned off reports nothing")
        check(not any(p.startswith("lib/services/") for p in paths),
              "check: the excluded folder reports nothing")
        check(any(d["rule"] == "channel-hand-built" and d["severity"] == "warning" and
                  d["path"].startswith("components/") for d in checked["diagnostics"]),
              "check: the override makes channel-hand-built a warning under components/")

        report = run(rtlint, repo, "report", "--format", "json", "--history", "2", ".")
        totals = report["totals"]
        for key in ("files", "errors", "warnings", "fixable", "suggestions"):
            check(totals[key] == summary[key],
                  f"report totals.{key} ({totals[key]}) == check summary.{key} ({summary[key]})")
        check(totals["findings"] == summary["errors"] + summary["warnings"],
              "report findings == check errors + warnings")
        enabled = {r["id"] for r in report["rules"] if r["enabled"]}
        check("event-name-literal" not in enabled, "report: the rule turned off is not enabled")
        history = report["history"]
        check(len(history) == 2, f"two history points ({len(history)})")
        newest = history[-1]["totals"]
        for key in ("files", "findings", "errors", "warnings", "fixable", "percent_done"):
            check(newest[key] == totals[key],
                  f"newest history point {key} ({newest[key]}) == headline ({totals[key]})")
        phases = [p for p in report["phases"] if p["sites"] + p["unplaced"] > 0]
        lo = min(p["percent_done"] for p in phases)
        hi = max(p["percent_done"] for p in phases)
        check(lo <= totals["percent_done"] <= hi,
              f"total {totals['percent_done']}% lies between the phases ({lo}%..{hi}%)")
        check(totals["sites"] == sum(p["sites"] for p in report["phases"]),
              "total places of work = the phases' sum")

        # Duplicate typing indicators and no canonical one, beside many
        # realtime call sites: phase 4 reads little done (it read 96 %).
        comp = os.path.join(repo, "components", "chat", "ChatTypingIndicator.tsx")
        with open(comp, "w") as f:
            f.write("export function ChatTypingIndicator() { return null; }\n")
        for name in os.listdir(os.path.join(repo, "components", "unified-ui", "components",
                                            "Realtime")):
            os.remove(os.path.join(repo, "components", "unified-ui", "components", "Realtime",
                                   name))
        only_dup = run(rtlint, repo, "report", "--format", "json", ".")
        p4 = next(p for p in only_dup["phases"] if p["phase"] == 4)
        check(p4["findings"] > 0 and p4["percent_done"] < 50.0,
              f"phase 4 with only duplicates reads little done ({p4['findings']} findings, "
              f"{p4['percent_done']}%)")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
