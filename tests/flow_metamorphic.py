#!/usr/bin/env python3
"""Refactorings that must not change what rtlint finds (docs/dataflow.md).

Each case writes a small app in a temporary folder: a caller that sends (or
hears) a few event names and opens a channel, in one of several shapes that
a team reaches by refactoring the direct form: the send extracted into a
local helper, that helper moved to another file and imported (named,
renamed, default, namespace, through a barrel), turned into a class method
(private, static, on an instance typed as the class), returned by a hook,
the payload built before it is sent. Every variant must report the same
(rule, message) multiset as the direct form, each finding on the caller's
line that holds the name, and wrapper findings must carry a trail.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

TSCONFIG = '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } } }\n'
SUPABASE = 'export const supabase: any = {};\n'
HEAD = 'import { supabase } from "@/lib/supabase";\n'

EVENTS = ['"typing_start"', '"message:created"', '"upload_done"']
CHANNEL = '`org:${orgId}:conv:${convId}`'

# The direct form: the caller itself talks to Supabase.
DIRECT = {
    "app/caller.ts": HEAD + """export async function run(orgId: string, convId: string) {
  const ch = supabase.channel(%(channel)s);
  await ch.send({ type: "broadcast", event: %(e0)s, payload: {} });
  await ch.send({ type: "broadcast", event: %(e1)s, payload: {} });
  ch.on("broadcast", { event: %(e2)s }, () => {});
}
""",
}

HELPERS = """export function open(name: string) {
  return supabase.channel(name);
}
export async function emit(ch: any, event: string) {
  await ch.send({ type: "broadcast", event, payload: {} });
}
export function listen(ch: any, event: string) {
  ch.on("broadcast", { event }, () => {});
}
"""

CALLS = """  const ch = %(p)sopen(%(channel)s);
  await %(p)semit(ch, %(e0)s);
  await %(p)semit(ch, %(e1)s);
  %(p)slisten(ch, %(e2)s);
"""


def caller(imports, prefix=""):
    return (imports + "export async function run(orgId: string, convId: string) {\n" +
            CALLS.replace("%(p)s", prefix) + "}\n")


VARIANTS = {
    "local helper": {"app/caller.ts": HEAD + HELPERS + caller("")},
    "imported helper": {
        "lib/rt.ts": HEAD + HELPERS,
        "app/caller.ts": caller('import { open, emit, listen } from "@/lib/rt";\n'),
    },
    "renamed import": {
        "lib/rt.ts": HEAD + HELPERS,
        "app/caller.ts": caller('import { open as o, emit as e, listen as l } from "../lib/rt";\n')
        .replace("open(", "o(").replace("emit(", "e(").replace("listen(", "l("),
    },
    "namespace import through a barrel": {
        "lib/rt/impl.ts": HEAD + HELPERS,
        "lib/rt/index.ts": 'export * from "./impl";\n',
        "app/caller.ts": caller('import * as rt from "@/lib/rt";\n', "rt."),
    },
    "two levels, payload built first": {
        "lib/low.ts": HEAD + """export function openLow(name: string) {
  return supabase.channel(name);
}
export async function sendLow(ch: any, event: string) {
  const message = { type: "broadcast", event, payload: {} };
  await ch.send(message);
}
export function onLow(ch: any, kind: string) {
  ch.on("broadcast", { event: kind }, () => {});
}
""",
        "lib/rt.ts": """import { openLow, sendLow, onLow } from "./low";
export const open = (name: string) => openLow(name);
export async function emit(ch: any, event: string) {
  await sendLow(ch, event);
}
export function listen(ch: any, event: string) {
  onLow(ch, event);
}
""",
        "app/caller.ts": caller('import { open, emit, listen } from "@/lib/rt";\n'),
    },
    "class: instance typed as the class": {
        "lib/Room.ts": HEAD + """export default class Room {
  open(name: string) {
    return supabase.channel(name);
  }
  async emit(ch: any, event: string) {
    await this.push(ch, event);
  }
  listen(ch: any, event: string) {
    ch.on("broadcast", { event }, () => {});
  }
  private async push(ch: any, event: string) {
    await ch.send({ type: "broadcast", event, payload: {} });
  }
}
""",
        "app/caller.ts": caller('import Room from "@/lib/Room";\nconst room: Room = new Room();\n',
                                "room."),
    },
    "static methods": {
        "lib/Rt.ts": HEAD + "export class Rt {\n" + "".join(
            "  static " + line[len("export "):] if line.startswith("export ") else "  " + line
            for line in HELPERS.replace("export async function", "export async")
            .replace("export function", "export").splitlines(True)) + "}\n",
        "app/caller.ts": caller('import { Rt } from "@/lib/Rt";\n', "Rt."),
    },
    "hook result": {
        "lib/useRt.ts": HEAD + "export function useRt() {\n" + HELPERS.replace(
            "export function", "function").replace("export async function", "async function") +
        "  return { open, emit, listen };\n}\n",
        "app/caller.ts": caller('import { useRt } from "@/lib/useRt";\n').replace(
            "  const ch =", "  const { open, emit, listen } = useRt();\n  const ch =", 1),
    },
}


def write_tree(root, files):
    for path, text in {"tsconfig.json": TSCONFIG, "rtlint.yaml": "# root\n",
                       "lib/supabase.ts": SUPABASE, **files}.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text % {"channel": CHANNEL, "e0": EVENTS[0], "e1": EVENTS[1], "e2": EVENTS[2]}
                    if "%(" in text else text)


def findings(rtlint, root):
    proc = subprocess.run([rtlint, "--no-cache", "--format", "json", "--disable",
                           "supabase-channel-direct", "."], cwd=root, capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["diagnostics"]


CONTRACT_RULES = ("event-never-sent", "event-never-heard", "channel-mismatch")


def key(d):
    """(rule, message); the contract rules' messages name the other end's line,
    which a refactoring moves: compared without it."""
    message = d["message"]
    if d["rule"] in CONTRACT_RULES:
        message = re.sub(r"(\S+\.tsx?):\d+", r"\1:N", message)
    return (d["rule"], message)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        base_root = os.path.join(tmp, "direct")
        write_tree(base_root, DIRECT)
        base = findings(rtlint, base_root)
        want = collections.Counter(key(d) for d in base if d["path"] == "app/caller.ts")
        if len(want) < 4:
            print(f"FAIL the direct form has too few findings: {sorted(want)}")
            return 1
        for name, files in VARIANTS.items():
            root = os.path.join(tmp, name.replace(" ", "-").replace(",", "").replace(":", ""))
            write_tree(root, files)
            got_all = findings(rtlint, root)
            got = [d for d in got_all if d["path"] == "app/caller.ts"]
            have = collections.Counter(key(d) for d in got)
            problems = []
            if have != want:
                problems.append(f"missing {sorted((want - have).elements())}, "
                                f"extra {sorted((have - want).elements())}")
            text = open(os.path.join(root, "app/caller.ts")).read().splitlines()
            for d in got:
                line = text[d["start"]["line"] - 1]
                if d["rule"].startswith("event-") and not any(e in line for e in EVENTS):
                    problems.append(f"{d['rule']} on line {d['start']['line']} holds no name")
                if d["rule"].startswith("event-") and not d.get("trail") and name != "local helper":
                    problems.append(f"{d['rule']} at line {d['start']['line']} has no trail")
            if problems:
                failures += 1
                print(f"FAIL {name}: " + "; ".join(problems))
            else:
                print(f"ok: {name} ({len(got)} findings)")
    print(f"flow_metamorphic: {len(VARIANTS) - failures} of {len(VARIANTS)} variants agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
