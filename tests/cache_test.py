#!/usr/bin/env python3
"""The cache returns exactly what a cold run returns, notices a change in an
imported file, rebuilds the realtime contract from cached sites (and follows a
sender's edit), skips unread the files that held no needle and did not change
(yet reports findings located in them and notices when they change), reuses
unchanged directory listings (yet finds added and removed files and reads
.gitignore every time), follows a suggestion that depends on another file's
existence (the canonical typing indicator), and ignores corrupt entries with
a warning."""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(rtlint, cwd, cache):
    proc = subprocess.run([rtlint, "--format", "json", "--cache-dir", cache, "."], cwd=cwd,
                          capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)["diagnostics"], proc.stderr


def check(cond, what):
    if not cond:
        print("FAIL:", what)
        sys.exit(1)
    print("ok:", what)


def indexed(cache):
    """The absolute paths in the cache's file index (files skipped unread)."""
    paths = set()
    for name in glob.glob(os.path.join(cache, "files-*.idx")):
        with open(name) as f:
            lines = f.read().splitlines()
        assert lines[0] == "rtlint-file-index 1", lines[:1]
        paths.update(line.split(" ", 5)[5] for line in lines[1:])
    return paths


def another_root(rtlint, tmp):
    """Outside git and without a configuration the project root is the
    folder named: a file linted alone from its subfolder resolves nothing
    above it, so the run from the parent's root must not serve its entries."""
    tree = os.path.join(tmp, "roots")
    os.makedirs(os.path.join(tree, "components"))
    os.makedirs(os.path.join(tree, "lib"))
    with open(os.path.join(tree, "lib", "names.ts"), "w") as f:
        f.write('export const EV = "typing_indicator";\n')
    with open(os.path.join(tree, "components", "Widget.tsx"), "w") as f:
        f.write('import { EV } from "../lib/names";\ndeclare const ch: any;\n'
                'ch.on("broadcast", { event: EV }, () => {});\n')
    cache = os.path.join(tmp, "roots-cache")

    def lint(*paths, cached=True):
        args = [rtlint, "--format", "json"] + (["--cache-dir", cache] if cached else ["--no-cache"])
        proc = subprocess.run(args + list(paths), cwd=tree, capture_output=True, text=True)
        return json.loads(proc.stdout)["diagnostics"]

    check(len(lint(".")) > 0, "the parent's run finds the imported custom name")
    cold = lint("components/Widget.tsx", cached=False)
    check(lint("components/Widget.tsx") == cold,
          "a run from another project root gives its own findings, not the cache's")
def canonical_appears(rtlint, tmp):
    """typing-indicator-duplicate's suggestion depends on another file: the
    standards' canonical component. A cached finding must gain the suggestion
    when that file is added, and lose it when its named export goes."""
    src = os.path.join(ROOT, "fixtures/codemods/typing-indicator-duplicate")
    tree = os.path.join(tmp, "canonical")
    shutil.copytree(os.path.join(src, "withheld-no-canonical-file/input"), tree)
    cache = os.path.join(tmp, "canonical-cache")
    canonical = "components/unified-ui/components/Realtime/TypingIndicator.tsx"

    def fixes():
        diags, _ = run(rtlint, tree, cache)
        return [(d["fix"] or {}).get("applicability") for d in diags
                if d["rule"] == "typing-indicator-duplicate"]

    check(fixes() == [None], "no canonical in the project: no suggestion")
    os.makedirs(os.path.dirname(os.path.join(tree, canonical)))
    shutil.copy(os.path.join(src, "canonical-standards-path/input", canonical),
                os.path.join(tree, canonical))
    check(fixes() == ["suggestion"], "adding the standards' canonical brings the suggestion")
    with open(os.path.join(tree, canonical)) as f:
        text = f.read()
    with open(os.path.join(tree, canonical), "w") as f:
        f.write(text.replace("export function TypingIndicator", "function TypingIndicator"))
    check(fixes() == [None], "a canonical without the named export withdraws it")


def at(diags, path, line):
    return [d for d in diags if d["path"] == path and d["start"]["line"] == line]


def wrapper_edits(rtlint, tmp):
    """Findings a caller owes to a wrapper two files away (fixtures/flow) follow
    the wrapper's edits on a warm run: the wrapper is part of the caller's key."""
    tree = os.path.join(tmp, "flow")
    shutil.copytree(os.path.join(ROOT, "fixtures/flow"), tree)
    time.sleep(2.2)  # let the copies settle, so the file index records them
    cache = os.path.join(tmp, "flow-cache")
    route = "app/api/threads/route.ts"
    cold, _ = run(rtlint, tree, cache)
    check(at(cold, route, 8), "a call of a wrapper two files away is a site (cold)")
    warm, _ = run(rtlint, tree, cache)
    check(warm == cold, "the warm run reports the wrapper sites too")
    server = os.path.join(tree, "lib/realtime/server.ts")
    with open(server) as f:
        text = f.read()
    with open(server, "w") as f:  # notifyThread no longer forwards its event
        f.write(text.replace("event, data });", 'event: "message:created", data });'))
    edited, _ = run(rtlint, tree, cache)
    fresh, _ = run(rtlint, tree, os.path.join(tmp, "flow-fresh"))
    check(not at(edited, route, 8) and edited == fresh,
          "editing the wrapper so the event no longer reaches a sink drops the callers' findings")
    with open(server, "w") as f:  # and back: the findings return
        f.write(text)
    restored, _ = run(rtlint, tree, cache)
    check(restored == cold, "restoring the wrapper restores the callers' findings")
    # A caller of a function that is no wrapper yet holds no needle: warm
    # runs skip it unread (file index). When the callee becomes a wrapper,
    # the caller, unchanged, must be read and linted again.
    helper = os.path.join(tree, "lib/helper.ts")
    with open(helper, "w") as f:
        f.write("export function relay(name: string) {\n  console.log(name);\n}\n")
    idle = os.path.join(tree, "app/api/threads/idle.ts")
    with open(idle, "w") as f:
        f.write('import { relay } from "@/lib/helper";\nexport const go = () => relay("typing_stop");\n')
    time.sleep(2.2)
    run(rtlint, tree, cache)
    quiet, _ = run(rtlint, tree, cache)
    check(os.path.realpath(idle) in indexed(cache) and not at(quiet, "app/api/threads/idle.ts", 2),
          "a caller of a plain function is skipped unread")
    with open(helper, "w") as f:
        f.write('import { supabase } from "@/lib/realtime/supabase";\n'
                "export function relay(name: string) {\n"
                '  void supabase.channel("x").send({ type: "broadcast", event: name });\n}\n')
    calling, _ = run(rtlint, tree, cache)
    fresh, _ = run(rtlint, tree, os.path.join(tmp, "flow-fresh-2"))
    check(at(calling, "app/api/threads/idle.ts", 2) and calling == fresh,
          "when its callee becomes a wrapper, the unchanged caller is linted again")


CONTRACT_RULES = ("event-never-sent", "event-never-heard", "channel-mismatch")


def contract(diags):
    return [d for d in diags if d["rule"] in CONTRACT_RULES]


def contract_edits(rtlint, tmp):
    """The contract's findings come from every file's sites: a warm run takes
    them from the entries (the files are not linted again for the contract
    rules) and gives the same findings; editing a sender, or the wrapper a
    sender calls, changes them as a fresh run does."""
    tree = os.path.join(tmp, "contract")
    shutil.copytree(os.path.join(ROOT, "fixtures/rules/event-never-sent"), tree)
    cache = os.path.join(tmp, "contract-cache")
    listeners = "components/Listeners.tsx"
    cold, _ = run(rtlint, tree, cache)
    check(contract(at(cold, listeners, 13)), "TYPING_START is never sent (cold)")
    warm, err = run(rtlint, tree, cache)
    check(warm == cold and not err, "a warm run gives the cold run's contract findings")
    timed = subprocess.run([rtlint, "--timing", "--cache-dir", cache, "."], cwd=tree,
                           capture_output=True, text=True)
    check(not any(rule in timed.stderr for rule in CONTRACT_RULES),
          "a warm run does not lint files again for the contract rules")
    route = os.path.join(tree, "app/api/messages/route.ts")
    with open(route) as f:
        text = f.read()
    with open(route, "w") as f:  # the route now sends the event the listener waits for
        f.write(text.replace("UNIFIED_EVENTS.TYPING_STOP", "UNIFIED_EVENTS.TYPING_START"))
    edited, _ = run(rtlint, tree, cache)
    fresh, _ = run(rtlint, tree, os.path.join(tmp, "contract-fresh"))
    check(not contract(at(edited, listeners, 13)) and contract(edited) == contract(fresh)
          and edited == fresh, "changing a sender's event in one file changes the contract findings")
    notify = os.path.join(tree, "lib/realtime/notify.ts")
    with open(notify) as f:
        wrapper = f.read()
    with open(notify, "w") as f:  # the wrapper now sends on another channel
        f.write(wrapper.replace("UNIFIED_CHANNELS.conversation(orgId, conversationId)",
                                "`org:${orgId}:elsewhere`"))
    moved, _ = run(rtlint, tree, cache)
    fresh, _ = run(rtlint, tree, os.path.join(tmp, "contract-fresh-2"))
    check(contract(at(moved, listeners, 9)) and moved == fresh,
          "changing the channel in the wrapper a sender calls changes the contract findings")
    for jobs in ("1", "2", "8"):
        proc = subprocess.run([rtlint, "--format", "json", "-j", jobs, "--cache-dir", cache, "."],
                              cwd=tree, capture_output=True, text=True)
        check(json.loads(proc.stdout)["diagnostics"] == fresh,
              f"a warm run at -j{jobs} gives the same findings")


def fix_across_files(rtlint, tmp):
    """A fix whose edits are in other files comes back from the cache with
    each edit's file, and not once that file changed."""
    tree = os.path.join(tmp, "two-files")
    shutil.copytree(os.path.join(ROOT, "fixtures/codemods/channel-hand-built/use-site-two-files/input"),
                    tree)
    subprocess.run(["git", "init", "-q", tree], check=True)
    cache = os.path.join(tmp, "two-files-cache")
    cold, _ = run(rtlint, tree, cache)
    warm, _ = run(rtlint, tree, cache)
    use = [d for d in warm if d["path"] == "components/inbox/Threads.tsx" and d["fix"]]
    paths = sorted({e["path"] for d in use for e in d["fix"]["edits"]})
    check(warm == cold and paths == ["lib/realtime/inbox-topics.ts", "lib/realtime/thread-topics.ts"],
          f"a cached fix keeps the files its edits change ({paths})")
    site = os.path.join(tree, "lib/realtime/thread-topics.ts")
    with open(site, "a") as f:
        f.write("// a line more\n")
    fresh = subprocess.run([rtlint, "--format", "json", "--no-cache", "."], cwd=tree,
                           capture_output=True, text=True)
    again, _ = run(rtlint, tree, cache)
    check(again == json.loads(fresh.stdout)["diagnostics"],
          "after the other file changed, the use's entry is not served")


def org_param_across_files(rtlint, tmp):
    """The suggestion that adds an org-id parameter to an exported builder is
    made after the lint, from every caller: a warm run (findings from the
    cache, each still marked with its building site) makes the same one."""
    tree = os.path.join(tmp, "org-param")
    shutil.copytree(os.path.join(
        ROOT, "fixtures/codemods/channel-invalid-name/legacy-builder-org-param-across-files/input"),
        tree)
    subprocess.run(["git", "init", "-q", tree], check=True)
    cache = os.path.join(tmp, "org-param-cache")
    cold, _ = run(rtlint, tree, cache)
    warm, _ = run(rtlint, tree, cache)
    site = [d for d in warm if d["path"] == "lib/realtime/legacy-topics.ts" and d["fix"]]
    paths = sorted({e["path"] for d in site for e in d["fix"]["edits"]})
    check(warm == cold and len(paths) == 3,
          f"a warm run makes the same multi-file org-id suggestion ({paths})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="rtlint-cache-test-")
    try:
        tree = os.path.join(tmp, "tree")
        shutil.copytree(os.path.join(ROOT, "fixtures/rules/channel-hand-built"), tree,
                        ignore=shutil.ignore_patterns(".rtlint-cache"))
        plain = os.path.join(tree, "lib/plain.ts")
        with open(plain, "w") as f:
            f.write("export const answer = 42;\n")
        # A channel name built in a file that holds no needle, used elsewhere.
        with open(os.path.join(tree, "lib/realtime/ids.ts"), "w") as f:
            f.write('export const LOBBY = "org:acme:lobby";\n')
        with open(os.path.join(tree, "components/Lobby.tsx"), "w") as f:
            f.write('import { LOBBY } from "@/lib/realtime/ids";\n'
                    'export const lobby = (supabase: any) => supabase.channel(LOBBY);\n')
        # A git work tree with a .gitignore that ignores nothing yet.
        subprocess.run(["git", "init", "-q", tree], check=True)
        gitignore = os.path.join(tree, "lib/realtime/.gitignore")
        with open(gitignore, "w") as f:
            f.write("# nothing\n")
        # Stamps younger than 2 s are not trusted (timestamp granularity):
        # let the copied files settle so the index records them.
        time.sleep(2.2)
        cache = os.path.join(tmp, "cache")
        cold, _ = run(args.rtlint, tree, cache)
        check(len(cold) > 0, "the tree has findings")
        check(len(os.listdir(cache)) > 1, "the cold run wrote entries")
        names = os.path.join(tree, "lib/realtime/names.ts")
        ids = os.path.realpath(os.path.join(tree, "lib/realtime/ids.ts"))
        skipped = indexed(cache)
        check(ids in skipped and os.path.realpath(plain) in skipped,
              "files without needles are in the file index")
        check(not any(p.endswith("Invalid.tsx") for p in skipped),
              "files with needles are not in the file index")
        check(any(d["path"] == "lib/realtime/ids.ts" for d in cold),
              "a finding is located in a file without needles (ids.ts)")
        index_file = glob.glob(os.path.join(cache, "files-*.idx"))[0]
        written = os.stat(index_file).st_mtime_ns
        warm, err = run(args.rtlint, tree, cache)
        check(warm == cold and not err,
              "a warm run returns exactly the cold run's findings, incl. those in skipped files")
        check(os.stat(index_file).st_mtime_ns == written,
              "a warm run over an unchanged tree leaves the file index as it is")

        dir_indexes = glob.glob(os.path.join(cache, "dirs-*.idx"))
        check(len(dir_indexes) == 1 and "\nfLobby.tsx\n" in open(dir_indexes[0]).read(),
              "the directory listings are kept")
        violation = "export const x = (supabase: any) => supabase.channel(`org:${1}:x`);\n"
        os.makedirs(os.path.join(tree, "components/sub"))
        for name in ("components/Added.tsx", "components/sub/Deep.tsx"):
            with open(os.path.join(tree, name), "w") as f:
                f.write(violation)
        added, _ = run(args.rtlint, tree, cache)
        check({"components/Added.tsx", "components/sub/Deep.tsx"} <= {d["path"] for d in added},
              "files added to a directory the index knows are found")
        os.remove(os.path.join(tree, "components/Added.tsx"))
        shutil.rmtree(os.path.join(tree, "components/sub"))
        removed, _ = run(args.rtlint, tree, cache)
        check(removed == cold, "removed files are gone")
        with open(gitignore, "w") as f:
            f.write("ids.ts\n")
        ignored, _ = run(args.rtlint, tree, cache)
        check(ignored and not any(d["path"] == "lib/realtime/ids.ts" for d in ignored),
              "an edited .gitignore applies though its directory did not change")
        with open(gitignore, "w") as f:
            f.write("# nothing\n")
        for name in dir_indexes:
            with open(name, "w") as f:
                f.write("rtlint-dir-index 2\n12 x\n")
        rebuilt, err = run(args.rtlint, tree, cache)
        check(rebuilt == cold and "ignoring cache file" in err,
              "a corrupt directory index is ignored with a warning and rebuilt")

        with open(plain, "w") as f:
            f.write("export const ch = (s: any, o: string) => s.channel(`org:${o}:x`);\n")
        edited, _ = run(args.rtlint, tree, cache)
        check(any(d["path"] == "lib/plain.ts" and d["rule"] == "channel-hand-built"
                  for d in edited), "a skipped file that changes is read again")
        check(os.path.realpath(plain) not in indexed(cache),
              "a file that now has needles leaves the index")
        with open(plain, "w") as f:
            f.write("export const answer = 43;\n")
        run(args.rtlint, tree, cache)
        check(os.path.realpath(plain) not in indexed(cache),
              "a file modified less than 2 s ago is not trusted to the index")
        for name in glob.glob(os.path.join(cache, "files-*.idx")):
            with open(name, "w") as f:
                f.write("garbage\n")
        again, err = run(args.rtlint, tree, cache)
        check(again == run(args.rtlint, tree, os.path.join(tmp, "fresh0"))[0]
              and "ignoring cache file" in err,
              "a corrupt file index is ignored with a warning and rebuilt, results unchanged")

        # The finding at the use of INBOX_CHANNEL depends on names.ts.
        with open(names) as f:
            text = f.read()
        with open(names, "w") as f:
            f.write(text.replace('"org:acme:conversations"', '"org:acme:conv:c1"'))
        changed, _ = run(args.rtlint, tree, cache)
        uses = [d["message"] for d in changed if d["path"] == "components/Invalid.tsx"
                and d["start"]["line"] == 19 and d["rule"] == "channel-hand-built"]
        check(uses and "org:acme:conv:c1" in uses[0],
              "changing an imported constant updates the cached finding at its use")

        # A configuration change that is not a rule selection (a rule option)
        # must not reuse results computed under the old configuration.
        before_config, _ = run(args.rtlint, tree, cache)
        with open(os.path.join(tree, "rtlint.yaml"), "w") as f:
            f.write("infrastructure_dirs:\n  - components\n")
        configured, err = run(args.rtlint, tree, cache)
        fresh, _ = run(args.rtlint, tree, os.path.join(tmp, "fresh-config"))
        check(fresh != before_config and configured == fresh,
              "changing rtlint.yaml (a rule option) invalidates cached results")
        check(not err, f"entries of another configuration are misses, not warnings ({err!r})")
        os.remove(os.path.join(tree, "rtlint.yaml"))

        entries = sorted(n for n in os.listdir(cache) if n.endswith(".entry"))
        check(len(entries) > 2, "entries are written")
        cold2, _ = run(args.rtlint, tree, os.path.join(tmp, "fresh"))
        damage = [lambda b: b"{not an entry", lambda b: b[: len(b) // 2],
                  lambda b: b.replace(b"channel", b"chXnnel", 1)]
        for name, spoil in zip(entries, damage * len(entries)):
            with open(os.path.join(cache, name), "rb") as f:
                data = f.read()
            with open(os.path.join(cache, name), "wb") as f:
                f.write(spoil(data))
        again, err = run(args.rtlint, tree, cache)
        check(again == cold2, "garbage, truncated and edited entries are ignored, results unchanged")
        check("ignoring cache entry" in err, "a corrupt entry produces a warning")
        another_root(args.rtlint, tmp)
        canonical_appears(args.rtlint, tmp)
        wrapper_edits(args.rtlint, tmp)
        contract_edits(args.rtlint, tmp)
        fix_across_files(args.rtlint, tmp)
        org_param_across_files(args.rtlint, tmp)
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
