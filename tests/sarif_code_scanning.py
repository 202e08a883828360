#!/usr/bin/env python3
"""SARIF for GitHub code scanning, beyond the schema (tests/sarif_check.py):
artifact URIs relative to the project root (uriBaseId %SRCROOT%, declared in
originalUriBaseIds) from any working folder; --sarif-category sets
automationDetails.id; over 25,000 results (a generated tree) the most severe
are kept, then by path, with a notification saying how many were left out;
help.text is plain text, help.markdown Markdown, and every link is absolute
(--sarif-docs-url moves them)."""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

from checks import check, verdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "fixtures", "campfire-app")
LIMIT = 25000
DEFAULT_DOCS = "https://github.com/campfire/rtlint/blob/main/docs"


def sarif(rtlint, cwd, *args, expect=(0, 1)):
    p = subprocess.run([rtlint, "--no-cache", "--format", "sarif", *args], cwd=cwd,
                       capture_output=True, text=True)
    if p.returncode not in expect:
        raise SystemExit(f"rtlint {args} in {cwd}: exit {p.returncode}: {p.stderr}")
    return json.loads(p.stdout)["runs"][0]


def locations(run):
    for res in run["results"]:
        yield res["locations"][0]["physicalLocation"]["artifactLocation"]
    for n in run["invocations"][0]["toolExecutionNotifications"]:
        for loc in n.get("locations", []):
            yield loc["physicalLocation"]["artifactLocation"]


def uris_from_any_folder(rtlint):
    for cwd, arg, same_as in ((os.path.join(APP, "components"), ".", "components"),
                              (os.path.join(APP, "hooks"), "..", "."),
                              (os.path.dirname(APP), "campfire-app", ".")):
        run = sarif(rtlint, cwd, arg)
        name = f"from {os.path.relpath(cwd, ROOT)} with {arg}"
        base = run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri")
        check(base == "file://" + urllib.parse.quote(os.path.realpath(APP)) + "/",
              f"{name}: %SRCROOT% is the project root", base)
        bad = [l for l in locations(run) if l.get("uriBaseId") != "%SRCROOT%" or
               l["uri"].startswith(("/", "file:", "./", "../")) or
               not os.path.isfile(os.path.join(APP, urllib.parse.unquote(l["uri"])))]
        check(not bad, f"{name}: every artifact URI is relative to %SRCROOT% and names a file", bad[:3])
        check(run["results"] == sarif(rtlint, APP, same_as)["results"],
              f"{name}: the same results as `rtlint {same_as}` from the root")


def category(rtlint):
    run = sarif(rtlint, APP, ".")
    check("automationDetails" not in run, "no --sarif-category: no automationDetails")
    for given, want in (("rtlint", "rtlint/"), ("frontend/rtlint", "frontend/rtlint/"),
                        ("web/", "web/")):
        run = sarif(rtlint, APP, "--sarif-category", given, ".")
        check(run.get("automationDetails") == {"id": want},
              f"--sarif-category {given}: automationDetails.id {want!r}", run.get("automationDetails"))
    p = subprocess.run([rtlint, "--format", "json", "--sarif-category", "x", "."], cwd=APP,
                       capture_output=True, text=True)
    check(p.returncode == 2 and "--format sarif" in p.stderr,
          "--sarif-category without --format sarif: exit 2, says why", p.stderr)


LINK = re.compile(r"\]\(([^)\s]+)")


def help_texts(rtlint):
    for docs in (None, "https://docs.example.test/rtlint/docs/"):
        base = (docs or DEFAULT_DOCS).rstrip("/")
        run = sarif(rtlint, APP, *(["--sarif-docs-url", docs] if docs else []), ".")
        for rule in run["tool"]["driver"]["rules"]:
            rid, text, md = rule["id"], rule["help"]["text"], rule["help"]["markdown"]
            check(rule["helpUri"] == f"{base}/rules/{rid}.md", f"{rid}: helpUri {rule['helpUri']}")
            check(md.startswith(f"# {rid}\n"), f"{rid}: help.markdown is the rule's page")
            links = LINK.findall(md)
            check(all(l.startswith(base + "/") or re.match(r"https?://", l) for l in links),
                  f"{rid}: every link in help.markdown is absolute ({len(links)} links)",
                  [l for l in links if not l.startswith(base)])
            if docs:
                check(all(l.startswith(base + "/") for l in links if "campfire/rtlint" in l or
                          not l.startswith("http")), f"{rid}: --sarif-docs-url moves the links")
            # ("**" may stay: globs such as app/api/** in code spans)
            marks = [m for m in ("```", "](", "|---", "\n#", "\n| ") if m in "\n" + text]
            check(not marks and text.startswith(rid + "\n"),
                  f"{rid}: help.text is plain text (no Markdown marks)", marks)
            for field in ("shortDescription", "fullDescription"):
                check("`" not in rule[field]["text"].replace("``", "") or "${" in rule[field]["text"],
                      f"{rid}: {field} has no code-span backticks")
    run = sarif(rtlint, APP, ".")
    rule = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "invalid-suppression")
    rule_ce = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "channel-error-unhandled")
    check("A branch **gives up** when" in rule_ce["help"]["markdown"] and
          "A branch gives up when" in rule_ce["help"]["text"], "emphasis is dropped from help.text")
    check(f"{DEFAULT_DOCS}/suppressions.md" in rule["help"]["markdown"] and
          f"suppressions ({DEFAULT_DOCS}/suppressions.md)" in rule["help"]["text"],
          "the page's ../suppressions.md link is absolute in markdown and spelled out in text")
    for bad in ("docs", "/tmp/docs"):
        p = subprocess.run([rtlint, "-f", "sarif", "--sarif-docs-url", bad, "."], cwd=APP,
                           capture_output=True, text=True)
        check(p.returncode == 2 and "absolute" in p.stderr, f"--sarif-docs-url {bad}: exit 2",
              p.stderr)


def generated_tree(tmp, files=300, channels=35, events=10):
    """Each channel line: 2 errors; each event line: 2 warnings."""
    lib = os.path.join(tmp, "lib")
    os.makedirs(lib)
    with open(os.path.join(lib, "client.ts"), "w") as f:
        f.write('export const supabase = { channel: (n: string) => n };\n')
    for i in range(files):
        lines = ['import { supabase } from "./client";']
        lines += [f"export const c{j} = (orgId: string) => supabase.channel(`org:${{orgId}}:x{j}`);"
                  for j in range(channels)]
        lines += [f'export function h{j}(ch: any) {{ ch.on("broadcast", {{ event: "typing:start" }}, '
                  f'() => {{}}); }}' for j in range(events)]
        with open(os.path.join(lib, f"f{i:03d}.ts"), "w") as f:
            f.write("\n".join(lines) + "\n")


def truncation(rtlint):
    with tempfile.TemporaryDirectory() as tmp:
        generated_tree(tmp)
        p = subprocess.run([rtlint, "--no-cache", "--format", "json", "."], cwd=tmp,
                           capture_output=True, text=True)
        diags = json.loads(p.stdout)["diagnostics"]
        errors = sum(d["severity"] == "error" for d in diags)
        total = len(diags)
        check(total > LIMIT and errors < LIMIT,
              f"the generated tree has {total} findings ({errors} errors), more than {LIMIT}")
        out = os.path.join(tmp, "out.sarif")
        p = subprocess.run([rtlint, "--no-cache", "--format", "sarif", "-o", out, "."], cwd=tmp,
                           capture_output=True, text=True)
        print(f"SARIF of {total} findings capped at {LIMIT}: {os.path.getsize(out) / 1e6:.1f} MB")
        with open(out) as f:
            run = json.load(f)["runs"][0]
        results = run["results"]
        check(p.returncode == 1 and len(results) == LIMIT, f"{len(results)} results written")
        levels = collections.Counter(r["level"] for r in results)
        check(levels["error"] == errors, f"every error kept ({levels['error']} of {errors})")
        kept_warn = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                     for r in results if r["level"] == "warning"]
        all_warn = sorted(d["path"] for d in diags if d["severity"] == "warning")
        check(sorted(kept_warn) == all_warn[:LIMIT - errors],
              "the warnings kept are those of the first paths")
        order = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                  r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results]
        check(order == sorted(order), "results keep rtlint's order (by path and line)")
        notes = [n for n in run["invocations"][0]["toolExecutionNotifications"]
                 if n["descriptor"]["id"] == "results-truncated"]
        check(len(notes) == 1 and notes[0]["message"]["text"].startswith(
            f"{total - LIMIT} of {total} results were left out"),
              "a notification says how many were left out", notes)
        fps = {r["partialFingerprints"]["rtlintFingerprint/v1"] for r in results}
        check(len(fps) == LIMIT, "fingerprints stay unique")
        # Two shards of ~13,500 results each: merged, the cap and its notice are one run's.
        shards = []
        for i in (1, 2):
            shard = os.path.join(tmp, f"shard{i}.sarif")
            subprocess.run([rtlint, "--no-cache", "-f", "sarif", "--shard", f"{i}/2", "-o", shard, "."],
                           cwd=tmp, capture_output=True)
            shards.append(shard)
        merged = os.path.join(tmp, "merged.sarif")
        p = subprocess.run([rtlint, "merge", *shards, "-o", merged], capture_output=True, text=True)
        with open(merged) as f:
            mrun = json.load(f)["runs"][0]
        check(p.returncode == 0 and mrun["results"] == run["results"] and
              mrun["invocations"][0]["toolExecutionNotifications"] ==
              run["invocations"][0]["toolExecutionNotifications"],
              "rtlint merge of two shards keeps the same 25,000 results and notice as one run",
              p.stderr)
        # Below the limit nothing is dropped and nothing is said.
        run = sarif(rtlint, APP, ".")
        check(not [n for n in run["invocations"][0]["toolExecutionNotifications"]
                   if n["descriptor"]["id"] == "results-truncated"],
              "below the limit: no truncation notification")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    uris_from_any_folder(rtlint)
    category(rtlint)
    help_texts(rtlint)
    truncation(rtlint)
    return verdict("sarif code scanning")


if __name__ == "__main__":
    sys.exit(main())
