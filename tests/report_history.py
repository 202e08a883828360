#!/usr/bin/env python3
"""rtlint report --history on a migration done in steps.

Builds a temporary git repository from fixtures/campfire-app: the first commit
is the app as it is, then each commit runs `rtlint --fix` on one more file
(a migration done file by file), then a commit that touches no TypeScript.
Checks that the burndown in the JSON history goes down at every fixing step,
that the newest point equals a plain report of the working tree, that blobs
which did not change are reused (and that reuse changes no number), and that
--since/--every samples the same line.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from gitrepo import git

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
APP = os.path.join(ROOT, "fixtures", "campfire-app")

failures = []


# rtlint report leaves the contract rules out (its history lints each commit's
# files on their own; docs/contract.md): the check it is compared with does too.
NO_CONTRACT = ("--disable", "event-never-sent", "--disable", "event-never-heard",
               "--disable", "channel-mismatch")


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)
    return cond


def rtlint(exe, repo, *args):
    p = subprocess.run([exe] + list(args), cwd=repo, capture_output=True, text=True)
    return p


def report_json(exe, repo, *args):
    p = rtlint(exe, repo, "report", "--format", "json", *args)
    if p.returncode != 0:
        print(p.stderr)
    check(p.returncode == 0, f"report {' '.join(args)} exits 0 (got {p.returncode})")
    return json.loads(p.stdout), p.stderr


def wrappers_over_history(exe, tmp):
    """Findings owed to the app's own wrappers (fixtures/flow) in every point:
    a commit where a wrapper stops forwarding its event drops its callers'
    findings, the newest point equals the report, and reuse (of the working
    tree's passes and of earlier commits') changes no number."""
    repo = os.path.join(tmp, "flow")
    shutil.copytree(os.path.join(ROOT, "fixtures", "flow"), repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "wrappers", date="2025-02-01T10:00:00Z")
    server = os.path.join(repo, "lib", "realtime", "server.ts")
    with open(server) as f:
        text = f.read()
    with open(server, "w") as f:  # notifyThread no longer forwards its event
        f.write(text.replace("event, data });", 'event: "message:created", data });'))
    git(repo, "commit", "-q", "-am", "wrapper sends one event", date="2025-02-02T10:00:00Z")
    with open(server, "w") as f:
        f.write(text)
    git(repo, "commit", "-q", "-am", "wrapper forwards again", date="2025-02-03T10:00:00Z")
    rep, _ = report_json(exe, repo, "--no-cache", "--history", "3", ".")
    cold, _ = report_json(exe, repo, "--no-cache", "--history", "3", "--no-reuse", ".")
    strip = lambda hs: [{k: v for k, v in h.items() if k not in ("files_linted", "files_reused")}
                        for h in hs]
    totals = [h["totals"]["findings"] for h in rep["history"]]
    check(strip(rep["history"]) == strip(cold["history"]), "wrappers: reuse changes no number")
    check(totals[1] < totals[0] and totals[2] == totals[0],
          f"wrappers: the commit where the wrapper stops forwarding drops its callers' findings "
          f"({totals})")
    check(rep["history"][-1]["totals"] == rep["totals"], "wrappers: newest point == report")


def seeds_in_a_dirty_tree(exe, repo):
    """Uncommitted edits must not leak into the history through the working
    tree's passes: a file whose import target changed, an import that now
    resolves to an untracked file, a changed tsconfig.json."""
    seed = os.path.join(repo, "lib", "seedcase")
    os.makedirs(seed)
    files = {
        "names.ts": 'export const EV = "typing_indicator";\n',
        "sender.ts": 'import { supabase } from "../supabase";\nimport { EV } from "./names";\n'
                     'export const send = (ch: any) => ch.send({ type: "broadcast", event: EV, payload: {} });\n'
                     'export const listen = () => supabase.channel("org:o:conversations").on("broadcast", '
                     '{ event: EV }, () => {});\n',
        "late.ts": 'import { LATE } from "./later";\nexport const on = (ch: any) => ch.on("broadcast", '
                   '{ event: LATE }, () => {});\n',
    }
    for name, text in files.items():
        with open(os.path.join(seed, name), "w") as f:
            f.write(text)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "seed case", date="2025-01-22T10:00:00Z")
    clean, _ = report_json(exe, repo, "--no-cache", "--history", "3", ".")
    # Uncommitted: the imported constant changes, an untracked module appears.
    with open(os.path.join(seed, "names.ts"), "w") as f:
        f.write('export const EV = "typing:start";\n')
    with open(os.path.join(seed, "later.ts"), "w") as f:
        f.write('export const LATE = "late_event";\n')
    for variant in ("edits", "tsconfig"):
        if variant == "tsconfig":
            path = os.path.join(repo, "tsconfig.json")
            with open(path) as f:
                text = f.read()
            with open(path, "w") as f:
                f.write(text.rstrip() + "\n\n")
        dirty, _ = report_json(exe, repo, "--no-cache", "--history", "3", ".")
        cold, _ = report_json(exe, repo, "--no-cache", "--history", "3", "--no-reuse", ".")
        strip = lambda hs: [{k: v for k, v in h.items() if k not in ("files_linted", "files_reused")}
                            for h in hs]
        check(strip(dirty["history"]) == strip(cold["history"]),
              f"{variant}: a dirty working tree's passes change no history number")
        check(strip(dirty["history"]) == strip(clean["history"]),
              f"{variant}: the history is the committed one, whatever the working tree says")
        check(dirty["totals"] != dirty["history"][-1]["totals"],
              f"{variant}: the working tree's totals differ from HEAD's (the case is real)")
        if variant == "edits":
            check(dirty["history"][-1]["files_reused"] > 0,
                  "unchanged files of HEAD reuse the working tree's passes")
    git(repo, "checkout", "-q", "--", ".")
    os.remove(os.path.join(seed, "later.ts"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    exe = os.path.abspath(ap.parse_args().rtlint)
    tmp = tempfile.mkdtemp(prefix="rtlint-history-")
    repo = os.path.join(tmp, "app")
    try:
        shutil.copytree(APP, repo, ignore=shutil.ignore_patterns("node_modules", ".rtlint-cache"))
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "app before the migration", date="2025-01-01T10:00:00Z")
        # Files with safe fixes, in the order of the migration.
        before = json.loads(rtlint(exe, repo, "--format", "json", *NO_CONTRACT, ".").stdout)
        fixable = sorted({d["path"] for d in before["diagnostics"]
                          if d["fix"] and d["fix"]["applicability"] == "safe"})
        check(len(fixable) >= 3, f"at least 3 files with safe fixes (got {fixable})")
        # A fix that changes the names summaries follow (the flow digest: a
        # renamed object key can join them) changes every pass's key, so no
        # commit before it can reuse the working tree's passes: such files
        # are left out of the migration, as the first commit's check below
        # counts reuse across all of it.
        digest_cache = os.path.join(tmp, "digest-cache")

        def flow_digest():
            rtlint(exe, repo, "--cache-dir", digest_cache, *NO_CONTRACT, ".")
            with open(os.path.join(digest_cache, "flow-names")) as f:
                return f.read()

        migrated = []
        for path in fixable:
            was = flow_digest()
            p = rtlint(exe, repo, "--fix", path)
            check(p.returncode in (0, 1), f"rtlint --fix {path} ran")
            if flow_digest() != was:
                git(repo, "checkout", "-q", "--", ".")
                continue
            migrated.append(path)
            git(repo, "commit", "-q", "-am", f"migrate {path}",
                date=f"2025-01-{len(migrated) + 1:02d}T10:00:00Z")
        check(len(migrated) >= 3, f"at least 3 files migrated (got {migrated})")
        fixable = migrated
        with open(os.path.join(repo, "NOTES.md"), "w") as f:
            f.write("no code here\n")
        git(repo, "add", "NOTES.md")
        git(repo, "commit", "-q", "-m", "notes only", date="2025-01-20T10:00:00Z")
        ncommits = len(fixable) + 2

        rep, err = report_json(exe, repo, "--history", str(ncommits + 5), ".")
        hist = rep["history"]
        check(len(hist) == ncommits, f"history has one point per commit ({len(hist)} vs {ncommits})")
        totals = [h["totals"]["findings"] for h in hist]
        done = [h["totals"]["percent_done"] for h in hist]
        print("burndown:", totals, "percent done:", done)
        for i in range(1, len(fixable) + 1):
            check(totals[i] < totals[i - 1],
                  f"findings go down at step {i} ({totals[i - 1]} -> {totals[i]})")
            # A site can carry findings of several rules: fixing one of them
            # leaves the site pending, so a step may keep percent done level.
            check(done[i] >= done[i - 1], f"percent done never goes down (step {i})")
            fixable_counts = [h["totals"]["fixable"] for h in hist]
            check(fixable_counts[i] < fixable_counts[i - 1], f"fixable goes down at step {i}")
        check(done[len(fixable)] > done[0], "percent done rises over the migration")
        check(totals[-1] == totals[-2], "a commit without code changes keeps the numbers")
        check(hist[-1]["files_linted"] == 0 and hist[-1]["files_reused"] == rep["totals"]["files"],
              f"nothing re-linted when no TypeScript changed ({hist[-1]['files_linted']} linted)")
        check(hist[0]["files_linted"] + hist[0]["files_reused"] == rep["totals"]["files"],
              "the first commit counts every file")
        for h in hist[1:len(fixable) + 1]:
            check(h["files_reused"] > 0 and h["files_linted"] < rep["totals"]["files"],
                  f"{h['subject']}: unchanged blobs reused ({h['files_linted']} linted)")
        check([h["subject"] for h in hist][0] == "app before the migration", "oldest first")
        check(all(h["standards"]["source"] == "lib/realtime/unified-channel-standards.ts"
                  and h["standards"]["learned"] for h in hist),
              "each commit's standards come from the commit's standards module")
        # The newest point is the working tree as `rtlint report` sees it.
        check(hist[-1]["totals"] == rep["totals"], "newest history point == current totals")
        for a, b in zip(hist[-1]["phases"], rep["phases"]):
            check(a["findings"] == b["findings"] and a["percent_done"] == b["percent_done"],
                  f"phase {a['phase']} of the newest point == current")
        # The first point is what `rtlint check` said before the migration.
        check(hist[0]["totals"]["findings"] == len(before["diagnostics"]) and
              hist[0]["totals"]["fixable"] == before["summary"]["fixable"],
              "oldest point == rtlint --format json on the original app")
        # Reuse must not change any number.
        cold, _ = report_json(exe, repo, "--history", str(ncommits), "--no-reuse", ".")
        strip = lambda hs: [{k: v for k, v in h.items() if k not in ("files_linted", "files_reused")}
                            for h in hs]
        check(strip(cold["history"]) == strip(hist), "--no-reuse gives the same history")
        check(all(h["files_reused"] == 0 for h in cold["history"]), "--no-reuse reuses nothing")
        # The working tree's passes (a cold report records them) are reused by
        # the commits whose blobs and probed paths match: the first commit
        # lints only the files the migration changed since.
        seeded, _ = report_json(exe, repo, "--no-cache", "--history", str(ncommits), ".")
        check(strip(seeded["history"]) == strip(hist), "seeded history == history")
        # (A pass with a finding located in another file is not seeded: one
        # such file here. And a pass that read a migrated file is not reused:
        # WidgetChat.tsx resolves its hooks through the migrated
        # AdvancedTypingIndicator.tsx.)
        first = seeded["history"][0]
        check(first["files_linted"] <= len(fixable) + 2,
              f"the first commit lints little more than what changed since "
              f"({first['files_linted']} linted, {first['files_reused']} reused, "
              f"{len(fixable)} changed)")
        # --history N takes the newest N.
        last2, _ = report_json(exe, repo, "--history", "2", ".")
        check([h["commit"] for h in last2["history"]] == [h["commit"] for h in hist[-2:]],
              "--history 2 is the newest two commits")
        # --since / --every: every 2nd commit since Jan 3rd, counted from HEAD.
        since, _ = report_json(exe, repo, "--since", "2025-01-03", "--every", "2", ".")
        recent = [h["commit"] for h in hist if h["date"] >= "2025-01-03"]
        expect = list(reversed(list(reversed(recent))[::2]))
        check([h["commit"] for h in since["history"]] == expect,
              f"--since --every samples every 2nd commit ({len(since['history'])} points)")
        # An inline suppression: the finding is no longer open work, in the
        # current snapshot and in the history point of its commit alike.
        now = json.loads(rtlint(exe, repo, "--format", "json", *NO_CONTRACT, ".").stdout)
        target = next(d for d in now["diagnostics"] if d["path"].endswith(".ts"))
        same_line = sum(1 for d in now["diagnostics"] if d["path"] == target["path"]
                        and d["rule"] == target["rule"]
                        and d["start"]["line"] == target["start"]["line"])
        with open(os.path.join(repo, target["path"])) as f:
            lines = f.readlines()
        lines.insert(target["start"]["line"] - 1,
                     f"// rtlint-disable-next-line {target['rule']} -- accepted for now\n")
        with open(os.path.join(repo, target["path"]), "w") as f:
            f.writelines(lines)
        git(repo, "commit", "-q", "-am", "accept one finding", date="2025-01-20T12:00:00Z")
        after = json.loads(rtlint(exe, repo, "--format", "json", *NO_CONTRACT, ".").stdout)
        check(len(after["diagnostics"]) == len(now["diagnostics"]) - same_line
              and len(after["suppressed"]) == same_line,
              f"rtlint check moves {same_line} finding(s) to suppressed")
        sup, _ = report_json(exe, repo, "--history", "2", ".")
        check(sup["totals"]["findings"] == len(after["diagnostics"]),
              f"the report does not count suppressed findings ({sup['totals']['findings']} vs "
              f"{len(after['diagnostics'])})")
        check(sup["history"][-1]["totals"] == sup["totals"],
              "the history point of the suppressing commit == current totals")
        check(sup["history"][-2]["totals"]["findings"] - sup["history"][-1]["totals"]["findings"]
              == same_line, "the history drops the suppressed finding at that commit")

        seeds_in_a_dirty_tree(exe, repo)
        wrappers_over_history(exe, tmp)
        # Without a standards module the built-in catalog applies, and says so.
        os.remove(os.path.join(repo, "lib", "realtime", "unified-channel-standards.ts"))
        git(repo, "commit", "-q", "-am", "drop standards module", date="2025-01-21T10:00:00Z")
        nostd, _ = report_json(exe, repo, "--history", "2", ".")
        std_last = nostd["history"][-1]["standards"]
        check(std_last["source"].startswith("built-in catalog") and not std_last["learned"],
              "a commit without the standards module uses the built-in catalog")
        check(nostd["history"][0]["standards"]["learned"], "the commit before still learned it")
        # Outside git: a clear error.
        outside = os.path.join(tmp, "plain")
        shutil.copytree(APP, outside, ignore=shutil.ignore_patterns("node_modules", ".rtlint-cache"))
        p = rtlint(exe, outside, "report", "--history", "3", ".")
        check(p.returncode == 2 and "git repository" in p.stderr,
              f"--history outside git fails with a message ({p.returncode}: {p.stderr.strip()})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"report-history: {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
