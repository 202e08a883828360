#!/usr/bin/env python3
"""The fixes of event-never-sent and event-never-heard (docs/rules/event-never-sent.md), on a
generated project:
- a listener of a legacy name whose migration is what the sender sends carries event-name-custom's
  fix there, identical (same edits, same applicability);
- a name no map knows gets the one close event the message asks about, as a suggestion;
- a canonical listener carries the rename of its sender's legacy name in the sender's file, unless
  that name is silenced;
- an event-name-custom finding silenced by an rtlint-disable comment keeps its name: the contract
  finding there has no fix;
- a rename is phase 1's migration: with --phase 2, or with event-name-custom not running, no
  contract finding carries one and --fix-suggestions --phase 2 changes nothing;
- a warm run (sites read back from the cache) offers the same fixes as a cold one;
- --fix-suggestions on the whole project applies them, the report after it still holds the contract
  findings that had no fix, and a second run changes nothing; on a folder below the root the
  contract is not judged, so nothing of it is fixed."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

from checks import check, shown, verdict

IMPORTS = ('import { supabase } from "@/lib/supabase";\n'
           'import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from "@/lib/realtime/unified-channel-standards";\n\n')
OPEN = "  const channel = supabase.channel(UNIFIED_CHANNELS.conversation(orgId, conversationId));\n"

TREE = {
    "rtlint.yaml": "# project root\n",
    "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } } }\n',
    "lib/supabase.ts": "export const supabase: any = {};\n",
    "lib/realtime/sender.ts":
        IMPORTS + "export function send(orgId: string, conversationId: string) {\n" + OPEN +
        '  void channel.send({ type: "broadcast", event: UNIFIED_EVENTS.TYPING_START, payload: {} });\n'
        '  void channel.send({ type: "broadcast", event: UNIFIED_EVENTS.TYPING_STOP, payload: {} });\n'
        '  void channel.send({ type: "broadcast", event: UNIFIED_EVENTS.MESSAGE_CREATED, payload: {} });\n'
        "}\n",
    "lib/realtime/listener.ts":
        IMPORTS + "export function listen(orgId: string, conversationId: string) {\n" + OPEN +
        '  channel.on("broadcast", { event: "typing_start" }, () => {});\n'
        '  channel.on("broadcast", { event: "message:incoming" }, () => {});\n'
        "  // rtlint-disable-next-line event-name-custom -- the mobile app still listens for it\n"
        '  channel.on("broadcast", { event: "typing_stop" }, () => {});\n'
        '  channel.on("broadcast", { event: UNIFIED_EVENTS.AI_HANDOVER_REQUESTED }, () => {});\n'
        "  return channel;\n"
        "}\n",
    # A canonical listener whose sender, in another file, sends a legacy name of its event; and
    # the same on another channel with the sender's name silenced.
    "lib/realtime/inbox-listener.ts":
        IMPORTS + "export function inbox(orgId: string) {\n"
        "  const a = supabase.channel(UNIFIED_CHANNELS.conversations(orgId));\n"
        '  a.on("broadcast", { event: UNIFIED_EVENTS.MESSAGE_CREATED }, () => {});\n'
        "  const b = supabase.channel(UNIFIED_CHANNELS.notifications(orgId));\n"
        '  b.on("broadcast", { event: UNIFIED_EVENTS.MESSAGE_CREATED }, () => {});\n'
        "}\n",
    "lib/realtime/inbox-sender.ts":
        'import { supabase } from "@/lib/supabase";\n'
        'import { UNIFIED_CHANNELS } from "@/lib/realtime/unified-channel-standards";\n\n'
        "export function post(orgId: string) {\n"
        "  const a = supabase.channel(UNIFIED_CHANNELS.conversations(orgId));\n"
        '  void a.send({ type: "broadcast", event: "new_message", payload: {} });\n'
        "  const b = supabase.channel(UNIFIED_CHANNELS.notifications(orgId));\n"
        "  // rtlint-disable-next-line event-name-custom -- the mobile app still sends it\n"
        '  void b.send({ type: "broadcast", event: "new_message", payload: {} });\n'
        "}\n",
}


def make_tree(tmp, name):
    dest = os.path.join(tmp, name)
    for rel, text in TREE.items():
        path = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    subprocess.run(["git", "init", "-q", dest], check=True)
    return dest


def rt(rtlint, cwd, *args, cache=None, path="."):
    cache_args = ["--cache-dir", cache] if cache else ["--no-cache"]
    return subprocess.run([rtlint, *cache_args, "--color", "never", *args, path], cwd=cwd,
                          capture_output=True, text=True)


def diagnostics(rtlint, cwd, *args, cache=None):
    p = rt(rtlint, cwd, "--format", "json", *args, cache=cache)
    if p.returncode not in (0, 1):
        check(False, f"rtlint --format json {' '.join(args)} runs", shown(p))
        return []
    return json.loads(p.stdout)["diagnostics"]


def at(diags, rule, needle):
    """The finding of rule whose message holds needle, or None."""
    found = [d for d in diags if d["rule"] == rule and needle in d["message"]]
    return found[0] if len(found) == 1 else None


def files(root):
    out = {}
    for dirpath, dirnames, names in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in (".git", ".rtlint-cache")]
        for n in names:
            with open(os.path.join(dirpath, n)) as f:
                out[os.path.relpath(os.path.join(dirpath, n), root)] = f.read()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    tmp = tempfile.mkdtemp(prefix="rtlint-contract-fix-")
    try:
        tree = make_tree(tmp, "app")
        diags = diagnostics(rtlint, tree)
        sent = at(diags, "event-never-sent", '"typing_start" is heard')
        custom = at(diags, "event-name-custom", '"typing_start"')
        check(sent and custom and sent["fix"] and sent["fix"] == custom["fix"],
              "event-never-sent carries event-name-custom's fix of \"typing_start\", identical",
              json.dumps([sent, custom], indent=1)[:2500])
        new = at(diags, "event-never-sent", '"message:incoming" is heard')
        check(new and new["fix"] and new["fix"]["applicability"] == "suggestion" and
              new["fix"]["edits"][0]["text"] == "UNIFIED_EVENTS.MESSAGE_CREATED",
              "\"message:incoming\" gets the one close event sent there as a suggestion", new)
        kept = at(diags, "event-never-sent", '"typing_stop" is heard')
        check(kept is not None and kept["fix"] is None,
              "a name whose event-name-custom finding is silenced keeps it: no contract fix", kept)
        lone = at(diags, "event-never-sent", "AI_HANDOVER_REQUESTED is heard")
        check(lone is not None and lone["fix"] is None,
              "a canonical listener with nothing close sent is never rewritten", lone)

        canonical = at(diags, "event-never-sent",
                       "MESSAGE_CREATED is heard on UNIFIED_CHANNELS.conversations")
        own = [d for d in diags if d["rule"] == "event-name-custom" and
               d["path"] == "lib/realtime/inbox-sender.ts"]
        check(canonical and canonical["fix"] and len(own) == 1 and
              canonical["fix"]["edits"] == own[0]["fix"]["edits"] and
              canonical["fix"]["applicability"] == own[0]["fix"]["applicability"] and
              all(e["path"] == "lib/realtime/inbox-sender.ts" for e in canonical["fix"]["edits"]),
              "a canonical listener carries its sender's own rename, in the sender's file",
              json.dumps([canonical, own], indent=1)[:2500])
        silenced = at(diags, "event-never-sent",
                      "MESSAGE_CREATED is heard on UNIFIED_CHANNELS.notifications")
        check(silenced is not None and silenced["fix"] is None,
              "a canonical listener whose sender's name is silenced carries nothing", silenced)

        contract = ("event-never-sent", "event-never-heard")
        phase2 = diagnostics(rtlint, tree, "--phase", "2")
        check(any(d["rule"] in contract for d in phase2) and
              not any(d["fix"] for d in phase2 if d["rule"] in contract),
              "--phase 2: the contract findings are there, none carries a rename (phase 1's)")
        alone = diagnostics(rtlint, tree, "--rule", "event-never-sent")
        check(alone and not any(d["fix"] for d in alone),
              "--rule event-never-sent alone (event-name-custom off): no rename offered")
        before = files(tree)
        p = rt(rtlint, tree, "--fix-suggestions", "--phase", "2")
        check(p.returncode in (0, 1) and files(tree) == before,
              "--fix-suggestions --phase 2 changes nothing", shown(p))

        cache = os.path.join(tmp, "cache")
        cold = diagnostics(rtlint, tree, cache=cache)
        warm = diagnostics(rtlint, tree, cache=cache)
        check(cold == diags and warm == cold,
              "a warm run (contract sites from the cache) offers the same fixes as a cold one")

        tree2 = make_tree(tmp, "app2")
        p = rt(rtlint, tree2, "--fix-suggestions")
        after = files(tree2)["lib/realtime/listener.ts"]
        check(p.returncode in (0, 1) and "{ event: UNIFIED_EVENTS.MESSAGE_CREATED }" in after and
              "{ event: UNIFIED_EVENTS.TYPING_START }" in after and '"typing_stop"' in after,
              "--fix-suggestions on the whole project applies the contract fixes, not the "
              "silenced name", after)
        check("event-never-sent" in p.stdout and "AI_HANDOVER_REQUESTED is heard" in p.stdout,
              "the report after --fix-suggestions still holds the contract findings without a fix",
              shown(p))
        posted = files(tree2)["lib/realtime/inbox-sender.ts"]
        check(posted.count("event: UNIFIED_EVENTS.MESSAGE_CREATED") == 1 and
              posted.count('event: "new_message"') == 1 and
              "import { UNIFIED_CHANNELS, UNIFIED_EVENTS }" in posted,
              "the sender's rename is applied once, with its import; the silenced one is kept",
              posted)
        settled = files(tree2)
        again = rt(rtlint, tree2, "--fix-suggestions")
        check(files(tree2) == settled, "a second --fix-suggestions changes nothing", shown(again))
        left = diagnostics(rtlint, tree2)
        check(not any(d["fix"] for d in left if d["rule"] in contract),
              "no contract finding with a fix is left", left)
        tree3 = make_tree(tmp, "app3")
        p = rt(rtlint, tree3, "--fix-suggestions", path="lib/realtime")
        check(p.returncode in (0, 1) and '"message:incoming"' in files(tree3)["lib/realtime/listener.ts"],
              "on a folder below the root the contract is not judged: \"message:incoming\" is left",
              shown(p))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return verdict("contract_fix")


if __name__ == "__main__":
    sys.exit(main())
