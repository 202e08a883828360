#!/usr/bin/env python3
"""The report's numbers, in all three formats, agree with `rtlint --format json`.

Runs `rtlint --format json` and `rtlint report --format json|md|html` on the
same tree and recomputes every count from the plain diagnostics: totals, per
phase, per rule, per top-level directory, per file, and the files `--fix`
would change. The md table and the html tables are parsed back.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
failures = []


# rtlint report leaves the contract rules out (its history lints each commit's
# files on their own; docs/contract.md): the check it is compared with does too.
NO_CONTRACT = ("--disable", "event-never-sent", "--disable", "event-never-heard",
               "--disable", "channel-mismatch")


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)


def run(exe, cwd, *args):
    p = subprocess.run([exe] + list(args), cwd=cwd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        print(p.stderr)
    check(p.returncode in (0, 1), f"rtlint {' '.join(args)} ran (exit {p.returncode})")
    return p.stdout


class Tables(HTMLParser):
    """Collects every table by id: rows of (attrs, [cell text or data-v])."""

    def __init__(self):
        super().__init__()
        self.tables, self.ids, self.cur, self.row, self.cell = {}, {}, None, None, None
        self.id_stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids[a["id"]] = ""
            self.id_stack.append((tag, a["id"]))
        if tag == "table":
            self.cur = self.tables.setdefault(a.get("id", ""), [])
        elif tag == "tr" and self.cur is not None:
            self.row = (a, [])
            self.cur.append(self.row)
        elif tag in ("td", "th") and self.row is not None:
            self.cell = [a.get("data-v"), ""]

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            v, text = self.cell
            self.row[1].append(v if v is not None else text.strip())
            self.cell = None
        elif tag == "table":
            self.cur = None
        if self.id_stack and self.id_stack[-1][0] == tag:
            self.id_stack.pop()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[1] += data
        for _, i in self.id_stack:
            self.ids[i] += data


def expected(plain, rules):
    diags = plain["diagnostics"]
    phase_of = {r["id"]: r["phase"] for r in rules}
    e = {"findings": len(diags), "errors": plain["summary"]["errors"],
         "warnings": plain["summary"]["warnings"], "fixable": plain["summary"]["fixable"],
         "suggestions": plain["summary"]["suggestions"], "files": plain["summary"]["files"]}
    e["files_with_findings"] = len({d["path"] for d in diags})
    e["needs_human"] = e["findings"] - e["fixable"]
    safe = lambda d: bool(d["fix"]) and d["fix"]["applicability"] == "safe"
    suggested = lambda d: bool(d["fix"]) and d["fix"]["applicability"] == "suggestion"
    e["phases"], e["phase_fixes"] = {}, {}
    for p in range(5):
        ds = [d for d in diags if phase_of[d["rule"]] == p]
        e["phases"][p] = (len(ds), len({d["path"] for d in ds}), sum(map(safe, ds)))
        # (--fix clears, --fix-suggestions clears)
        e["phase_fixes"][p] = (sum(map(safe, ds)), sum(safe(d) or suggested(d) for d in ds))
    e["rule_suggestions"] = {r["id"]: sum(suggested(d) for d in diags if d["rule"] == r["id"])
                             for r in rules}
    e["rules"] = {r["id"]: (sum(d["rule"] == r["id"] for d in diags),
                            len({d["path"] for d in diags if d["rule"] == r["id"]}),
                            sum(safe(d) for d in diags if d["rule"] == r["id"])) for r in rules}
    e["per_file"] = collections.Counter(d["path"] for d in diags)
    e["per_dir"] = collections.Counter(d["path"].split("/")[0] if "/" in d["path"] else "."
                                       for d in diags)
    e["fix_files"] = collections.Counter(d["path"] for d in diags if safe(d))
    return e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("dir", nargs="?", default=os.path.join(ROOT, "fixtures", "campfire-app"))
    args = ap.parse_args()
    exe, cwd = os.path.abspath(args.rtlint), args.dir
    plain = json.loads(run(exe, cwd, "--format", "json", "--no-cache", *NO_CONTRACT, "."))
    rules = json.loads(run(exe, cwd, "rules", "--format", "json"))
    e = expected(plain, rules)
    check(e["findings"] > 0, "the tree has findings to count")
    check(e["suggestions"] > 0, "the tree has suggested fixes to count")

    # JSON
    rep = json.loads(run(exe, cwd, "report", "--format", "json", "."))
    t = rep["totals"]
    for k in ("files", "files_with_findings", "findings", "errors", "warnings", "fixable",
              "suggestions", "needs_human"):
        check(t[k] == e[k], f"json totals.{k}: {t[k]} != {e[k]}")
    check(t["notices"] == len(plain["notices"]), "json totals.notices")
    for ph in rep["phases"]:
        got = (ph["findings"], ph["files"], ph["fixable"])
        check(got == e["phases"][ph["phase"]], f"json phase {ph['phase']}: {got}")
        got = (ph["fixable"], ph["fixable_with_suggestions"])
        check(got == e["phase_fixes"][ph["phase"]] and
              ph["suggestions"] == got[1] - got[0], f"json phase {ph['phase']} fixes: {got}")
        check(ph["needs_human"] == ph["findings"] - ph["fixable"], "needs_human = rest")
        check((ph["findings"] == 0) == (ph["percent_done"] == 100.0),
              f"phase {ph['phase']}: 100% done exactly when no findings")
    check(sum(ph["findings"] for ph in rep["phases"]) == e["findings"], "phases add up")
    for r in rep["rules"]:
        check((r["findings"], r["files"], r["fixable"]) == e["rules"][r["id"]], f"rule {r['id']}")
    check({r["id"] for r in rep["rules"]} == set(e["rules"]), "every rule listed")
    check({r["id"]: r["suggestions"] for r in rep["rules"]} == e["rule_suggestions"],
          "json rules' suggestions")
    check(t["fixable_with_suggestions"] == e["fixable"] + e["suggestions"],
          "json totals.fixable_with_suggestions")
    top = {f["path"]: f["findings"] for f in rep["top_files"]}
    check(top == dict(e["per_file"].most_common(20)) or
          (len(top) == min(20, len(e["per_file"])) and all(e["per_file"][p] == n
                                                           for p, n in top.items())),
          "json top_files match per-file counts")
    dirs = {d["directory"]: d["findings"] for d in rep["directories"]["items"] if d["findings"]}
    check(dirs == dict(e["per_dir"]), f"json directories {dirs} != {dict(e['per_dir'])}")
    check(sum(d["files"] for d in rep["directories"]["items"]) == e["files"],
          "directory file counts add up to all files")
    fx = {f["path"]: f["fixes"] for f in rep["fix_now"]["by_file"]}
    check(fx == dict(e["fix_files"]) and rep["fix_now"]["fixes"] == e["fixable"] and
          rep["fix_now"]["files"] == len(e["fix_files"]), "json fix_now")
    diff = subprocess.run([exe, "--diff", "."], cwd=cwd, capture_output=True, text=True).stdout
    diff_files = {l[6:] for l in diff.splitlines() if l.startswith("+++ b/")}
    check(diff_files == set(fx), f"fix_now files == files in `rtlint --diff` ({diff_files})")
    # Depth 2
    rep2 = json.loads(run(exe, cwd, "report", "--format", "json", "--by-dir-depth", "2", "."))
    d2 = collections.Counter()
    for d in plain["diagnostics"]:
        parts = d["path"].split("/")[:-1]
        d2["/".join(parts[:2]) if parts else "."] += 1
    got2 = {d["directory"]: d["findings"] for d in rep2["directories"]["items"] if d["findings"]}
    check(rep2["directories"]["depth"] == 2 and got2 == dict(d2), f"depth 2 directories {got2}")

    # Markdown
    md = run(exe, cwd, "report", "--format", "md", ".")
    rows = [l for l in md.splitlines() if l.startswith("| ") and "| Findings |" not in l]
    check(len(rows) == 6, f"md has 5 phase rows and a total ({len(rows)})")
    for p, row in enumerate(rows[:5]):
        cells = [c.strip() for c in row.strip("|").split("|")]
        got = (int(cells[1]), int(cells[2]), int(cells[3]))
        check(got == e["phases"][p], f"md phase {p}: {got}")
        check((int(cells[3]), int(cells[4])) == e["phase_fixes"][p], f"md phase {p} fixes")
        check(cells[6] == f"{rep['phases'][p]['percent_done']:.1f}%", f"md phase {p} percent")
    cells = [c.strip() for c in rows[5].strip("|").split("|")]
    check([int(c) for c in cells[1:6]] == [e["findings"], e["files_with_findings"], e["fixable"],
                                            e["fixable"] + e["suggestions"], e["needs_human"]],
          f"md total row {cells}")
    m = re.search(r"(\d+) findings? in (\d+) of (\d+) files?; (\d+) fixable with `rtlint --fix`, "
                  r"(\d+) with `rtlint --fix-suggestions`", md)
    check(m and tuple(map(int, m.groups())) == (e["findings"], e["files_with_findings"],
                                                e["files"], e["fixable"],
                                                e["fixable"] + e["suggestions"]),
          "md summary line")

    # HTML
    page = Tables()
    page.feed(run(exe, cwd, "report", "--format", "html", "."))
    ph_rows = [r for r in page.tables["phase-table"] if "data-phase" in r[0]]
    check(len(ph_rows) == 6, "html phase table has 5 phases and a total")
    for attrs, cells in ph_rows:
        if attrs["data-phase"] == "total":
            check([int(c) for c in cells[2:7]] == [e["findings"], e["files_with_findings"],
                                                   e["fixable"], e["fixable"] + e["suggestions"],
                                                   e["needs_human"]],
                  f"html total row {cells}")
            continue
        p = int(attrs["data-phase"])
        check((int(cells[2]), int(cells[3]), int(cells[4])) == e["phases"][p], f"html phase {p}")
        check((int(cells[4]), int(cells[5])) == e["phase_fixes"][p], f"html phase {p} fixes")
    for attrs, cells in page.tables["rule-table"]:
        if "data-rule" in attrs:
            got = (int(cells[2]), int(cells[3]), int(cells[4]))
            check(got == e["rules"][attrs["data-rule"]], f"html rule {attrs['data-rule']}")
    files_html = {c[0]: int(c[1]) for a, c in page.tables["top-files-table"][1:]}
    check(files_html == top, "html top files == json top files")
    dirs_html = {c[0]: int(c[2]) for a, c in page.tables["directory-table"][1:] if int(c[2])}
    check(dirs_html == dict(e["per_dir"]), "html directory table")
    fix_html = {c[0]: int(c[1]) for a, c in page.tables.get("fix-table", [[None, []]])[1:]}
    check(fix_html == dict(e["fix_files"]), "html fix table")
    for kid, want in (("kpi-findings", e["findings"]), ("kpi-fixable", e["fixable"]),
                      ("kpi-human", e["needs_human"]), ("fix-count", e["fixable"]),
                      ("kpi-files", e["files_with_findings"])):
        check(page.ids.get(kid, "").strip() == str(want), f"html #{kid} == {want}")
    check(page.ids["percent-done"].strip() == f"{t['percent_done']:.1f}%", "html percent done")

    # --compare: a report compared with itself has no delta; with an older one it does.
    prev = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"rtlint-prev-{os.getpid()}.json")
    older = dict(rep, totals=dict(t, findings=t["findings"] + 5, fixable=t["fixable"] + 2,
                                  percent_done=50.0))
    older["phases"] = [dict(ph, findings=ph["findings"] + (5 if ph["phase"] == 0 else 0))
                       for ph in rep["phases"]]
    with open(prev, "w") as f:
        json.dump(older, f)
    cmp = json.loads(run(exe, cwd, "report", "--format", "json", "--compare", prev, "."))
    check(cmp["compare"]["findings"] == -5 and cmp["compare"]["fixable"] == -2,
          f"json compare deltas {cmp['compare']}")
    check(cmp["compare"]["percent_done"] == round(t["percent_done"] - 50.0, 1), "compare pct")
    md2 = run(exe, cwd, "report", "--format", "md", "--compare", prev, ".")
    check(f"findings {e['findings'] + 5} \u2192 {e['findings']} (\u22125)" in md2,
          "md shows the delta since the previous report")
    os.remove(prev)

    print(f"report-consistency: {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
