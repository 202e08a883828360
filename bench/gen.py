#!/usr/bin/env python3
"""Write a synthetic Next.js + Supabase codebase for benchmarking rtlint.

    bench/gen.py --files 3000 --out DIR --seed 1 [--git]

The tree is deterministic from (--files, --seed): the same arguments give the same bytes, so
timings from different runs and machines are comparable. It aims to look like a real app to a
linter, because that decides where a linter spends time:

* most files are ordinary UI, pages, API routes, hooks and utilities with no realtime code at
  all (about 12% of files use Supabase Realtime), so a prefilter has something to skip;
* file sizes vary (a few hundred bytes to ~40 KB, ~6.5 KB on average: 3,000 files ~ 20 MB);
* realtime files mix correct use (UNIFIED_CHANNELS.x(), UNIFIED_EVENTS.X, constants imported
  from the standards file) with the violations the standards describe, next to look-alikes
  that must not be reported (postgres_changes "INSERT", presence "sync", EventEmitter, analytics,
  template strings that are URLs or filters, not channels).

Besides the tree, DIR.manifest.json records how many violations of each kind were planted, so
bench/run can check that every tool finds comparable work. Python 3 standard library only.
"""
import argparse
import json
import os
import random
import subprocess
import sys

# ---------------------------------------------------------------------------------------------
# The standards (seed: campfire-realtime-standards.md). Emitted verbatim as the tree's
# lib/realtime/unified-channel-standards.ts, which rtlint learns its catalog from.
CHANNELS = [
    ("organization", ["orgId"], "org:${orgId}"),
    ("conversations", ["orgId"], "org:${orgId}:conversations"),
    ("agentsPresence", ["orgId"], "org:${orgId}:agents:presence"),
    ("notifications", ["orgId"], "org:${orgId}:notifications"),
    ("activity", ["orgId"], "org:${orgId}:activity"),
    ("metrics", ["orgId"], "org:${orgId}:metrics"),
    ("conversation", ["orgId", "convId"], "org:${orgId}:conv:${convId}"),
    ("conversationTyping", ["orgId", "convId"], "org:${orgId}:conv:${convId}:typing"),
    ("conversationPresence", ["orgId", "convId"], "org:${orgId}:conv:${convId}:presence"),
    ("conversationHandover", ["orgId", "convId"], "org:${orgId}:conv:${convId}:handover"),
    ("conversationStatus", ["orgId", "convId"], "org:${orgId}:conv:${convId}:status"),
    ("user", ["orgId", "userId"], "org:${orgId}:user:${userId}"),
    ("userNotifications", ["orgId", "userId"], "org:${orgId}:user:${userId}:notifications"),
    ("userPresence", ["orgId", "userId"], "org:${orgId}:user:${userId}:presence"),
    ("userActivity", ["orgId", "userId"], "org:${orgId}:user:${userId}:activity"),
    ("widget", ["orgId", "convId"], "org:${orgId}:conv:${convId}"),
    ("widgetVisitor", ["orgId", "visitorId"], "org:${orgId}:widget:visitor:${visitorId}"),
    ("system", [], "system:announcements"),
    ("health", [], "system:health"),
    ("performance", [], "system:performance"),
]
EVENTS = [
    ("MESSAGE_CREATED", "message:created"), ("MESSAGE_UPDATED", "message:updated"),
    ("MESSAGE_DELETED", "message:deleted"), ("MESSAGE_STATUS_DELIVERED", "message:status:delivered"),
    ("MESSAGE_STATUS_READ", "message:status:read"), ("MESSAGE_STATUS_FAILED", "message:status:failed"),
    ("READ_RECEIPT", "read:receipt"),
    ("CONVERSATION_CREATED", "conversation:created"), ("CONVERSATION_UPDATED", "conversation:updated"),
    ("CONVERSATION_ASSIGNED", "conversation:assigned"), ("CONVERSATION_UNASSIGNED", "conversation:unassigned"),
    ("CONVERSATION_CLOSED", "conversation:closed"), ("CONVERSATION_REOPENED", "conversation:reopened"),
    ("CONVERSATION_ARCHIVED", "conversation:archived"),
    ("TYPING_START", "typing:start"), ("TYPING_STOP", "typing:stop"), ("TYPING_UPDATE", "typing:update"),
    ("PRESENCE_JOIN", "presence:join"), ("PRESENCE_LEAVE", "presence:leave"), ("PRESENCE_UPDATE", "presence:update"),
    ("AGENT_STATUS_ONLINE", "agent:status:online"), ("AGENT_STATUS_AWAY", "agent:status:away"),
    ("AGENT_STATUS_BUSY", "agent:status:busy"), ("AGENT_STATUS_OFFLINE", "agent:status:offline"),
    ("AGENT_ASSIGNED", "agent:assigned"), ("AGENT_UNASSIGNED", "agent:unassigned"),
    ("AI_ACTIVATED", "ai:activated"), ("AI_DEACTIVATED", "ai:deactivated"),
    ("AI_RESPONSE_GENERATED", "ai:response:generated"), ("AI_HANDOVER_REQUESTED", "ai:handover:requested"),
    ("AI_HANDOVER_COMPLETED", "ai:handover:completed"), ("AI_CONFIDENCE_LOW", "ai:confidence:low"),
    ("AI_CONFIDENCE_HIGH", "ai:confidence:high"),
    ("VISITOR_JOINED", "visitor:joined"), ("VISITOR_LEFT", "visitor:left"), ("VISITOR_ACTIVE", "visitor:active"),
    ("VISITOR_IDLE", "visitor:idle"), ("VISITOR_PAGE_VIEW", "visitor:page:view"),
    ("NOTIFICATION_CREATED", "notification:created"), ("NOTIFICATION_READ", "notification:read"),
    ("NOTIFICATION_DISMISSED", "notification:dismissed"),
    ("SYSTEM_MAINTENANCE", "system:maintenance"), ("SYSTEM_ALERT", "system:alert"),
    ("SYSTEM_HEALTH_CHECK", "system:health:check"),
]
# Names seen in legacy code instead of UNIFIED_EVENTS (all outside the standard).
CUSTOM_EVENTS = ["typing_indicator", "new_message", "typing_start", "typing_stop", "message_sent",
                 "agent_joined", "status_change", "conversation_update", "user_typing", "message-read",
                 "handover", "visitor_left", "typing"]
# Hand-built channel templates: standard shapes written by hand, legacy shapes and near misses.
HAND_TEMPLATES = ["org:${orgId}:conv:${convId}", "org:${orgId}:conv:${convId}:typing",
                  "conversation:${convId}", "typing:${convId}", "org:${orgId}:conversation:${convId}",
                  "org:${orgId}:user:${userId}:notifications", "org:${orgId}:conversations",
                  "presence:${orgId}", "org:${orgId}:agents:presence", "widget:${convId}"]
HAND_CONCATS = ['"org:" + orgId + ":conv:" + convId', '"conversation:" + convId',
                '"org:" + orgId + ":conversations"', '"typing:" + convId',
                '"org:" + orgId + ":user:" + userId']

WORDS = ["Inbox", "Agent", "Billing", "Settings", "Team", "Report", "Widget", "Contact", "Ticket",
         "Macro", "Label", "Channel", "Invoice", "Plan", "Usage", "Audit", "Survey", "Article",
         "Campaign", "Segment", "Webhook", "Integration", "Shift", "Queue", "Rating", "Note",
         "Attachment", "Template", "Workflow", "Schedule", "Profile", "Session", "Domain", "Theme"]
FIELDS = [("id", "string"), ("name", "string"), ("email", "string"), ("createdAt", "string"),
          ("updatedAt", "string"), ("status", '"active" | "archived" | "pending"'), ("count", "number"),
          ("ownerId", "string"), ("tags", "string[]"), ("priority", "1 | 2 | 3"), ("enabled", "boolean"),
          ("description", "string | null"), ("score", "number"), ("organizationId", "string"),
          ("metadata", "Record<string, unknown>"), ("position", "number"), ("color", "string")]
TABLES = ["messages", "conversations", "contacts", "agents", "tickets", "notes", "labels"]


def fill(text, **kw):
    """Substitute «name» markers: TS and JSX use both {} and ${}, so neither can be the marker."""
    for k, v in kw.items():
        text = text.replace("«" + k + "»", str(v))
    return text


class Counts:
    """Planted violations, by the detection classes all three tools are given rules for."""
    def __init__(self):
        self.c = {"event-custom": 0, "channel-hand-built": 0, "channel-hand-built-via-variable": 0,
                  "hook-deprecated": 0, "supabase-channel-direct": 0, "event-custom-via-wrapper": 0}
        self.realtime_files = 0

    def add(self, k, n=1):
        self.c[k] += n


# ---------------------------------------------------------------------------------------------
# Ordinary code blocks (no realtime). Each returns text; a file is built from blocks until it
# reaches its drawn size.

def b_interface(r, name):
    fields = r.sample(FIELDS, r.randint(4, 10))
    body = "\n".join(f"  {f}{'?' if r.random() < 0.2 else ''}: {t};" for f, t in fields)
    return f"export interface {name} {{\n{body}\n}}\n"


def b_type_union(r, name):
    opts = r.sample(["idle", "loading", "error", "ready", "saving", "empty", "stale"], 4)
    return (f"export type {name}State =\n" + "\n".join(f'  | {{ kind: "{o}"; at: number }}' for o in opts)
            + ";\n")


def b_helpers(r, name):
    n = r.randint(1, 4)
    out = []
    for i in range(n):
        kind = r.randrange(5)
        fn = f"{r.choice(['format', 'normalize', 'compute', 'resolve', 'pick', 'build'])}{name}{i}"
        if kind == 0:
            out.append(f"""export function {fn}(value: number, min = 0, max = {r.randint(10, 999)}): number {{
  if (Number.isNaN(value)) return min;
  return Math.min(max, Math.max(min, Math.round(value * {r.randint(2, 9)}) / {r.randint(2, 9)}));
}}
""")
        elif kind == 1:
            out.append(f"""export function {fn}<T extends {{ id: string }}>(items: T[], key: keyof T): Map<string, T[]> {{
  const groups = new Map<string, T[]>();
  for (const item of items) {{
    const k = String(item[key] ?? "unknown");
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }}
  return groups;
}}
""")
        elif kind == 2:
            out.append(f"""export const {fn} = (date: string | Date, locale = "{r.choice(['en-US', 'de-DE', 'fr-FR'])}") => {{
  const d = typeof date === "string" ? new Date(date) : date;
  return new Intl.DateTimeFormat(locale, {{ dateStyle: "{r.choice(['short', 'medium', 'long'])}", timeStyle: "short" }}).format(d);
}};
""")
        elif kind == 3:
            out.append(f"""export async function {fn}(id: string, init?: RequestInit): Promise<{name} | null> {{
  const res = await fetch(`/api/{name.lower()}/${{encodeURIComponent(id)}}?v={r.randint(1, 9)}`, {{ ...init, cache: "no-store" }});
  if (!res.ok) {{
    if (res.status === 404) return null;
    throw new Error(`{name} request failed: ${{res.status}} ${{res.statusText}}`);
  }}
  return (await res.json()) as {name};
}}
""")
        else:
            out.append(f"""export function {fn}(input: Partial<{name}>): string[] {{
  const errors: string[] = [];
  if (!input.id) errors.push("id is required");
  if (input.name !== undefined && input.name.trim().length < {r.randint(2, 5)}) errors.push("name is too short");
  if (input.email && !/^[^@\\s]+@[^@\\s]+\\.[a-z]{{2,}}$/i.test(input.email)) errors.push("email is invalid");
  return errors;
}}
""")
    return "\n".join(out)


def b_table(r, name):
    rows = []
    for i in range(r.randint(6, 30)):
        rows.append(f'  {{ key: "{name.lower()}-{i}", label: "{r.choice(WORDS)} {i}", weight: {r.randint(1, 99)}, '
                    f'visible: {r.choice(["true", "false"])}, color: "#{r.randrange(0xFFFFFF):06x}" }},')
    return f"export const {name.upper()}_OPTIONS = [\n" + "\n".join(rows) + "\n] as const;\n"


def b_doc(r, name):
    lines = [f" * {name}: {r.choice(['renders', 'loads', 'keeps', 'validates', 'maps'])} "
             f"{r.choice(['the list', 'settings', 'a form', 'the sidebar', 'row state'])} for "
             f"{r.choice(WORDS).lower()} views." for _ in range(r.randint(2, 6))]
    return "/**\n" + "\n".join(lines) + "\n */\n"


def b_component(r, name):
    """A client component with state, an effect that fetches, handlers and a JSX tree."""
    cols = r.sample(["name", "email", "status", "createdAt", "ownerId", "score"], 3)
    head = "\n".join(f'            <th scope="col" className="px-3 py-2 text-left">{c}</th>' for c in cols)
    cells = "\n".join(f'              <td className="px-3 py-2">{{String(row.{c} ?? "")}}</td>' for c in cols)
    return f"""export function {name}View({{ items, onSelect, title = "{name}" }}: {name}ViewProps) {{
  const [query, setQuery] = useState("");
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const filtered = useMemo(
    () => items.filter((row) => JSON.stringify(row).toLowerCase().includes(query.toLowerCase())),
    [items, query],
  );

  useEffect(() => {{
    const controller = new AbortController();
    fetch(`/api/{name.lower()}?page=${{page}}&q=${{encodeURIComponent(query)}}`, {{ signal: controller.signal }})
      .then((res) => res.json())
      .catch(() => undefined);
    return () => controller.abort();
  }}, [page, query]);

  const handleClick = useCallback(
    (id: string) => {{
      setSelected(id);
      onSelect?.(id);
    }},
    [onSelect],
  );

  return (
    <section className={{`rounded-lg border ${{selected ? "border-blue-500" : "border-gray-200"}} p-{r.randint(2, 6)}`}}>
      <header className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">{{title}}</h2>
        <input value={{query}} onChange={{(e) => setQuery(e.target.value)}} placeholder="Search {name.lower()}…" />
      </header>
      <table className="min-w-full divide-y">
        <thead>
          <tr>
{head}
          </tr>
        </thead>
        <tbody>
          {{filtered.slice(page * {r.choice([10, 20, 25])}, (page + 1) * {r.choice([10, 20, 25])}).map((row) => (
            <tr key={{row.id}} onClick={{() => handleClick(row.id)}} className={{row.id === selected ? "bg-blue-50" : undefined}}>
{cells}
            </tr>
          ))}}
        </tbody>
      </table>
      <footer className="flex gap-2">
        <button disabled={{page === 0}} onClick={{() => setPage((p) => p - 1)}}>Previous</button>
        <span>Page {{page + 1}}</span>
        <button onClick={{() => setPage((p) => p + 1)}}>Next</button>
      </footer>
    </section>
  );
}}
"""


def b_props(r, name):
    return f"""export interface {name}ViewProps {{
  items: Array<{{ id: string; {'; '.join(f'{c}?: string' for c in ['name', 'email', 'status', 'createdAt', 'ownerId', 'score'])} }}>;
  onSelect?: (id: string) => void;
  title?: string;
}}
"""


def b_small_component(r, name):
    tag = r.choice(["div", "span", "li", "article"])
    return f"""export const {name}Badge = ({{ label, tone = "{r.choice(['neutral', 'info', 'warn'])}" }}: {{ label: string; tone?: string }}) => (
  <{tag} className={{`badge badge-${{tone}}`}} aria-label={{label}}>
    {{label}}
  </{tag}>
);
"""


def b_reducer(r, name):
    acts = r.sample(["add", "remove", "reset", "rename", "toggle", "reorder"], 4)
    cases = "\n".join(f'    case "{a}":\n      return {{ ...state, version: state.version + 1, last: "{a}" }};' for a in acts)
    return f"""type {name}Action = {' | '.join(f'{{ type: "{a}" }}' for a in acts)};

export function {name.lower()}Reducer(state: {{ version: number; last: string }}, action: {name}Action) {{
  switch (action.type) {{
{cases}
    default:
      return state;
  }}
}}
"""


ORDINARY = [b_interface, b_type_union, b_helpers, b_table, b_doc, b_reducer]


# ---------------------------------------------------------------------------------------------
# Realtime blocks. Correct ones, look-alikes that must stay silent, and violations (counted).

def args_for(params):
    return ", ".join(params)


def rt_correct_subscribe(r, cnt, client="supabase", direct=False):
    name, params, _ = r.choice([c for c in CHANNELS if c[1]])
    ev1, ev2 = r.sample(EVENTS, 2)
    if direct:
        cnt.add("supabase-channel-direct", 2)  # .channel( and .removeChannel(
    return f"""
  useEffect(() => {{
    const channel = {client}.channel(UNIFIED_CHANNELS.{name}({args_for(params)}));
    channel
      .on("broadcast", {{ event: UNIFIED_EVENTS.{ev1[0]} }}, ({{ payload }}) => setLast(payload))
      .on("broadcast", {{ event: UNIFIED_EVENTS.{ev2[0]} }}, ({{ payload }}) => setLast(payload))
      .subscribe((status) => {{
        if (status === "CHANNEL_ERROR") setFallback(true);
      }});
    return () => {{
      {client}.removeChannel(channel);
    }};
  }}, [{args_for(params)}]);
"""


def rt_imported_const(r, cnt):
    ev = r.choice(EVENTS)[0]
    return f"""
const {ev.lower()}Event = UNIFIED_EVENTS.{ev};

export function on{ev.title().replace('_', '')}(channel: RealtimeChannel, cb: (p: unknown) => void) {{
  return channel.on("broadcast", {{ event: {ev.lower()}Event }}, ({{ payload }}) => cb(payload));
}}
"""


def rt_lookalikes(r, cnt):
    table = r.choice(TABLES)
    return f"""
export function watch{table.title()}(channel: RealtimeChannel, convId: string, onRow: (row: unknown) => void) {{
  channel
    .on("postgres_changes", {{ event: "{r.choice(['INSERT', 'UPDATE', 'DELETE', '*'])}", schema: "public", table: "{table}", filter: `conversation_id=eq.${{convId}}` }}, (change) => onRow(change.new))
    .on("presence", {{ event: "{r.choice(['sync', 'join', 'leave'])}" }}, () => onRow(channel.presenceState()));
  bus.on("data", onRow);
  bus.emit("ready", {{ table: "{table}" }});
  track("{r.choice(['message_sent', 'widget_opened', 'typing_started'])}", {{ convId }});
}}
"""


def rt_custom_on(r, cnt):
    ev = r.choice(CUSTOM_EVENTS)
    cnt.add("event-custom")
    return f"""
export function listen{r.choice(WORDS)}(channel: RealtimeChannel, handler: (payload: unknown) => void) {{
  return channel.on("broadcast", {{ event: "{ev}" }}, ({{ payload }}) => handler(payload));
}}
"""


def rt_custom_send(r, cnt, client="channel"):
    ev = r.choice(CUSTOM_EVENTS)
    cnt.add("event-custom")
    return f"""
  await {client}.send({{ type: "broadcast", event: "{ev}", payload: {{ id: crypto.randomUUID(), at: Date.now() }} }});
"""


def rt_hand_built(r, cnt, client="supabase", direct=False):
    cnt.add("channel-hand-built")
    if direct:
        cnt.add("supabase-channel-direct")
    if r.random() < 0.7:
        arg = "`" + r.choice(HAND_TEMPLATES) + "`"
    else:
        arg = r.choice(HAND_CONCATS)
    return f"""
  const legacy = {client}.channel({arg});
  legacy.subscribe((status) => {{
    if (status === "CHANNEL_ERROR") setFallback(true);
  }});
"""


def rt_via_variable(r, cnt, client="supabase"):
    # rtlint follows the value from the building site to the sink; the pattern tools cannot.
    cnt.add("channel-hand-built-via-variable")
    tpl = r.choice(HAND_TEMPLATES)
    return f"""
  const channelName = `{tpl}`;
  const target = {client}.channel(channelName);
  await target.send({{ type: "broadcast", event: UNIFIED_EVENTS.{r.choice(EVENTS)[0]}, payload }});
"""


# ---------------------------------------------------------------------------------------------
# File kinds.

HEADER_RT = """import type { RealtimeChannel } from "@supabase/supabase-js";
import { supabase } from "@/lib/realtime/supabase";
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from "«std»";
import { bus, track } from "@/lib/analytics";
"""


def std_import(r):
    return r.choice(["@/lib/realtime/unified-channel-standards", "@/lib/realtime"])


def grow(r, parts, target, name):
    """Append ordinary blocks until the file reaches its drawn size."""
    size = sum(len(p) for p in parts)
    i = 0
    while size < target:
        b = r.choice(ORDINARY)(r, f"{name}{i}")
        parts.append("\n" + b)
        size += len(b) + 1
        i += 1
    return parts


def component_file(r, name, target, realtime, cnt, peers):
    parts = ['"use client";\n\nimport { useCallback, useEffect, useMemo, useState } from "react";\n']
    for p in peers:
        parts.append(f'import {{ {p[1]}Badge }} from "@/{p[0]}";\n')
    if realtime:
        parts.append(fill('import type { RealtimeChannel } from "@supabase/supabase-js";\n'
                          'import { supabase } from "@/lib/realtime/supabase";\n'
                          'import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from "«s»";\n'
                          'import { useRealtime } from "@/hooks/useRealtime";\n'
                          'import { bus, track } from "@/lib/analytics";\n', s=std_import(r)))
    parts += ["\n", b_doc(r, name), b_props(r, name), "\n", b_component(r, name), "\n", b_small_component(r, name)]
    if realtime:
        kind = r.random()
        body = []
        if kind < 0.3:
            # The recommended path: the useRealtime hook, no direct channel.
            ev = r.choice(EVENTS)[0]
            body.append(f"""
  const [state, actions] = useRealtime({{ type: "{r.choice(['conversation', 'widget', 'dashboard'])}", organizationId: orgId, conversationId: convId }});
  useEffect(() => actions.subscribe(UNIFIED_EVENTS.{ev}, (payload) => setLast(payload)), [actions]);
""")
        elif kind < 0.55:
            # Deprecated hook: import + call.
            hook, path = r.choice([("useRealTimeMessaging", "@/components/enhanced-messaging/useRealTimeMessaging"),
                                   ("useTypingIndicator", "@/components/widget/features/AdvancedTypingIndicator")])
            parts.insert(1, f'import {{ {hook} }} from "{path}";\n')
            cnt.add("hook-deprecated", 2)
            if hook == "useRealTimeMessaging":
                body.append("\n  const { messages, sendMessage } = useRealTimeMessaging({ organizationId: orgId, conversationId: convId, userId });\n")
            else:
                body.append("\n  const { startTyping, stopTyping } = useTypingIndicator(convId, orgId, userId, \"Agent\");\n")
        else:
            # Supabase straight from a component: always a direct-use violation, sometimes more.
            body.append(rt_correct_subscribe(r, cnt, direct=True))
            if r.random() < 0.5:
                body.append(rt_hand_built(r, cnt, direct=True))
        send = rt_custom_send(r, cnt, "ch") if r.random() < 0.3 else ""
        parts.append(f"""
export function {name}Live({{ orgId, convId, userId }}: {{ orgId: string; convId: string; userId: string }}) {{
  const [last, setLast] = useState<unknown>(null);
  const [fallback, setFallback] = useState(false);
{''.join(body)}
  const notify = useCallback(async (ch: RealtimeChannel) => {{
{send}  }}, []);

  return <div data-fallback={{fallback}} onClick={{() => void notify}}>{{JSON.stringify(last)}}</div>;
}}
""")
        if r.random() < 0.4:
            parts.append(rt_custom_on(r, cnt))
        if r.random() < 0.5:
            parts.append(rt_lookalikes(r, cnt))
    return grow(r, parts, target, name)


def hook_file(r, name, target, realtime, cnt):
    parts = ['import { useCallback, useEffect, useMemo, useState } from "react";\n']
    if realtime:
        parts.append(fill(HEADER_RT, std=std_import(r)))
    parts.append(b_doc(r, name))
    if realtime:
        pieces = [rt_correct_subscribe(r, cnt, direct=True)]
        if r.random() < 0.5:
            pieces.append(rt_hand_built(r, cnt, direct=True))
        parts.append(f"""
export function use{name}(orgId: string, convId: string, userId: string) {{
  const [last, setLast] = useState<unknown>(null);
  const [fallback, setFallback] = useState(false);
{''.join(pieces)}
  return {{ last, fallback }};
}}
""")
        if r.random() < 0.5:
            parts.append(rt_custom_on(r, cnt))
        if r.random() < 0.3:
            parts.append(rt_imported_const(r, cnt))
    else:
        parts.append(f"""
export function use{name}(initial = {r.randint(0, 9)}) {{
  const [value, setValue] = useState(initial);
  const [history, setHistory] = useState<number[]>([]);
  useEffect(() => {{
    const id = window.setInterval(() => setValue((v) => v + 1), {r.choice([500, 1000, 5000])});
    window.addEventListener("resize", () => setHistory((h) => [...h.slice(-{r.randint(5, 50)}), window.innerWidth]));
    return () => window.clearInterval(id);
  }}, []);
  const reset = useCallback(() => setValue(initial), [initial]);
  return useMemo(() => ({{ value, history, reset }}), [value, history, reset]);
}}
""")
    return grow(r, parts, target, name)


def api_route(r, name, target, realtime, cnt):
    parts = ['import { NextResponse, type NextRequest } from "next/server";\n'
             'import { createServiceClient, getRequestUser } from "@/lib/realtime/supabase";\n']
    if realtime:
        parts.append(f'import {{ UNIFIED_CHANNELS, UNIFIED_EVENTS }} from "{std_import(r)}";\n')
    parts.append(b_doc(r, name))
    table = r.choice(TABLES)
    rt = ""
    if realtime:
        ch, params, _ = r.choice([c for c in CHANNELS if c[1] == ["orgId", "convId"]])
        ev = r.choice(EVENTS)[0]
        rt = f"""
  const channel = supabaseClient.channel(UNIFIED_CHANNELS.{ch}(user.organizationId, body.conversationId));
  await channel.send({{ type: "broadcast", event: UNIFIED_EVENTS.{ev}, payload: data }});
"""
        if r.random() < 0.35:
            rt += rt_custom_send(r, cnt)
        if r.random() < 0.3:
            cnt.add("channel-hand-built")
            rt += f"""  const legacy = supabaseClient.channel(`{r.choice(HAND_TEMPLATES).replace('orgId', 'user.organizationId').replace('convId', 'body.conversationId').replace('userId', 'user.id')}`);
  await legacy.send({{ type: "broadcast", event: UNIFIED_EVENTS.{r.choice(EVENTS)[0]}, payload: data }});
"""
    # Routes notify through the app's own layer: correct events mostly, some custom ones;
    # routes without other realtime code too (found through the wrapper's name only).
    if r.random() < 0.4:
        parts.append(f'import {{ {r.choice(["notifyThread", "notifyConversation"])} as notify }} from '
                     f'"{r.choice(["@/lib/realtime/server", "@/lib/realtime/server/notify"])}";\n')
        if not realtime:
            parts.append(f'import {{ UNIFIED_EVENTS }} from "{std_import(r)}";\n')
        if r.random() < 0.3:
            cnt.add("event-custom-via-wrapper")
            ev = f'"{r.choice(CUSTOM_EVENTS)}"'
        else:
            ev = f"UNIFIED_EVENTS.{r.choice(EVENTS)[0]}"
        rt += f"  await notify(user.organizationId, body.conversationId, {ev}, data);\n"
    parts.append(f"""
export async function POST(request: NextRequest) {{
  const user = await getRequestUser(request);
  if (!user) return NextResponse.json({{ error: "unauthorized" }}, {{ status: 401 }});
  const body = (await request.json()) as {{ conversationId: string; content?: string }};
  const supabaseClient = createServiceClient();
  const {{ data, error }} = await supabaseClient
    .from("{table}")
    .insert({{ organization_id: user.organizationId, conversation_id: body.conversationId, content: body.content ?? "" }})
    .select()
    .single();
  if (error) return NextResponse.json({{ error: error.message }}, {{ status: 500 }});
{rt}  return NextResponse.json({{ data }}, {{ status: 201 }});
}}

export async function GET(request: NextRequest) {{
  const url = new URL(request.url);
  const limit = Math.min(Number(url.searchParams.get("limit") ?? {r.choice([20, 50, 100])}), 200);
  const {{ data }} = await createServiceClient().from("{table}").select("*").limit(limit);
  return NextResponse.json({{ data }});
}}
""")
    return grow(r, parts, target, name)


def page_file(r, name, target, cnt, peers, layout=False):
    imports = "".join(f'import {{ {p[1]}View }} from "@/{p[0]}";\n' for p in peers)
    parts = [f'import type {{ Metadata }} from "next";\nimport {{ Suspense }} from "react";\n{imports}\n'
             f'export const metadata: Metadata = {{ title: "{name}", description: "{name} page" }};\n']
    if layout:
        parts.append(f"""
export default function {name}Layout({{ children }}: {{ children: React.ReactNode }}) {{
  return (
    <div className="h-screen flex overflow-hidden bg-gray-50">
      <aside className="w-64 border-r">{name}</aside>
      <main className="flex-1 overflow-auto">
        <Suspense fallback={{<div className="skeleton" />}}>{{children}}</Suspense>
      </main>
    </div>
  );
}}
""")
    else:
        views = "\n".join(f'        <{p[1]}View items={{data.items}} title="{p[1]}" />' for p in peers)
        parts.append(f"""
export default async function {name}Page({{ params }}: {{ params: {{ id: string }} }}) {{
  const res = await fetch(`${{process.env.NEXT_PUBLIC_APP_URL}}/api/{name.lower()}/${{params.id}}`, {{ next: {{ revalidate: {r.choice([0, 30, 60])} }} }});
  const data = (await res.json()) as {{ items: Array<{{ id: string }}> }};
  return (
    <div className="container mx-auto py-{r.randint(2, 8)}">
      <h1 className="text-2xl">{name}</h1>
      <Suspense fallback={{<p>Loading…</p>}}>
{views}
      </Suspense>
    </div>
  );
}}
""")
    return grow(r, parts, target, name)


def lib_file(r, name, target, realtime, cnt):
    parts = []
    if realtime:
        parts.append('import { supabase } from "@/lib/realtime/supabase";\n'
                     f'import {{ UNIFIED_CHANNELS, UNIFIED_EVENTS }} from "{std_import(r)}";\n\n')
        body = rt_via_variable(r, cnt)
        ch, params, _ = r.choice([c for c in CHANNELS if c[1] == ["orgId", "convId"]])
        parts.append(f"""export async function broadcast{name}(orgId: string, convId: string, userId: string, payload: unknown) {{
  const ok = supabase.channel(UNIFIED_CHANNELS.{ch}(orgId, convId));
  await ok.send({{ type: "broadcast", event: UNIFIED_EVENTS.{r.choice(EVENTS)[0]}, payload }});
{body}}}
""")
    parts.append(b_doc(r, name))
    return grow(r, parts, target, name)


# ---------------------------------------------------------------------------------------------
# Fixed files.

def standards_file():
    ch = "\n".join(f"  {n}: ({', '.join(p + ': string' for p in ps)}) => `{t}`," for n, ps, t in CHANNELS)
    ev = "\n".join(f'  {k}: "{v}",' for k, v in EVENTS)
    return f"""/**
 * UNIFIED CHANNEL NAMING STANDARDS
 *
 * This is the SINGLE SOURCE OF TRUTH for all channel naming conventions
 * across the entire Campfire application.
 *
 * Channel pattern: org:{{orgId}}:{{resource}}[:{{resourceId}}][:{{action}}]
 * Event pattern:   {{resource}}:{{action}}[:{{detail}}]
 */

export const UNIFIED_CHANNELS = {{
{ch}
}} as const;

export const UNIFIED_EVENTS = {{
{ev}
}} as const;

export type UnifiedChannelName = ReturnType<typeof UNIFIED_CHANNELS[keyof typeof UNIFIED_CHANNELS]>;
export type UnifiedEventType = typeof UNIFIED_EVENTS[keyof typeof UNIFIED_EVENTS];

export function isValidEventName(eventName: string): boolean {{
  return Object.values(UNIFIED_EVENTS).includes(eventName as UnifiedEventType);
}}

export function extractOrgId(channelName: string): string | null {{
  const match = channelName.match(/^org:([^:]+)/);
  return match ? match[1] : null;
}}
"""


FIXED = {
    "tsconfig.json": json.dumps({"compilerOptions": {
        "target": "ES2020", "lib": ["dom", "dom.iterable", "esnext"], "strict": True, "noEmit": True,
        "module": "esnext", "moduleResolution": "bundler", "jsx": "preserve", "baseUrl": ".",
        "paths": {"@/*": ["./*"]}}, "include": ["**/*.ts", "**/*.tsx"], "exclude": ["node_modules"]},
        indent=2) + "\n",
    "package.json": json.dumps({"name": "campfire-synthetic", "private": True, "version": "0.0.0",
                                "dependencies": {"next": "14.2.5", "react": "18.3.1",
                                                 "@supabase/supabase-js": "2.45.0"}}, indent=2) + "\n",
    ".gitignore": "node_modules/\n.next/\n.rtlint-cache/\n",
    "lib/realtime/index.ts": "export * from \"./unified-channel-standards\";\n",
    "lib/realtime/supabase.ts": """import { createClient, type SupabaseClient } from "@supabase/supabase-js";

const SUPABASE_URL = process.env.NEXT_PUBLIC_SUPABASE_URL ?? "http://localhost:54321";
export const supabase: SupabaseClient = createClient(SUPABASE_URL, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY ?? "");

export function createServiceClient(): SupabaseClient {
  return createClient(SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY ?? "", { auth: { persistSession: false } });
}

export async function getRequestUser(request: Request): Promise<{ id: string; organizationId: string } | null> {
  const token = request.headers.get("authorization")?.replace(/^Bearer\\s+/i, "");
  if (!token) return null;
  const { data } = await createServiceClient().auth.getUser(token);
  const organizationId = data.user?.user_metadata.organization_id as string | undefined;
  return data.user && organizationId ? { id: data.user.id, organizationId } : null;
}
""",
    # The app's own realtime layer (issue 14): routes call notifyThread(...) two files away
    # from the Supabase call; rooms wrap a channel in a class.
    "lib/realtime/server/emit.ts": """import { createServiceClient } from "@/lib/realtime/supabase";

type Emit = { topic: string; event: string; data: unknown };

export async function emitRealtime({ topic, event, data }: Emit): Promise<void> {
  await createServiceClient().channel(topic).send({ type: "broadcast", event, payload: data });
}
""",
    "lib/realtime/server/notify.ts": """import { UNIFIED_CHANNELS } from "@/lib/realtime/unified-channel-standards";
import { emitRealtime } from "./emit";

export async function notifyThread(orgId: string, conversationId: string, event: string, data: unknown) {
  await emitRealtime({ topic: UNIFIED_CHANNELS.conversation(orgId, conversationId), event, data });
}

export const notifyConversation = notifyThread;
""",
    "lib/realtime/server/index.ts": 'export * from "./notify";\nexport { emitRealtime } from "./emit";\n',
    "lib/realtime/client/room.ts": """import type { RealtimeChannel } from "@supabase/supabase-js";

export class RoomChannel {
  constructor(private readonly channel: RealtimeChannel) {}

  on(kind: string, handler: (payload: unknown) => void): this {
    this.channel.on("broadcast", { event: kind }, (message) => handler(message.payload));
    return this;
  }

  emit(kind: string, payload: Record<string, unknown> = {}) {
    return this.channel.send({ type: "broadcast", event: kind, payload });
  }
}
""",
    "lib/analytics.ts": """import { EventEmitter } from "events";

export const bus = new EventEmitter();
export function track(name: string, props: Record<string, unknown> = {}): void {
  bus.emit("track", { name, props, at: Date.now() });
}
""",
    "hooks/useRealtime.ts": """import { useMemo } from "react";
import { UNIFIED_CHANNELS } from "@/lib/realtime/unified-channel-standards";

export function useRealtime(opts: { type: "conversation" | "widget" | "dashboard"; organizationId: string; conversationId?: string }) {
  const channelName = useMemo(
    () => (opts.type === "dashboard" ? UNIFIED_CHANNELS.conversations(opts.organizationId)
      : UNIFIED_CHANNELS.conversation(opts.organizationId, opts.conversationId ?? "")),
    [opts.type, opts.organizationId, opts.conversationId],
  );
  return [{ channelName }, { subscribe: (_event: string, _cb: (p: unknown) => void) => () => undefined }] as const;
}
""",
}


# ---------------------------------------------------------------------------------------------

def plan(n, r):
    """Decide every file's path, kind and whether it has realtime code; deterministic in r."""
    kinds = [("component", 0.44), ("page", 0.12), ("layout", 0.03), ("api", 0.10), ("hook", 0.08),
             ("lib", 0.13), ("types", 0.10)]
    rt_share = {"component": 0.14, "hook": 0.45, "api": 0.30, "lib": 0.10}
    files, seen = [], set(FIXED) | {"lib/realtime/unified-channel-standards.ts",
                                    "components/enhanced-messaging/useRealTimeMessaging.ts",
                                    "components/widget/features/AdvancedTypingIndicator.tsx"}
    areas = ["dashboard", "inbox", "settings", "widget", "billing", "reports", "admin", "team", "help"]
    count = n - len(seen) + 2  # tsconfig/package.json/.gitignore are not code; keep the total ~n
    i = 0
    while len(files) < count:
        kind = r.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
        word = r.choice(WORDS) + r.choice(WORDS)
        area = r.choice(areas)
        sub = f"{area}/{r.choice(WORDS).lower()}{i % 97}"
        path = {
            "component": f"components/{sub}/{word}{i}.tsx",
            "page": f"app/{sub}/{word.lower()}{i}/page.tsx",
            "layout": f"app/{sub}/l{i}/layout.tsx",
            "api": f"app/api/{sub}/{word.lower()}{i}/route.ts",
            "hook": f"hooks/{area}/use{word}{i}.ts",
            "lib": f"lib/{area}/{word[0].lower() + word[1:]}{i}.ts",
            "types": f"types/{area}/{word[0].lower() + word[1:]}{i}.ts",
        }[kind]
        i += 1
        if path in seen:
            continue
        seen.add(path)
        files.append((path, kind, f"{word}{i}", r.random() < rt_share.get(kind, 0.0)))
    return files


def draw_size(r):
    # Log-normal: many small files, a long tail of big ones; mean ~6.5 KB after clamping.
    return int(min(40000, max(700, r.lognormvariate(8.45, 0.75))))


def generate(n, out, seed):
    r = random.Random(seed)
    cnt = Counts()
    files = plan(n, r)
    written = {}
    for path, text in FIXED.items():
        written[path] = text
    written["lib/realtime/unified-channel-standards.ts"] = standards_file()
    # The deprecated hooks' definitions (definitions are not reported; their bodies use Supabase
    # directly from components/, which is).
    cnt.add("supabase-channel-direct", 4)
    written["components/enhanced-messaging/useRealTimeMessaging.ts"] = fill("""import { useEffect, useState } from "react";
import { supabase } from "@/lib/realtime/supabase";
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from "@/lib/realtime/unified-channel-standards";

/** @deprecated use useRealtime({ type: "conversation", ... }). */
export function useRealTimeMessaging(config: { organizationId: string; conversationId: string; userId: string }) {
  const [messages, setMessages] = useState<unknown[]>([]);
  useEffect(() => {
    const channel = supabase.channel(UNIFIED_CHANNELS.conversation(config.organizationId, config.conversationId));
    channel.on("broadcast", { event: UNIFIED_EVENTS.MESSAGE_CREATED }, ({ payload }) => setMessages((m) => [...m, payload])).subscribe();
    return () => { supabase.removeChannel(channel); };
  }, [config.organizationId, config.conversationId]);
  return { messages, sendMessage: async (_content: string) => undefined };
}
""")
    written["components/widget/features/AdvancedTypingIndicator.tsx"] = """import { useEffect, useState } from "react";
import { supabase } from "@/lib/realtime/supabase";
import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from "@/lib/realtime/unified-channel-standards";

/** @deprecated use useRealtime({ type: "widget", ... }). */
export function useTypingIndicator(conversationId: string, organizationId: string, userId: string, userName: string) {
  const [typing, setTyping] = useState(false);
  useEffect(() => {
    const ch = supabase.channel(UNIFIED_CHANNELS.conversationTyping(organizationId, conversationId));
    ch.on("broadcast", { event: UNIFIED_EVENTS.TYPING_START }, () => setTyping(true)).subscribe();
    return () => { supabase.removeChannel(ch); };
  }, [conversationId, organizationId]);
  return { typing, startTyping: () => undefined, stopTyping: () => undefined, userId, userName };
}
"""
    components = [(p[:-4], name) for p, k, name, _ in files if k == "component"]
    for path, kind, name, realtime in files:
        target = draw_size(r)
        if realtime:
            cnt.realtime_files += 1
        peers = r.sample(components, min(len(components), r.randint(0, 3)))
        if kind == "component":
            parts = component_file(r, name, target, realtime, cnt, peers)
        elif kind in ("page", "layout"):
            parts = page_file(r, name, target, cnt, peers, layout=(kind == "layout"))
        elif kind == "api":
            parts = api_route(r, name, target, realtime, cnt)
        elif kind == "hook":
            parts = hook_file(r, name, target, realtime, cnt)
        elif kind == "lib":
            parts = lib_file(r, name, target, realtime, cnt)
        else:
            parts = grow(r, [b_interface(r, name)], target, name)
        written[path] = "".join(parts)

    total = 0
    for path in sorted(written):
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        data = written[path].encode()
        total += len(data)
        with open(full, "wb") as f:
            f.write(data)
    code = [p for p in written if p.endswith((".ts", ".tsx"))]
    manifest = {"seed": seed, "files": len(written), "code_files": len(code), "bytes": total,
                "realtime_files": cnt.realtime_files + 2, "planted": cnt.c}
    return manifest


def make_git(out, staged, commit):
    """Make the tree a git repository of its own; with `commit`, commit it, then edit `staged`
    realtime components and stage them (the pre-commit case).

    Always a repository: bench/work/ is inside rtlint's own checkout and ignored there, and
    linters that honour .gitignore (rtlint does, through libgit2) would otherwise see the whole
    tree as ignored. A real app is its own repository too."""
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               GIT_AUTHOR_DATE="2025-01-01T00:00:00Z", GIT_COMMITTER_DATE="2025-01-01T00:00:00Z")
    run = lambda *a: subprocess.run(["git", "-C", out, *a], check=True, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run("init", "-q", "-b", "main")
    if not commit:
        return []
    run("add", "-A")
    run("commit", "-q", "-m", "synthetic tree")
    # Edit the first `staged` realtime components (sorted, so the choice is deterministic).
    picked = []
    for root, _, names in sorted(os.walk(os.path.join(out, "components"))):
        for nm in sorted(names):
            p = os.path.join(root, nm)
            with open(p, encoding="utf-8") as f:
                if "supabase.channel(" in f.read():
                    picked.append(p)
        if len(picked) >= staged:
            break
    for p in picked[:staged]:
        with open(p, "a", encoding="utf-8") as f:
            f.write("\nexport const EDITED_FOR_PRECOMMIT = true;\n")
        run("add", os.path.relpath(p, out))
    return [os.path.relpath(p, out) for p in picked[:staged]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=3000, help="number of files (default 3000)")
    ap.add_argument("--out", required=True, help="output directory (must not exist or be empty)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--git", action="store_true", help="also commit the tree and stage --staged edited files")
    ap.add_argument("--staged", type=int, default=5, help="files to stage with --git (default 5)")
    a = ap.parse_args()
    if os.path.exists(a.out) and os.listdir(a.out):
        sys.exit(f"gen.py: {a.out} exists and is not empty")
    m = generate(a.files, a.out, a.seed)
    staged = make_git(a.out, a.staged, a.git)
    if a.git:
        m["staged"] = staged
    with open(a.out.rstrip("/") + ".manifest.json", "w") as f:
        json.dump(m, f, indent=2)
        f.write("\n")
    print(f"gen.py: {m['files']} files, {m['bytes'] / 1e6:.1f} MB, {m['realtime_files']} with realtime code, "
          f"planted {m['planted']}", file=sys.stderr)


if __name__ == "__main__":
    main()
