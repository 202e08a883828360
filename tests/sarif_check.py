#!/usr/bin/env python3
"""Validates rtlint's SARIF against the official SARIF 2.1.0 JSON schema
(tests/schemas/sarif-schema-2.1.0.json, draft-04, via python3-jsonschema) and
checks what the schema cannot: every registered rule is described, ruleIndex
points at the result's rule, columns are UTF-16 code units, fingerprints are
unique and survive lines added above a finding, fixes apply to the snippet."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def sarif(rtlint, cwd, *args):
    proc = subprocess.run([rtlint, "--format", "sarif", "--no-cache", *args], cwd=cwd,
                          capture_output=True,
                          text=True)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def utf16_col(line, byte_col):
    """1-based UTF-16 column of the 1-based byte column in line (str)."""
    prefix = line.encode("utf-8")[:byte_col - 1].decode("utf-8")
    return len(prefix.encode("utf-16-le")) // 2 + 1


def region_text(lines, region):
    """The text a SARIF region (UTF-16 columns) covers."""
    def offset(line_no, col):
        before = "".join(lines[:line_no - 1])
        units = lines[line_no - 1].encode("utf-16-le")[:(col - 1) * 2].decode("utf-16-le")
        return len(before) + len(units)
    text = "".join(lines)
    return text[offset(region["startLine"], region["startColumn"]):
                offset(region["endLine"], region["endColumn"])]


def check_log(name, log, validator, rules_json, cwd):
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors[:10]:
        check(False, f"{name}: schema: {'/'.join(map(str, e.path))}: {e.message[:200]}")
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    ids = [r["id"] for r in driver["rules"]]
    check(ids == [r["id"] for r in rules_json], f"{name}: driver.rules != `rtlint rules`: {ids}")
    for rule in driver["rules"]:
        check(rule["help"]["markdown"].startswith(f"# {rule['id']}\n"),
              f"{name}: {rule['id']}: help is not its doc page")
        check(rule["helpUri"].endswith(f"/docs/rules/{rule['id']}.md"), f"{rule['id']}: helpUri")
    root = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    check(root == "file://" + urllib.parse.quote(os.path.realpath(cwd)) + "/",
          f"{name}: %SRCROOT% is {root}")
    check(run["invocations"][0]["executionSuccessful"] is True, f"{name}: executionSuccessful")
    seen = set()
    for i, res in enumerate(run["results"]):
        where = f"{name}: results[{i}]"
        check(driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"], f"{where}: ruleIndex")
        loc = res["locations"][0]["physicalLocation"]
        art = loc["artifactLocation"]
        check(art.get("uriBaseId") == "%SRCROOT%" and not art["uri"].startswith(("/", "file:")),
              f"{where}: uri {art['uri']} is not relative to %SRCROOT%")
        path = os.path.join(cwd, urllib.parse.unquote(art["uri"]))
        lines = open(path, encoding="utf-8").read().splitlines(True)
        region = loc["region"]
        check(region_text(lines, region) == region["snippet"]["text"],
              f"{where}: region does not cover its snippet")
        fp = res["partialFingerprints"]["rtlintFingerprint/v1"]
        check(fp not in seen, f"{where}: duplicate fingerprint {fp}")
        seen.add(fp)
        for fix in res.get("fixes", []):
            check(fix["properties"]["applicability"] in ("safe", "suggestion"),
                  f"{where}: fix applicability")
            for change in fix["artifactChanges"]:
                # A fix may change other files than the result's (one artifactChange each).
                changed = os.path.join(cwd, urllib.parse.unquote(change["artifactLocation"]["uri"]))
                in_lines = open(changed, encoding="utf-8").read().splitlines(True)
                for rep in change["replacements"]:
                    check(region_text(in_lines, rep["deletedRegion"]) != "" or
                          rep["insertedContent"]["text"] != "", f"{where}: empty replacement")
    return run


def test_trails(validator, rtlint, rules_json):
    """Findings reached through the app's own wrappers (fixtures/flow) carry their
    trail as relatedLocations and one codeFlow that starts at the finding and
    ends at the sink call; every location names a line of a real file."""
    cwd = os.path.join(ROOT, "fixtures/flow")
    run = check_log("fixtures/flow", sarif(rtlint, cwd), validator, rules_json, cwd)
    with_trail = [r for r in run["results"] if "codeFlows" in r]
    check(len(with_trail) >= 10, f"fixtures/flow: only {len(with_trail)} results with a trail")
    for res in with_trail:
        where = f"fixtures/flow: {res['ruleId']} at {res['locations'][0]['physicalLocation']['region']['startLine']}"
        flow = res["codeFlows"][0]["threadFlows"][0]["locations"]
        # The trail comes first among the related locations; other places the
        # finding is about (the other end of an event: docs/contract.md) follow.
        everything = res["relatedLocations"]
        related = everything[:len(flow) - 1]
        check(len(flow) >= 2 and len(everything) >= len(flow) - 1,
              f"{where}: the flow is the finding plus its trail")
        check(flow[0]["location"]["physicalLocation"] == res["locations"][0]["physicalLocation"]
              or flow[0]["location"]["physicalLocation"]["region"]["startLine"] ==
              res["locations"][0]["physicalLocation"]["region"]["startLine"],
              f"{where}: the flow starts at the finding")
        check([r["id"] for r in everything] == list(range(1, len(everything) + 1)), f"{where}: ids")
        check(related[-1]["message"]["text"].endswith("(...)"), f"{where}: the trail ends at a call")
        for r in related:
            loc = r["physicalLocation"]
            path = os.path.join(cwd, urllib.parse.unquote(loc["artifactLocation"]["uri"]))
            lines = open(path, encoding="utf-8").read().splitlines(True)
            line = lines[loc["region"]["startLine"] - 1]
            label = r["message"]["text"].lstrip(".").split("(")[0]
            col = loc["region"]["startColumn"]
            check(line.encode("utf-16-le")[(col - 1) * 2:].decode("utf-16-le").startswith(label),
                  f"{where}: {r['message']['text']} is not at {loc['region']}")


def test_emoji_columns(validator, rtlint, rules_json):
    cwd = os.path.join(ROOT, "fixtures/output/ci")
    run = check_log("fixtures/output/ci", sarif(rtlint, cwd), validator, rules_json, cwd)
    src = open(os.path.join(cwd, "src/emoji chat.ts"), encoding="utf-8").read().splitlines(True)
    emoji_line = next(i for i, l in enumerate(src, 1) if "🔥" in l)
    res = [r for r in run["results"]
           if r["locations"][0]["physicalLocation"]["region"]["startLine"] == emoji_line]
    if check(len(res) == 1, "emoji: expected one finding on the emoji line"):
        region = res[0]["locations"][0]["physicalLocation"]["region"]
        line = src[emoji_line - 1]
        byte_col = line.encode("utf-8").index(b"`org:") + 1
        code_points = line.index("`org:") + 1
        # 🔥 is one code point, two UTF-16 units, four UTF-8 bytes.
        check(region["startColumn"] == utf16_col(line, byte_col) == code_points + 1,
              f"emoji: startColumn {region['startColumn']}, want {code_points + 1} (UTF-16)")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    check(uris == {"src/emoji%20chat.ts"}, f"uri not percent-encoded: {uris}")
    notes = run["invocations"][0]["toolExecutionNotifications"]
    check([n["descriptor"]["id"] for n in notes] == ["parse-error"] and
          notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "src/broken.ts", f"notifications: {notes}")
    fps = [r["partialFingerprints"]["rtlintFingerprint/v1"] for r in run["results"]]
    check(fps[0].split(":")[0] == fps[1].split(":")[0] and fps[0].endswith(":1") and
          fps[1].endswith(":2"), f"identical findings should differ only by occurrence: {fps}")


def test_fingerprints_survive_shift(rtlint):
    """Lines added above every finding: regions move, fingerprints stay."""
    src = os.path.join(ROOT, "fixtures/output/ci/src")
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(src, os.path.join(tmp, "src"))
        before = sarif(rtlint, tmp)["runs"][0]["results"]
        path = os.path.join(tmp, "src/emoji chat.ts")
        text = open(path, encoding="utf-8").read()
        open(path, "w", encoding="utf-8").write("// added\n// lines\n\n" + text)
        after = sarif(rtlint, tmp)["runs"][0]["results"]
    fp = lambda rs: [r["partialFingerprints"]["rtlintFingerprint/v1"] for r in rs]
    line = lambda rs: [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in rs]
    check(len(before) == 3, f"shift: expected 3 findings, got {len(before)}")
    check([l + 3 for l in line(before)] == line(after), "shift: findings did not move down")
    check(fp(before) == fp(after), f"shift: fingerprints changed: {fp(before)} -> {fp(after)}")


def test_suppressions_and_baseline(validator, rtlint, rules_json):
    """Suppressed findings stay results with `suppressions`; --baseline marks
    results `unchanged` or `new`; the log stays valid."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "lib"))
        path = os.path.join(tmp, "lib/a.ts")
        open(path, "w").write(
            'import { supabase } from "./client";\n'
            "export const a = (o: string) =>\n"
            "  // rtlint-disable-next-line channel-hand-built -- migrating in PR 42\n"
            "  supabase.channel(`org:${o}:conversations`);\n"
            "export const b = (o: string) => supabase.channel(`org:${o}:metrics`);\n")
        log = sarif(rtlint, tmp, "--rule", "channel-hand-built")
        run = check_log("suppressions", log, validator, rules_json, tmp)
        sup = [r for r in run["results"] if r.get("suppressions")]
        check(len(run["results"]) == 2 and len(sup) == 1 and
              sup[0]["suppressions"] == [{"kind": "inSource",
                                          "justification": "migrating in PR 42"}],
              f"suppressed finding missing or wrong: {run['results']}")
        subprocess.run([rtlint, "baseline", "--rule", "channel-hand-built", "--no-cache", "."],
                       cwd=tmp, capture_output=True, check=True)
        text = open(path).read()
        open(path, "w").write(text + "export const c = (o: string) => "
                              "supabase.channel(`org:${o}:activity`);\n")
        log = sarif(rtlint, tmp, "--rule", "channel-hand-built", "--baseline",
                    ".rtlint-baseline.json")
        run = check_log("baseline", log, validator, rules_json, tmp)
        states = sorted(r.get("baselineState", "-") for r in run["results"]
                        if not r.get("suppressions"))
        check(states == ["new", "unchanged"], f"baselineState: {states}")


def test_fix_across_files(validator, rtlint, rules_json):
    """A fix whose edits are in two other files: one artifactChange per file,
    each replacement's region being the text it replaces in that file."""
    cwd = os.path.join(ROOT, "fixtures/codemods/channel-hand-built/use-site-two-files/input")
    run = check_log("use-site-two-files", sarif(rtlint, cwd), validator, rules_json, cwd)
    use = [r for r in run["results"] if r["ruleId"] == "channel-hand-built" and
           r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("components/")]
    check(len(use) == 2, f"use-site-two-files: {len(use)} findings at the use, not 2")
    for res in use:
        changes = res["fixes"][0]["artifactChanges"] if res.get("fixes") else []
        uris = [c["artifactLocation"]["uri"] for c in changes]
        check(sorted(uris) == ["lib/realtime/inbox-topics.ts", "lib/realtime/thread-topics.ts"],
              f"use-site-two-files: the fix's artifactChanges are {uris}")
        for c in changes:
            lines = open(os.path.join(cwd, c["artifactLocation"]["uri"]), encoding="utf-8") \
                .read().splitlines(True)
            replaced = [region_text(lines, r["deletedRegion"]) for r in c["replacements"]]
            check(any(t.startswith("`org:${orgId}:") for t in replaced),
                  f"use-site-two-files: {c['artifactLocation']['uri']}: replaces {replaced}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    schema = json.load(open(os.path.join(HERE, "schemas/sarif-schema-2.1.0.json")))
    validator = jsonschema.validators.validator_for(schema)(schema)
    rules_json = json.loads(subprocess.run([rtlint, "rules", "--format", "json"],
                                           capture_output=True, text=True, check=True).stdout)
    app = os.path.join(ROOT, "fixtures/campfire-app")
    run = check_log("fixtures/campfire-app", sarif(rtlint, app), validator, rules_json, app)
    check(len(run["results"]) > 0, "campfire-app: no results")
    check(any("fixes" in r for r in run["results"]), "campfire-app: no fixes")
    # The validator itself must reject a broken log, or a pass means nothing.
    broken = json.loads(json.dumps(sarif(rtlint, app)))
    del broken["runs"][0]["tool"]["driver"]["name"]
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    check(len(list(validator.iter_errors(broken))) >= 2, "schema accepted a broken log")
    test_emoji_columns(validator, rtlint, rules_json)
    test_trails(validator, rtlint, rules_json)
    test_fix_across_files(validator, rtlint, rules_json)
    test_fingerprints_survive_shift(rtlint)
    test_suppressions_and_baseline(validator, rtlint, rules_json)
    for f in failures:
        print("FAIL", f)
    print(f"sarif_check: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
