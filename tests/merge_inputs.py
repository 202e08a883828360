#!/usr/bin/env python3
"""rtlint merge refuses inputs it cannot merge faithfully, with exit 2 and a
message naming the file at fault: a shard whose "diagnostics" is not an array
(once dropped without a word, exit 0), a SARIF log without runs whichever
position it has, mixed SARIF and JSON, counts that overflow (once a signed
overflow). Duplicates are merged away however many share a position."""
import argparse
import copy
import json
import os
import subprocess
import sys
import tempfile

failures = []
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def lint(rtlint, fmt):
    proc = subprocess.run([rtlint, "--no-cache", "--format", fmt, "."], capture_output=True,
                          text=True, cwd=os.path.join(ROOT, "fixtures", "campfire-app"))
    return json.loads(proc.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    good_json, good_sarif = lint(rtlint, "json"), lint(rtlint, "sarif")
    with tempfile.TemporaryDirectory() as tmp:
        def write(name, data):
            path = os.path.join(tmp, name)
            with open(path, "w") as f:
                f.write(data if isinstance(data, str) else json.dumps(data))
            return name

        def merge(*names):
            return subprocess.run([rtlint, "merge", *names], cwd=tmp, capture_output=True,
                                  text=True)

        write("good.json", good_json)
        write("good.sarif", good_sarif)
        not_array = copy.deepcopy(good_json)
        not_array["diagnostics"] = {"path": "x.ts"}
        write("object.json", not_array)
        no_runs = copy.deepcopy(good_sarif)
        no_runs["runs"] = []
        write("noruns.sarif", no_runs)
        results_string = copy.deepcopy(good_sarif)
        results_string["runs"][0]["results"] = "none"
        write("results.sarif", results_string)
        huge = copy.deepcopy(good_json)
        huge["summary"]["files"] = 2**63 - 1
        write("huge.json", huge)
        write("empty.json", {})
        write("broken.json", '{"diagnostics": [')

        cases = [
            (("good.json", "object.json"), "object.json", '"diagnostics" is an object, not an array'),
            (("object.json", "good.json"), "object.json", '"diagnostics" is an object, not an array'),
            (("noruns.sarif", "good.sarif"), "noruns.sarif", "a SARIF log without runs"),
            (("good.sarif", "noruns.sarif"), "noruns.sarif", "a SARIF log without runs"),
            (("good.sarif", "results.sarif"), "results.sarif", "is a string, not an array"),
            (("huge.json", "huge.json"), "huge.json", "out of range"),
            (("good.json", "empty.json"), "empty.json", "neither a SARIF log nor rtlint JSON"),
            (("good.sarif", "good.json"), "good.json", "cannot merge JSON output"),
            (("good.json", "broken.json"), "broken.json", ""),
        ]
        for names, blamed, says in cases:
            p = merge(*names)
            first = p.stderr.splitlines()[0] if p.stderr else ""
            check(p.returncode == 2 and first.startswith(f"rtlint: {blamed}") and says in first,
                  f"merge {' '.join(names)}: exit 2 blaming {blamed} ({p.returncode}, {first!r})")

        # Many findings at one position, differing only in their message: all
        # kept once, in a stable order, whatever the number of shards.
        many = copy.deepcopy(good_json)
        one = good_json["diagnostics"][0]
        many["diagnostics"] = []
        for i in range(2000):
            d = copy.deepcopy(one)
            d["message"] = f"m{i}"
            many["diagnostics"].append(d)
        write("many.json", many)
        p = merge("many.json", "many.json", "many.json")
        out = json.loads(p.stdout) if p.returncode == 0 else {"diagnostics": []}
        messages = [d["message"] for d in out["diagnostics"]]
        check(p.returncode == 0 and sorted(messages) == sorted(f"m{i}" for i in range(2000)),
              f"3 shards x 2000 findings at one position merge to 2000 ({len(messages)})")
        check(messages == sorted(messages), "merged findings at one position are ordered")
        check(out.get("summary", {}).get("errors", 0) + out.get("summary", {}).get("warnings", 0)
              == 2000, "the merged summary counts the unique findings")

        # Findings at one place are merged into the engine's order
        # (engine/order.c): message, then severity, then help, then fix; not
        # the order of their serialized fields (end, fix, help, message...).
        def at_one_place(message, severity, help, fix):
            d = copy.deepcopy(one)
            d.update(message=message, severity=severity, help=help, fix=fix)
            return d
        safe = {"applicability": "safe", "title": "t", "edits": []}
        hint = {"applicability": "suggestion", "title": "t", "edits": []}
        want = [at_one_place("a", "error", "z", None), at_one_place("b", "warning", "y", None),
                at_one_place("b", "error", "a", None), at_one_place("b", "error", "b", None),
                at_one_place("b", "error", "b", hint), at_one_place("b", "error", "b", safe)]
        for i, part in enumerate((want[::2], want[1::2])):
            shard = copy.deepcopy(good_json)
            shard["diagnostics"] = list(reversed(part))
            write(f"order{i}.json", shard)
        p = merge("order1.json", "order0.json")
        got = json.loads(p.stdout)["diagnostics"] if p.returncode == 0 else []
        check([(d["message"], d["severity"], d["help"], (d["fix"] or {}).get("applicability"))
               for d in got] ==
              [(d["message"], d["severity"], d["help"], (d["fix"] or {}).get("applicability"))
               for d in want], "findings at one place merge in the engine's order")
    print(f"merge_inputs: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
