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
up from each finding). No ts_node_parent outside ast_parent, which counts its
descent. Also: a file over --file-budget
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


FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "rules")
IMPORT = re.compile(r'^(import\b[^;]*;|"use client";)[ \t]*\n', re.M)


def rule_fixture(rel):
    """A rule fixture's file (FIXTURE/PATH) being typed: its body (every shape
    the rule's walks handle, one per component) n times below its imports, the
    last closing brace missing, the fixture's other files beside it. A syntax
    error leaves the components in one flat list, where a walk up with
    tree-sitter's ts_node_parent visits every one before it."""
    fixture, main = rel.split("/", 1)
    root = os.path.join(FIXTURES, fixture)

    def make(n):
        others = {}
        for dirpath, _, files in os.walk(root):
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


def raw_parent_calls():
    """Calls of tree-sitter's ts_node_parent outside ast_parent (src/parse/ast.c):
    the work counter does not see their descent from the root."""
    src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    found = []
    for dirpath, _, files in os.walk(src):
        for name in files:
            path = os.path.join(dirpath, name)
            if not name.endswith(".c") or os.path.relpath(path, src) == os.path.join("parse", "ast.c"):
                continue
            with open(path) as f:
                found += [f"{os.path.relpath(path, src)}:{i}" for i, line in enumerate(f, 1)
                          if "ts_node_parent(" in line]
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    failures = [f"{at}: ts_node_parent outside ast_parent (use scope_node_parent on a path that "
                 "runs per node, finding or call site, else ast_parent)" for at in raw_parent_calls()]
    cases = [("channel calls", calls, 250), ("constants", constants, 500),
             ("minified", minified, 500), ("half-written file", half_written, 500),
             ("nested arrows", arrows, 2000),
             ("nested parentheses", parens, 5000), ("imports from a large module", imports, 1000),
             ("message writes", message_writes, 500),
             ("components with a channel name and its copy", components, 100)]
    # Half-written files of rule fixtures: the walks up from each finding,
    # call site or handler (typing-stop-missing's owner, a destructured
    # subscribe's declarator, channel-error-unhandled's status branches, the
    # hook call around a message insert).
    cases += [(f"half-written {rel}", rule_fixture(rel), 50) for rel in (
        "typing-stop-missing/components/Handled.tsx", "typing-stop-missing/components/Missing.tsx",
        "channel-error-unhandled/components/Handled.tsx", "event-name-custom/components/Valid.tsx",
        "message-missing-organization-id/app/api/messages/route.ts")]
    with tempfile.TemporaryDirectory() as tmp:
        cases += [("contract of a whole project", minified, 500, True),
                  ("events nobody sends or hears on one channel", unheard, 250, True),
                  ("senders and listeners on near-miss channels", near_miss, 250, True)]
        for name, make, n, *whole in cases:
            small, out_small = work(rtlint, make(n), tmp, whole=bool(whole))
            large, out_large = work(rtlint, make(4 * n), tmp, whole=bool(whole))
            ratio = large / max(small, 1)
            print(f"{name}: work {small} at n={n}, {large} at 4n: {ratio:.1f}x")
            if out_large["summary"]["errors"] == 0:
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
