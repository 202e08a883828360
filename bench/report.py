#!/usr/bin/env python3
"""Turn bench/run's hyperfine exports, RSS figures and finding counts into one markdown report.

    report.py WORK_DIR RTLINT_BINARY CORES > bench/results-latest.md

Ratios are computed from figures of the same run only; a missing measurement (e.g. no cache
flag yet) shows as "n/a" rather than a number from elsewhere.
"""
import collections
import datetime
import json
import os
import platform
import subprocess
import sys

work, rtlint, cores = sys.argv[1], sys.argv[2], int(sys.argv[3])
res = os.path.join(work, "results")


def timing(name):
    """Mean and stddev in seconds from a hyperfine export, or None."""
    p = os.path.join(res, name + ".json")
    if not os.path.exists(p):
        return None
    r = json.load(open(p))["results"][0]
    return r["mean"], r["stddev"] or 0.0, len(r["times"]), r["min"]


def rss_mb(name):
    p = os.path.join(res, f"rss-{name}.txt")
    try:
        return int(open(p).read().strip()) / 1024
    except (OSError, ValueError):
        return None


def fmt_t(t):
    if t is None:
        return "n/a"
    mean, sd, n, lo = t
    if mean < 1:
        return f"{mean * 1000:.0f} ms ± {sd * 1000:.0f} (min {lo * 1000:.0f}, n={n})"
    return f"{mean:.2f} s ± {sd:.2f} (min {lo:.2f}, n={n})"


def ratio(a, b):
    """Ratio of means, and of minimums (the latter is less sensitive to other load on the box)."""
    return f"{a[0] / b[0]:.3f} (min/min {a[3] / b[3]:.3f})" if a and b else "n/a"


def counts():
    """Findings per detection class for each tool on the 3k tree, next to what gen.py planted."""
    planted = json.load(open(os.path.join(work, "t3k.manifest.json")))["planted"]
    rt = collections.Counter()
    p = os.path.join(res, "rtlint-t3k.json")
    if os.path.exists(p):
        rt.update(d["rule"] for d in json.load(open(p))["diagnostics"])
    ag = collections.Counter()
    p = os.path.join(res, "astgrep-t3k.jsonl")
    if os.path.exists(p):
        for line in open(p):
            if line.strip():
                ag[json.loads(line)["ruleId"].rsplit("-", 1)[0]] += 1  # drop -typescript/-tsx
    es = collections.Counter()
    p = os.path.join(res, "eslint-t3k.json")
    if os.path.exists(p):
        for f in json.load(open(p)):
            for m in f["messages"]:
                es[m["message"].split(":")[0] if m.get("ruleId") else "parse-error"] += 1
    return planted, rt, ag, es


def main():
    t = {n: timing(n) for n in ["parse-3k", "rtlint-cold-3k", "rtlint-warm-3k", "rtlint-provider-3k", "astgrep-3k", "eslint-3k",
                                "parse-30k", "rtlint-cold-30k", "astgrep-30k", "eslint-30k", "precommit", "precommit-loose", "merge-2x20k", "rtlint-cold-corpus", "rtlint-warm-corpus"]}
    m3 = json.load(open(os.path.join(work, "t3k.manifest.json")))
    m30 = json.load(open(os.path.join(work, "t30k.manifest.json")))
    version = subprocess.run([rtlint, "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", os.path.dirname(os.path.abspath(__file__)), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    out = []
    w = out.append
    w(f"# rtlint benchmark results ({datetime.date.today().isoformat()})\n")
    w(f"- machine: {cores} cores (`nproc`), {cpu}, {platform.system()} {platform.release()}")
    w(f"- rtlint: `{version}` at commit {commit or '?'}")
    w(f"- 3k tree: {m3['code_files']} code files, {m3['bytes'] / 1e6:.1f} MB, {m3['realtime_files']} with realtime code; "
      f"30k tree: {m30['code_files']} code files, {m30['bytes'] / 1e6:.1f} MB (bench/gen.py, seed {m3['seed']})")
    w("- all figures from one run of `bench/run`, side by side; hyperfine mean ± stddev (min)")
    load = os.path.join(res, "loadavg-start.txt")
    if os.path.exists(load):
        w(f"- load average when the run started: {open(load).read().split()[0]} "
          "(anything well above 0 means other work shared the cores)")
    w("")

    w("| measurement | 3k files | 30k files | peak RSS (3k) |")
    w("|---|---|---|---|")
    w(f"| parse-only floor (tree-sitter, {cores} threads) | {fmt_t(t['parse-3k'])} | {fmt_t(t['parse-30k'])} | {fmt_mb(rss_mb('parse-3k'))} |")
    w(f"| rtlint cold | {fmt_t(t['rtlint-cold-3k'])} | {fmt_t(t['rtlint-cold-30k'])} | {fmt_mb(rss_mb('rtlint-3k'))} |")
    w(f"| rtlint warm (cache) | {fmt_t(t['rtlint-warm-3k'])} | | |")
    w(f"| eval/corpus (realtime contract) cold / warm | {fmt_t(t['rtlint-cold-corpus'])} / {fmt_t(t['rtlint-warm-corpus'])} | | |")
    w(f"| rtlint cold, one file calling the provider hook (import graph) | {fmt_t(t['rtlint-provider-3k'])} | | |")
    w(f"| ast-grep scan | {fmt_t(t['astgrep-3k'])} | {fmt_t(t['astgrep-30k'])} | {fmt_mb(rss_mb('astgrep-3k'))} |")
    w(f"| ESLint + typescript-eslint parser | {fmt_t(t['eslint-3k'])} | {fmt_t(t['eslint-30k']) if t['eslint-30k'] else 'not run (too slow; 3k only)'} | {fmt_mb(rss_mb('eslint-3k'))} |")
    w(f"| pre-commit (5 staged files, 2,000-file repo, packed) | {fmt_t(t['precommit'])} | | |")
    w(f"| pre-commit, same repo with 2,000 loose objects | {fmt_t(t['precommit-loose'])} | | |")
    w(f"| rtlint merge, 2 shards x 20,000 duplicate findings (target < 2 s) | {fmt_t(t['merge-2x20k'])} | | |")
    w("")
    w("| ratio | measured | target |")
    w("|---|---|---|")
    w(f"| rtlint cold / ast-grep (3k) | {ratio(t['rtlint-cold-3k'], t['astgrep-3k'])} | <= 0.5 |")
    w(f"| rtlint cold / ESLint (3k) | {ratio(t['rtlint-cold-3k'], t['eslint-3k'])} | <= 0.02 |")
    w(f"| rtlint warm / cold (3k) | {ratio(t['rtlint-warm-3k'], t['rtlint-cold-3k'])} | <= 0.1 |")
    w(f"| rtlint 30k / 3k | {ratio(t['rtlint-cold-30k'], t['rtlint-cold-3k'])} | <= 11 |")
    w(f"| rtlint cold / parse-only floor (3k) | {ratio(t['rtlint-cold-3k'], t['parse-3k'])} | close to 1 |")
    w(f"| ast-grep 30k / 3k | {ratio(t['astgrep-30k'], t['astgrep-3k'])} | |")
    pc = t["precommit"]
    w(f"| pre-commit (packed repo) | {pc[0] * 1000:.0f} ms | < 50 ms |" if pc else "| pre-commit | n/a | |")
    r3 = rss_mb("rtlint-3k")
    w(f"| rtlint peak RSS, 3k / 30k | {fmt_mb(r3)} / {fmt_mb(rss_mb('rtlint-30k'))} | < 150 MB (3k) |")
    w(f"| cores | {cores} | |")
    w("")

    planted, rt, ag, es = counts()
    w("Findings on the 3k tree, per detection (comparable work):\n")
    w("| detection | planted | rtlint | ast-grep | ESLint |")
    w("|---|---|---|---|---|")
    for k in ["event-custom", "channel-hand-built", "hook-deprecated", "supabase-channel-direct"]:
        rk = rt.get(k, 0) + (rt.get("event-name-custom", 0) if k == "event-custom" else 0)
        w(f"| {k} | {planted[k]} | {rk} | {ag.get(k, 0)} | {es.get(k, 0)} |")
    w(f"| channel-hand-built via a variable (site + use) | {planted['channel-hand-built-via-variable']} x 2 | "
      f"(in the row above) | cannot express | cannot express |")
    w(f"| event-custom through a wrapper two files away | {planted.get('event-custom-via-wrapper', 0)} | "
      f"(in the event-custom row) | cannot express | cannot express |")
    others = {k: v for k, v in rt.items() if k not in planted and k != "event-name-custom"}
    if others:
        w(f"| other rtlint rules | | {', '.join(f'{k} {v}' for k, v in sorted(others.items()))} | | |")
    w(f"\nrtlint rules in this build: {', '.join(sorted(rules()))}")
    print("\n".join(out))


def fmt_mb(v):
    return "n/a" if v is None else f"{v:.0f} MB"


def rules():
    r = subprocess.run([rtlint, "rules", "--format", "json"], capture_output=True, text=True)
    try:
        data = json.loads(r.stdout)
        items = data.get("rules", data) if isinstance(data, dict) else data
        return [x["id"] for x in items]
    except (ValueError, KeyError, TypeError):
        return [l.split()[0] for l in r.stdout.splitlines()[1:] if l.strip()]


if __name__ == "__main__":
    main()
