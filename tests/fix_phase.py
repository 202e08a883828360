#!/usr/bin/env python3
"""`--fix --phase N`, `--fix-suggestions --phase N` and `--diff --phase N`
apply one migration phase at a time: the fixes of the rules --phase selects
(phase N's and the rules for every phase, which always run) and no other.

On a generated tree: a phase-1 fix is applied with --phase 1 only; an
rtlint-disable comment keeps its finding unfixed and is not reported unused
when its rule's phase is not selected; a configuration override cannot bring
back a rule of another phase; the configuration's `phases` applies to --fix
and --phase replaces it; `--rule` of another phase fixes nothing; --diff
prints exactly what --fix writes. On the sample app, for each phase: every
finding of another phase (1-4) is still there after the phase's fixes, and
nothing the phase could fix in one run is left."""
import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

from checks import check, shown, verdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TREE = {
    "rtlint.yaml": "phases: [2]\n"
                   "overrides:\n"
                   "  - files: [\"lib/legacy/**\"]\n"
                   "    rules:\n"
                   "      event-name-custom: error\n",
    "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } } }\n',
    "lib/realtime/supabase.ts": "export const supabase: any = {};\n",
    "lib/services/events.ts":
        'import { supabase } from "@/lib/realtime/supabase";\n'
        "\n"
        "export function wire(orgId: string, isTyping: boolean) {\n"
        "  const ch = supabase.channel(`org:${orgId}:conversations`);\n"
        '  ch.on("broadcast", { event: "new_message" }, () => {});\n'
        '  ch.on("broadcast", { event: "message:updated" }, () => {});\n'
        "  // rtlint-disable-next-line event-name-custom -- the legacy widget still sends it\n"
        '  ch.on("broadcast", { event: "read_receipt" }, () => {});\n'
        '  void ch.send({ type: "broadcast", event: "typing_indicator", '
        "payload: { is_typing: isTyping } });\n"
        "  return ch;\n"
        "}\n",
    "lib/legacy/old.ts":
        'import { supabase } from "@/lib/realtime/supabase";\n'
        "\n"
        "export function legacy(ch: any) {\n"
        '  ch.on("broadcast", { event: "new_message" }, () => {});\n'
        "  return supabase;\n"
        "}\n",
}

CHANNEL_FIXED = "supabase.channel(UNIFIED_CHANNELS.conversations(orgId))"
SAFE_EVENT_FIXES = ["{ event: UNIFIED_EVENTS.MESSAGE_CREATED }",
                    "{ event: UNIFIED_EVENTS.MESSAGE_UPDATED }"]
SUGGESTED = "event: isTyping ? UNIFIED_EVENTS.TYPING_START : UNIFIED_EVENTS.TYPING_STOP"
SUPPRESSED = '{ event: "read_receipt" }'


def make_tree(tmp, name):
    dest = os.path.join(tmp, name)
    for rel, text in TREE.items():
        path = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    subprocess.run(["git", "init", "-q", dest], check=True)
    return dest


def rt(rtlint, cwd, *args):
    return subprocess.run([rtlint, "--no-cache", "--color", "never", *args, "."], cwd=cwd,
                          capture_output=True, text=True)


def read(tree, rel):
    with open(os.path.join(tree, rel)) as f:
        return f.read()


def sources(tree):
    out = {}
    for dirpath, dirnames, files in os.walk(tree):
        dirnames[:] = [d for d in dirnames if d != ".git"]
        for name in files:
            path = os.path.join(dirpath, name)
            out[os.path.relpath(path, tree)] = read(tree, os.path.relpath(path, tree))
    return out


def generated_tree(rtlint, tmp):
    # --phase 1: the phase-1 fixes and the channel fix (a rule for every phase).
    for mode, suggested in (("--fix", False), ("--fix-suggestions", True)):
        t = make_tree(tmp, f"p1{mode}")
        p = rt(rtlint, t, mode, "--phase", "1")
        ev = read(t, "lib/services/events.ts")
        check(p.returncode in (0, 1), f"{mode} --phase 1 ran", shown(p))
        check(CHANNEL_FIXED in ev, f"{mode} --phase 1: the rule for every phase is fixed", ev)
        check(all(s in ev for s in SAFE_EVENT_FIXES), f"{mode} --phase 1: phase-1 safe fixes", ev)
        check((SUGGESTED in ev) == suggested,
              f"{mode} --phase 1: the suggestion is applied {'' if suggested else 'not '}", ev)
        check(SUPPRESSED in ev, f"{mode} --phase 1: the suppressed finding is left as it is", ev)
        check("UNIFIED_EVENTS.MESSAGE_CREATED" in read(t, "lib/legacy/old.ts"),
              f"{mode} --phase 1: --phase replaces the configuration's phases")
        after = rt(rtlint, t, "--format", "json", "--phase", "1")
        left = [d for d in json.loads(after.stdout)["diagnostics"] if d["fix"] and (
            suggested or d["fix"]["applicability"] == "safe")]
        check(not left, f"{mode} --phase 1: nothing left that {mode} applies", left)

    # Phases 2-4, and no --phase (the configuration says phases: [2]): no
    # phase-1 fix, whatever the override and the mode.
    for phase in (["--phase", "2"], ["--phase", "3"], ["--phase", "4"], []):
        for mode in ("--fix", "--fix-suggestions"):
            what = f"{mode} {' '.join(phase) or '(configuration phases: [2])'}"
            t = make_tree(tmp, f"p{''.join(phase)}{mode}")
            p = rt(rtlint, t, mode, *phase)
            ev = read(t, "lib/services/events.ts")
            check(p.returncode in (0, 1), f"{what} ran", shown(p))
            check(CHANNEL_FIXED in ev, f"{what}: the rule for every phase is fixed", ev)
            check("UNIFIED_EVENTS" not in ev and '"new_message"' in ev and
                  '"typing_indicator"' in ev, f"{what}: no phase-1 fix", ev)
            check(read(t, "lib/legacy/old.ts") == TREE["lib/legacy/old.ts"],
                  f"{what}: an override does not bring back a rule of another phase")
            check("unused-suppression" not in p.stdout,
                  f"{what}: the suppression of an unselected rule is not reported unused",
                  p.stdout)

    # --rule of another phase than --phase: nothing runs, nothing is fixed.
    t = make_tree(tmp, "rule-other-phase")
    p = rt(rtlint, t, "--fix-suggestions", "--rule", "event-name-custom", "--phase", "2")
    check(sources(t) == TREE,
          "--rule event-name-custom --phase 2 --fix-suggestions changes nothing", shown(p))

    # --diff --phase N prints what --fix(-suggestions) --phase N writes.
    for args in (["--phase", "1"], ["--phase", "2"], ["--fix-suggestions", "--phase", "1"]):
        fixed = make_tree(tmp, "diff-fixed" + "".join(args))
        mode = [] if "--fix-suggestions" in args else ["--fix"]
        rt(rtlint, fixed, *mode, *args)
        patched = make_tree(tmp, "diff-patched" + "".join(args))
        diff = rt(rtlint, patched, "--diff", *args)
        applied = subprocess.run(["git", "apply", "-"], cwd=patched, input=diff.stdout,
                                 capture_output=True, text=True)
        check(diff.returncode == 1 and applied.returncode == 0 and
              sources(patched) == sources(fixed),
              f"--diff {' '.join(args)} is what {' '.join(mode + args)} writes",
              shown(diff) + "\n" + applied.stderr)


def key(d):
    return (d["rule"], d["path"], d["message"])


def sample_app(rtlint, tmp):
    rules = json.loads(subprocess.run([rtlint, "rules", "--format", "json"], capture_output=True,
                                      text=True).stdout)
    phase_of = {r["id"]: r["phase"] for r in rules}
    every = ["--phase", "1", "--phase", "2", "--phase", "3", "--phase", "4"]
    app = os.path.join(ROOT, "fixtures", "campfire-app")
    before = json.loads(rt(rtlint, app, "--format", "json", *every).stdout)["diagnostics"]
    for phase in (1, 2, 3, 4):
        for mode in ("--fix", "--fix-suggestions"):
            levels = ("safe", "suggestion") if mode == "--fix-suggestions" else ("safe",)
            t = os.path.join(tmp, f"app{phase}{mode}")
            shutil.copytree(app, t, ignore=shutil.ignore_patterns(".rtlint-cache"))
            subprocess.run(["git", "init", "-q", t], check=True)
            p = rt(rtlint, t, mode, "--phase", str(phase))
            after = json.loads(rt(rtlint, t, "--format", "json", *every).stdout)["diagnostics"]
            other = lambda ds: collections.Counter(
                key(d) for d in ds if phase_of[d["rule"]] not in (0, phase))
            # A finding inside code the phase's own fix replaces (a duplicate
            # typing indicator's body, replaced by the canonical's import)
            # goes with that code; any other must stay.
            replaced = [(d["path"], e["start"], e["end"]) for d in before
                        if phase_of[d["rule"]] == phase and d["fix"]
                        and d["fix"]["applicability"] in levels
                        for e in d["fix"]["edits"] if e["end"] > e["start"]]
            inside = collections.Counter(
                key(d) for d in before if any(path == d["path"] and s <= d["start"]["byte"] < e
                                              for path, s, e in replaced))
            gone = other(before) - other(after) - inside
            check(not gone, f"sample app {mode} --phase {phase}: the other phases' findings stay",
                  "\n".join(map(str, gone)))
            mine = json.loads(rt(rtlint, t, "--format", "json", "--phase", str(phase)).stdout)
            left = [key(d) for d in mine["diagnostics"]
                    if d["fix"] and d["fix"]["applicability"] in levels]
            check(not left or "left for the next run" in p.stderr,
                  f"sample app {mode} --phase {phase}: no fix of the phase left behind",
                  "\n".join(map(str, left)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    with tempfile.TemporaryDirectory(prefix="rtlint-fix-phase-") as tmp:
        generated_tree(rtlint, tmp)
        sample_app(rtlint, tmp)
    return verdict("fix-phase")


if __name__ == "__main__":
    sys.exit(main())
