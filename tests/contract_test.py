#!/usr/bin/env python3
"""The realtime contract (docs/contract.md): the seed's typing bug across a
widget component and an API route is flagged at both ends, each naming the
other as a related location; its fixed version is quiet; partial runs (a
sub-folder, the working folder below the root, --staged) stay quiet; a warm
cache gives the same findings; `rtlint graph --format json` validates against
schemas/rtlint-graph.schema.json and gives the same bytes at -j1/-j2/-j8,
from a sub-folder and from a warm cache; dispatch cases, external ends and
presence/postgres_changes sites appear as the schema says; the view formats
not yet built in are refused with a message."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUG = os.path.join(ROOT, "fixtures/contract/typing-bug")
FIXED = os.path.join(ROOT, "fixtures/contract/typing-fixed")
SENT = os.path.join(ROOT, "fixtures/rules/event-never-sent")
RULES = ["event-never-sent", "event-never-heard", "channel-mismatch"]
GRAPH_TREES = [BUG, SENT, os.path.join(ROOT, "fixtures/rules/channel-mismatch"),
               os.path.join(ROOT, "eval/corpus"), os.path.join(ROOT, "eval/layered")]
FAILED = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILED.append(what)


def run(rtlint, args, cwd):
    return subprocess.run([rtlint, *args], cwd=cwd, capture_output=True, text=True)


def contract_findings(rtlint, cwd, *args):
    rules = [a for r in RULES for a in ("--rule", r)]
    p = run(rtlint, ["--format", "json", "--no-cache", *rules, *args], cwd)
    if p.returncode not in (0, 1):
        sys.exit(f"rtlint failed: {p.stderr}")
    return json.loads(p.stdout)["diagnostics"]


def graph(rtlint, cwd, *args):
    p = run(rtlint, ["graph", "--format", "json", *args], cwd)
    if p.returncode != 0:
        sys.exit(f"rtlint graph failed in {cwd}: {p.stderr}")
    return p.stdout


def test_typing_bug(rtlint):
    found = contract_findings(rtlint, BUG, ".")
    where = sorted((d["rule"], d["path"], d["start"]["line"]) for d in found)
    check(where == [("event-never-heard", "app/api/dashboard/typing/route.ts", 10),
                    ("event-never-sent", "components/widget/WidgetTyping.tsx", 11)],
          f"typing bug flagged at both ends: {where}")
    for d in found:
        other = ("app/api/dashboard/typing/route.ts" if d["rule"] == "event-never-sent"
                 else "components/widget/WidgetTyping.tsx")
        check(any(r["path"] == other for r in d.get("related", [])),
              f"{d['rule']} names the other end ({other}) as related")
    sent = [d for d in found if d["rule"] == "event-never-sent"]
    check(sent and "UNIFIED_EVENTS.TYPING_START" in sent[0]["message"]
          and "app/api/dashboard/typing/route.ts:10" in sent[0]["message"],
          "event-never-sent names the event that is sent and where")
    p = run(rtlint, ["--format", "sarif", "--no-cache", "--rule", "event-never-sent", "."], BUG)
    results = json.loads(p.stdout)["runs"][0]["results"]
    check(results and results[0].get("relatedLocations"), "SARIF carries relatedLocations")
    check(contract_findings(rtlint, FIXED, ".") == [], "the fixed version is quiet")


def test_partial_runs(rtlint):
    check(contract_findings(rtlint, BUG, "components") == [], "a sub-folder run stays quiet")
    check(contract_findings(rtlint, os.path.join(BUG, "components")) == [],
          "a run from a folder below the root stays quiet")
    check(len(contract_findings(rtlint, os.path.join(BUG, "components"), "..")) == 2,
          "a run naming the root from below it reports")
    with tempfile.TemporaryDirectory() as tmp:
        tree = os.path.join(tmp, "app")
        shutil.copytree(BUG, tree)
        git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
        subprocess.run([*git, "init", "-q", tree], check=True)
        subprocess.run([*git, "-C", tree, "add", "-A"], check=True)
        check(contract_findings(rtlint, tree, "--staged") == [], "--staged stays quiet")
        check(len(contract_findings(rtlint, tree)) == 2, "the same tree, whole, reports")


def test_cache(rtlint):
    with tempfile.TemporaryDirectory() as tmp:
        rules = [a for r in RULES for a in ("--rule", r)]
        args = ["--format", "json", "--cache-dir", os.path.join(tmp, "c"), *rules, "."]
        cold = run(rtlint, args, BUG).stdout
        warm = run(rtlint, args, BUG).stdout
        check(cold == warm and len(json.loads(warm)["diagnostics"]) == 2,
              "a warm cache gives the same contract findings")
        cold = graph(rtlint, BUG, "--cache-dir", os.path.join(tmp, "g"))
        warm = graph(rtlint, BUG, "--cache-dir", os.path.join(tmp, "g"))
        check(cold == warm, "a warm cache gives the same graph")


def test_graph(rtlint):
    schema = json.load(open(os.path.join(ROOT, "schemas/rtlint-graph.schema.json")))
    jsonschema.Draft7Validator.check_schema(schema)
    for tree in GRAPH_TREES:
        name = os.path.relpath(tree, ROOT)
        outs = {j: graph(rtlint, tree, "--no-cache", "-j", str(j)) for j in (1, 2, 8)}
        check(len(set(outs.values())) == 1, f"{name}: same bytes at -j1, -j2, -j8")
        sub = next(os.path.join(tree, d) for d in sorted(os.listdir(tree))
                   if os.path.isdir(os.path.join(tree, d)) and d != "node_modules")
        check(graph(rtlint, sub, "--no-cache") == outs[1],
              f"{name}: same bytes from {os.path.relpath(sub, tree)}/")
        g = json.loads(outs[1])
        try:
            jsonschema.validate(g, schema)
            check(True, f"{name}: valid against rtlint-graph.schema.json")
        except jsonschema.ValidationError as e:
            check(False, f"{name}: schema: {e.message}")
        ids = [s["id"] for s in g["sites"]]
        check(ids == [f"s{i + 1}" for i in range(len(ids))], f"{name}: sites numbered in order")
        keys = [(s["path"], s["line"], s["column"], s["role"]) for s in g["sites"]]
        check(keys == sorted(keys), f"{name}: sites sorted by path, line, column, role")
        chans = {c["id"] for c in g["channels"]}
        check(all(s["channel"] in chans for s in g["sites"] if s["channel"]),
              f"{name}: every site's channel is listed")
        kinds = {s["id"]: s["kind"] for s in g["sites"]}
        check(all(kinds[e["from"]] == kinds[e["to"]] for e in g["edges"]),
              f"{name}: edges never cross kinds")

    g = json.loads(graph(rtlint, SENT, "--no-cache"))
    ext = [s for s in g["sites"] if s["external"]]
    check([(s["path"], s["line"], s["role"], s["event"]["value"], s["function"]) for s in ext]
          == [("rtlint.yaml", 5, "sender", "ai:handover:requested", None)],
          "the declared external sender is a site of rtlint.yaml")
    check(any(e["from"] == ext[0]["id"] for e in g["edges"]), "the external sender has an edge")
    hears = [s.get("hears") for s in g["sites"] if s["event"]["value"] == "*"]
    check(["message:created", "message:new"] in hears and None in hears,
          f"a dispatching * listener hears its cases, another hears everything: {hears}")
    other = {s["kind"] for s in g["sites"]}
    check(other == {"broadcast", "presence", "postgres_changes"}, f"all three kinds: {other}")
    unmatched = {u["site"] for u in g["unmatched"]}
    check(all(s["id"] not in unmatched for s in g["sites"] if s["kind"] != "broadcast"),
          "presence and postgres_changes sites are never unmatched")
    reasons = {u["reason"] for u in g["unmatched"]}
    check({"event-never-sent", "unknown-channel"} <= reasons, f"unmatched reasons: {reasons}")

    with tempfile.TemporaryDirectory() as tmp:
        open(os.path.join(tmp, "rtlint.yaml"), "w").write("# root\n")
        open(os.path.join(tmp, "plain.ts"), "w").write("export const x = 1;\n")
        p = run(rtlint, ["graph", "--no-cache"], tmp)
        empty = json.loads(p.stdout) if p.returncode == 0 else None
        check(empty is not None and not p.stderr and
              [empty[k] for k in ("channels", "sites", "edges", "unmatched")] == [[], [], [], []],
              "a project without realtime code has an empty graph")

    # The views draw the same graph: the seed's bug shows in each of them.
    for fmt in ("dot", "md", "html"):
        p = run(rtlint, ["graph", "--no-cache", "--format", fmt], BUG)
        check(p.returncode == 0 and not p.stderr and "typing_indicator" in p.stdout.replace("\\_", "_"),
              f"graph --format {fmt} draws the typing bug")
    p = run(rtlint, ["graph", "--format", "sarif"], BUG)
    check(p.returncode == 2 and "graph format" in p.stderr, "graph --format sarif is a usage error")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    test_typing_bug(rtlint)
    test_partial_runs(rtlint)
    test_cache(rtlint)
    test_graph(rtlint)
    print(f"contract: {len(FAILED)} failures")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
