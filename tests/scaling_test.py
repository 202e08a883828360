#!/usr/bin/env python3
"""Cost grows with the input, not its square: rtlint's tree work (RTLINT_STATS=1
prints the counter of nodes walked and name-lookup steps) on inputs of size n and
4n must grow about 4x. A quadratic algorithm grows 16x; the bound is 6x.

Shapes (issue 11): one file of many channel calls; module-level channel-name
constants used by thousands of functions; the same as one minified line, and
with its last closing brace not typed yet (a syntax error leaves the tree flat); deep
nesting of arrow functions and of parentheses; many names imported from a module
with thousands of exports; components that each build a channel name twice
(acquire and release); on one channel, many listeners and senders of events
nobody sends or hears; senders on one channel and listeners on its near miss
(channel-mismatch); rule fixtures repeated with their last brace missing (walks
up from each finding); sample files repeated the same way (many components or
functions of the same names); many `*` listeners dispatching on the event, one
`*` listener switching over many events, many useRealtime subscribers, many
functions each sending through a helper of its own. No
ts_node_parent outside ast_parent, which counts its descent, and no descent by
byte offset outside resolve/scope.c. Also: a file over --file-budget
is skipped with an over-budget notice, the same at -j1 and -j2.

    tests/scaling_test.py --rtlint build/rtlint
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HEADER = 'import { createClient } from "@supabase/supabase-js";\nconst supabase = createClient("u", "k");\n'


def calls(n):
    return HEADER + "".join(
        f"export function join{i}(o: string, c: string) {{ return supabase.channel(`org:${{o}}:conv:${{c}}`); }}\n"
        for i in range(n))


def constants(n):
    out = [HEADER, 'const orgId = "o";\n']
    out += [f"const ROOM_{k} = `org:${{orgId}}:room{k}`;\n" for k in range(100)]
    for i in range(n):
        out.append(f"export function sub{i}(x: number) {{\n  const y = x * {i} + 1;\n"
                   f"  if (y > 3) {{ console.log(y); }}\n"
                   f"  return supabase.channel(ROOM_{i % 100}).on(\"broadcast\", {{ event: \"message:created\" }}, () => y).subscribe();\n}}\n")
    return "".join(out)


def minified(n):
    return "".join(line.strip() for line in constants(n).split("\n")) + "\n"


def object_map(n):
    """A generated map of n event names, each read at one of n channels."""
    out = [HEADER, "export const EV = {\n"]
    out += [f'  K{i}: "evt:{i}",\n' for i in range(n)]
    out.append("} as const;\n")
    out += [f'export function f{i}() {{ return supabase.channel("org:o:conversations")'
            f'.on("broadcast", {{ event: EV.K{(i * 7919) % n} }}, () => {{}}).subscribe(); }}\n'
            for i in range(n)]
    return "".join(out)


def half_written(n):
    """constants(n) being typed: the last function's closing brace is missing."""
    return constants(n).rstrip()[:-1] + "\n"


def props_components(n):
    """n components, each with a props interface of its own and a legacy channel
    name the org-id codemod looks up the props type for."""
    return HEADER + "".join(
        f"interface Props{i} {{\n  organizationId: string;\n  conversationId: string;\n}}\n"
        f"export function Comp{i}({{ conversationId }}: Props{i}) {{\n"
        f"  return supabase.channel(`typing:${{conversationId}}`);\n}}\n" for i in range(n))


def arrows(n):
    return HEADER + "export const f = " + "(x) => " * n + "supabase.channel(`org:${x}:conv:${x}`);\n"


def parens(n):
    return (HEADER + "export function f(o: string) { return supabase.channel(" + "(" * n +
            "`org:${o}:conv:${o}`" + ")" * n + "); }\n")


def message_writes(n):
    """n inserts into "messages" of a const row each (the rule checks whether the
    file mutates the const)."""
    return HEADER + "".join(
        f'const row{i} = {{ content: "hi" }};\n'
        f'export async function w{i}() {{ await supabase.from("messages").insert(row{i}); }}\n'
        for i in range(n))


def imports(n):
    """a.ts imports n/8 names from names.ts, which exports n."""
    names = "".join(f"export const ROOM_{i} = `org:${{o}}:room{i}`;\n" for i in range(n))
    use = (HEADER + "".join(f'import {{ ROOM_{i} }} from "./names";\n' for i in range(0, n, 8)) +
           "".join(f"export function f{i}() {{ return supabase.channel(ROOM_{i}); }}\n"
                   for i in range(0, n, 8)))
    return use, {"names.ts": names}


def components(n):
    """n components, each acquiring its conversation's channel by a hand-built
    name in an effect and releasing the same name in the cleanup (the copy a
    suggestion changes with it)."""
    out = ['import { useEffect } from "react";\n', 'import { channelManager } from "@/lib/realtime/channel-manager";\n']
    for i in range(n):
        out.append(f"export function Typing{i}({{ conversationId }}: {{ conversationId: string; organizationId: string }}) {{\n"
                   f"  useEffect(() => {{\n"
                   f"    const channel = channelManager.getChannel(`conversation:${{conversationId}}`);\n"
                   f"    channel.on(\"broadcast\", {{ event: \"typing\" }}, () => {{}});\n"
                   f"    return () => channelManager.release(`conversation:${{conversationId}}`);\n"
                   f"  }}, [conversationId]);\n  return null;\n}}\n")
    return "".join(out)


def unheard(n):
    """n functions each listening on one channel for an event nobody sends
    there, and sending one nobody hears (linking visits the listeners of the
    sent event; each finding describes the other end of the channel)."""
    return HEADER + "".join(
        f"export function listen{i}(o: string, c: string) {{\n"
        f"  supabase.channel(`org:${{o}}:conv:${{c}}`).on(\"broadcast\", {{ event: \"typing_{i % 3}\" }}, () => {{}}).subscribe();\n"
        f"  supabase.channel(`org:${{o}}:conv:${{c}}`).send({{ type: \"broadcast\", event: \"seen_{i % 3}\", payload: {{}} }});\n}}\n"
        for i in range(n))


REPO = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(REPO, "fixtures", "rules")
IMPORT = re.compile(r'^(import\b[^;]*;|(["\'])use client\2;)[ \t]*\n', re.M)


def rule_fixture(rel):
    """A rule fixture's file (FIXTURE/PATH) being typed: its body (every shape
    the rule's walks handle, one per component) n times below its imports, the
    last closing brace missing, the fixture's other files beside it. A syntax
    error leaves the components in one flat list, where a walk up with
    tree-sitter's ts_node_parent visits every one before it."""
    fixture, main = rel.split("/", 1)
    return half_written_file(os.path.join(FIXTURES, fixture), main)


def half_written_file(root, main):
    """The same for a file of a sample tree (ROOT relative to the repository):
    its body repeated, so that the file has n components (or functions) of
    the same names, as a file of many components each with a helper of the
    same name has."""
    root = os.path.join(REPO, root)

    def make(n):
        others = {}
        for dirpath, dirs, files in os.walk(root):
            dirs[:] = [d for d in dirs if d != "node_modules"]
            for name in files:
                path = os.path.relpath(os.path.join(dirpath, name), root)
                if path != main and not path.startswith("expected."):
                    with open(os.path.join(dirpath, name)) as f:
                        others[path] = f.read()
        with open(os.path.join(root, main)) as f:
            text = f.read()
        text = text.rstrip("\n") + "\n" + (IMPORT.sub("", text).rstrip("\n") + "\n") * (n - 1)
        text = text.rstrip()
        return text[:text.rfind("}")] + "\n", others, main
    return make


def star_listeners(n):
    """n listeners of every event (`*`), each dispatching on the event in its
    handler: each comparison asks which listener is around it."""
    return HEADER + "".join(
        f"export function hear{i}(o: string, c: string) {{\n"
        f"  supabase.channel(`org:${{o}}:conv:${{c}}`).on(\"broadcast\", {{ event: \"*\" }}, (msg) => {{\n"
        f"    if (msg.event === \"message:created\") console.log(1);\n"
        f"    else if (msg.event === \"typing_{i % 3}\") console.log(2);\n"
        f"  }}).subscribe();\n}}\n" for i in range(n))


def star_cases(n):
    """One `*` listener whose handler switches over n events."""
    return HEADER + (
        "export function hear(o: string, c: string) {\n"
        "  supabase.channel(`org:${o}:conv:${c}`).on(\"broadcast\", { event: \"*\" }, (msg) => {\n"
        "    switch (msg.event) {\n" +
        "".join(f"      case \"custom_{i}\": console.log({i}); break;\n" for i in range(n)) +
        "    }\n  }).subscribe();\n}\n")


def hook_subscribers(n):
    """n components each subscribing through useRealtime's subscribe(EVENT,
    handler): the contract graph asks of each such call whether it is an
    event site."""
    return ('import { useEffect } from "react";\nimport { useRealtime } from "@/hooks/useRealtime";\n'
            'import { UNIFIED_EVENTS } from "@/lib/realtime/unified-channel-standards";\n' + "".join(
                f"export function Comp{i}({{ o, c }}: {{ o: string; c: string }}) {{\n"
                f"  const {{ subscribe }} = useRealtime({{ type: \"conversation\", organizationId: o, conversationId: c }});\n"
                f"  useEffect(() => subscribe(UNIFIED_EVENTS.MESSAGE_CREATED, () => {{}}), [subscribe]);\n"
                f"  useEffect(() => subscribe(\"message_created\", () => {{}}), [subscribe]);\n  return null;\n}}\n"
                for i in range(n)))


def local_helpers(n):
    """n functions each sending through a helper of its own that takes the
    event as a parameter: each helper's summary (what its parameters reach)
    visits the sites inside it."""
    return HEADER + "".join(
        f"function send{i}(o: string, c: string, e: string) {{\n"
        f"  supabase.channel(`org:${{o}}:conv:${{c}}`).send({{ type: \"broadcast\", event: e, payload: {{}} }});\n}}\n"
        f"export function run{i}(o: string, c: string) {{\n  send{i}(o, c, \"message_created\");\n}}\n"
        for i in range(n))


def near_miss(n):
    """n functions each sending an event on `org:{}:conv:{}` and n hearing it
    on its near miss `org:{}:conversation:{}`: every end is a channel-mismatch
    finding naming the first ends of the other channel."""
    return HEADER + "".join(
        f"export function send{i}(o: string, c: string) {{\n"
        f"  supabase.channel(`org:${{o}}:conv:${{c}}`).send({{ type: \"broadcast\", event: \"message:created\", payload: {{}} }});\n}}\n"
        f"export function hear{i}(o: string, c: string) {{\n"
        f"  supabase.channel(`org:${{o}}:conversation:${{c}}`).on(\"broadcast\", {{ event: \"message:created\" }}, () => {{}}).subscribe();\n}}\n"
        for i in range(n))


def work(rtlint, text, tmp, extra=(), whole=False):
    """Work and JSON output of one run on text (a.ts in tmp), or on (text,
    others): a.ts beside other files, or (text, others, path): a tree of its
    own, removed after the run, with text at path."""
    if isinstance(text, tuple) and len(text) == 3:
        with tempfile.TemporaryDirectory(dir=tmp) as own:
            return run_tree(rtlint, own, text[2], text[0], text[1], extra, whole)
    others = {}
    if isinstance(text, tuple):
        text, others = text
    return run_tree(rtlint, tmp, "a.ts", text, others, extra, whole)


def run_tree(rtlint, tmp, name, text, others, extra, whole):
    for other, body in list(others.items()) + [(name, text)]:
        path = os.path.join(tmp, other)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(body)
    env = dict(os.environ, RTLINT_STATS="1")
    # A whole-project run (".") also links the realtime contract; a file alone does not.
    p = subprocess.run([rtlint, "--no-cache", "-f", "json", *extra, "." if whole else name], cwd=tmp,
                       env=env,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(f"rtlint exited {p.returncode}: {p.stderr}")
    m = re.search(r"rtlint-stats: work=(\d+)", p.stderr)
    if not m:
        sys.exit(f"no rtlint-stats line in: {p.stderr}")
    return int(m.group(1)), json.loads(p.stdout)


def calls_outside(calls, allowed):
    """Lines of src/**/*.c outside the file `allowed` (relative to src) that
    call one of `calls`."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    found = []
    for dirpath, _, files in os.walk(src):
        for name in files:
            path = os.path.join(dirpath, name)
            if not name.endswith(".c") or os.path.relpath(path, src) == allowed:
                continue
            with open(path) as f:
                found += [f"{os.path.relpath(path, src)}:{i}" for i, line in enumerate(f, 1)
                          if any(call + "(" in line for call in calls)]
    return found


def raw_parent_calls():
    """Calls of tree-sitter's ts_node_parent outside ast_parent (src/parse/ast.c):
    the work counter does not see their descent from the root."""
    return calls_outside(["ts_node_parent"], os.path.join("parse", "ast.c"))


def raw_descents():
    """Descents by byte offset outside src/resolve/scope.c, whose descents
    start below the root (scope_node_for_range) or cross long child lists
    through the scope index (scope_ancestors) and are counted: from the root
    of a file a syntax error left flat, tree-sitter visits every statement
    before the one it wants."""
    return calls_outside(["ts_tree_cursor_goto_first_child_for_byte", "ts_node_descendant_for_byte_range",
                          "ts_node_named_descendant_for_byte_range"], os.path.join("resolve", "scope.c"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    failures = [f"{at}: ts_node_parent outside ast_parent (use scope_node_parent on a path that "
                 "runs per node, finding or call site, else ast_parent)" for at in raw_parent_calls()]
    failures += [f"{at}: a descent by byte offset outside resolve/scope.c (use scope_ancestors or "
                 "scope_node_for_range)" for at in raw_descents()]
    cases = [("channel calls", calls, 250), ("constants", constants, 500),
             ("minified", minified, 500), ("half-written file", half_written, 500),
             ("nested arrows", arrows, 2000),
             ("nested parentheses", parens, 5000), ("imports from a large module", imports, 1000),
             ("message writes", message_writes, 500),
             ("a map of thousands of event names read at as many sites", object_map, 500),
             ("components with a channel name and its copy", components, 100)]
    # Half-written files of rule fixtures: the walks up from each finding,
    # call site or handler (typing-stop-missing's owner, a destructured
    # subscribe's declarator, channel-error-unhandled's status branches, the
    # hook call around a message insert).
    cases += [(f"half-written {rel}", rule_fixture(rel), 50) for rel in (
        "typing-stop-missing/components/Handled.tsx", "typing-stop-missing/components/Missing.tsx",
        "channel-error-unhandled/components/Handled.tsx", "event-name-custom/components/Valid.tsx",
        "message-missing-organization-id/app/api/messages/route.ts")]
    # Sample files being typed: provider-context-outside's suggestion (the
    # context hook's calls of the file counted per finding), wrappers (every
    # call of a wrapper's name looked up per function of that name),
    # hook-deprecated's imports (the top-level statements by index).
    cases += [(f"half-written {root}/{main}", half_written_file(root, main), 50) for root, main in (
        ("fixtures/campfire-app", "components/widget/WidgetPresence.tsx"),
        ("eval/corpus", "src/components/widget/WidgetMessages.tsx"),
        ("eval/corpus", "src/lib/realtime/notify.ts"),
        ("eval/corpus", "src/components/widget/WidgetHeader.tsx"))]
    with tempfile.TemporaryDirectory() as tmp:
        cases += [("contract of a whole project", minified, 500, True),
                  ("events nobody sends or hears on one channel", unheard, 250, True),
                  ("senders and listeners on near-miss channels", near_miss, 250, True),
                  ("'*' listeners dispatching on the event", star_listeners, 250, True),
                  ("a '*' listener switching over many events", star_cases, 500, True),
                  ("components subscribing through useRealtime", hook_subscribers, 250, True),
                  ("functions sending through helpers of their own", local_helpers, 250, True)]
        for name, make, n, *whole in cases:
            small, out_small = work(rtlint, make(n), tmp, whole=bool(whole))
            large, out_large = work(rtlint, make(4 * n), tmp, whole=bool(whole))
            ratio = large / max(small, 1)
            print(f"{name}: work {small} at n={n}, {large} at 4n: {ratio:.1f}x")
            if out_large["summary"]["errors"] + out_large["summary"]["warnings"] == 0:
                failures.append(f"{name}: no findings at 4n; the case checks nothing")
            if ratio > 6:
                failures.append(f"{name}: work grew {ratio:.1f}x for 4x the input (quadratic?)")
        # The budget: deterministic, whatever the thread count.
        notices = []
        for jobs in ("1", "2"):
            _, out = work(rtlint, constants(500), tmp, ["--file-budget", "0.01", "-j", jobs])
            notices.append(out["notices"])
            if out["diagnostics"]:
                failures.append("over budget: findings were still reported")
        kinds = [n["kind"] for n in notices[0]]
        if kinds != ["over-budget"] or "skipped after" not in notices[0][0]["message"]:
            failures.append(f"over budget: expected one over-budget notice, got {notices[0]}")
        if notices[0] != notices[1]:
            failures.append(f"over budget: -j1 and -j2 differ: {notices}")
        _, out = work(rtlint, constants(2000), tmp, ["--file-budget", "0"])
        if out["notices"] or not out["diagnostics"]:
            failures.append("--file-budget 0 must mean no limit")
    for f in failures:
        print("FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
