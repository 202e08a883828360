#!/usr/bin/env python3
"""The contract graph's views (dot, md, html) from the hand-written documents
of fixtures/graph-views/ and the generated 2,000-site one (large.py), through
the test-only tests/graph_view_render (what `rtlint graph --format F` writes).

  * every fixture in every format: exit 0, nothing on stderr, the same bytes
    on a second render;
  * md: every table row has its columns (`|` escaped), no unescaped backtick,
    every unmatched end listed; dot: `dot -Tsvg` accepts each, one node per
    site, and text with entities, quotes and backslashes comes out literally;
  * html: one page with one SVG element per site and per edge, the unmatched
    ends carrying the highlight class, externals marked, no tag or attribute
    that could load anything; then in headless Chromium (Debian `chromium`):
    no console message, no resource request, names like `<script>` inert,
    and the channel and file filters, driven through the page's own selects
    by a script added to a copy of the page, hiding exactly what they should
    (computed in Python from the JSON); a screenshot shows the red of the
    unmatched ends;
  * goldens (tests/golden/graph-*.out, reviewed by hand; --update rewrites
    them) for md and dot of two fixtures;
  * docs/graph.md's examples are what the writers give for its JSON example;
  * bad documents: exit 2 with a message and nothing on stdout; thousands of
    mutations of a good one (each value replaced or removed) never crash.
Exit 77 (skip) only when dot or chromium is not installed, after the rest.
"""
import argparse
import copy
import glob
import html
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(ROOT, "fixtures", "graph-views")
GOLDEN = os.path.join(HERE, "golden")
GOLDEN_CASES = [("typing-bug", "md"), ("typing-bug", "dot"), ("wildcard", "md"), ("wildcard", "dot")]
FORMATS = ("md", "dot", "html")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)
    return cond


def render(exe, fmt, path):
    p = subprocess.run([exe, fmt, path], capture_output=True)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


# --- what the filters should show, from the JSON alone ---------------------

def filter_sets(doc):
    """Each site's and edge's channels and files, as the page defines them:
    an edge belongs to its channel, both ends' channels and both ends' files;
    a site to its own and to those of each edge it is an end of."""
    sites = {s["id"]: s for s in doc["sites"]}
    site_c = {i: {s["channel"]} for i, s in sites.items()}
    site_f = {i: {s["path"]} for i, s in sites.items()}
    edge_c, edge_f = [], []
    for e in doc["edges"]:
        a, b = sites[e["from"]], sites[e["to"]]
        c = {e["channel"], a["channel"], b["channel"]}
        f = {a["path"], b["path"]}
        edge_c.append(c)
        edge_f.append(f)
        for end in (e["from"], e["to"]):
            site_c[end] |= c
            site_f[end] |= f
    return site_c, site_f, edge_c, edge_f


# --- HTML structure (Python's parser, not regexes over escaped text) --------

class PageParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []  # (tag, attrs dict)
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "script":
            self.scripts += 1


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "p",
                "section", "div", "b", "span", "label", "select", "option", "i", "svg", "text",
                "g", "rect", "path", "table", "thead", "tbody", "tr", "th", "td", "code", "script"}


def html_structure(name, doc, page):
    p = PageParser()
    p.feed(page)
    tags = p.tags
    unknown = sorted({t for t, _ in tags} - ALLOWED_TAGS)
    check(not unknown, f"{name}.html: only the page's own tags (found {unknown})")
    loading = [(t, k) for t, a in tags for k in a
               if k in ("src", "href", "srcset", "xlink:href", "action", "background", "poster")
               or k.startswith("on")]
    check(not loading, f"{name}.html: no attribute that loads or runs anything: {loading}")
    check(p.scripts == 1, f"{name}.html: exactly one <script> element ({p.scripts})")
    check(all(not a for t, a in tags if t == "script"), f"{name}.html: the script has no src")
    css = re.search(r"<style>(.*?)</style>", page, re.S)
    check(css and not re.search(r"https?://|url\(|@import", css.group(1)),
          f"{name}.html: the CSS loads nothing")
    csp = [a.get("content", "") for t, a in tags if t == "meta" and
           a.get("http-equiv", "").lower() == "content-security-policy"]
    check(csp and "default-src 'none'" in csp[0], f"{name}.html: a CSP that forbids loading")
    site_els = [a for t, a in tags if t == "g" and "site" in a.get("class", "").split()]
    edge_els = [a for t, a in tags if t == "path" and "edge" in a.get("class", "").split()]
    check(len(site_els) == len(doc["sites"]),
          f"{name}.html: one SVG element per site ({len(site_els)} for {len(doc['sites'])})")
    check(len(edge_els) == len(doc["edges"]),
          f"{name}.html: one SVG element per edge ({len(edge_els)} for {len(doc['edges'])})")
    by_id = {a.get("data-site"): a.get("class", "").split() for a in site_els}
    check(sorted(by_id) == sorted(s["id"] for s in doc["sites"]),
          f"{name}.html: each site's element names it (data-site)")
    reasons = {u["site"]: u["reason"] for u in doc["unmatched"]}
    for s in doc["sites"]:
        cls = by_id.get(s["id"], [])
        if s["id"] in reasons:
            check("unmatched" in cls and "reason-" + reasons[s["id"]] in cls,
                  f"{name}.html: unmatched end {s['id']} highlighted ({cls})")
        else:
            check("unmatched" not in cls, f"{name}.html: matched site {s['id']} not highlighted")
        check(("external" in cls) == s["external"], f"{name}.html: {s['id']} marked external "
              f"exactly when it is ({cls})")
    pairs = sorted((a.get("data-from"), a.get("data-to")) for a in edge_els)
    check(pairs == sorted((e["from"], e["to"]) for e in doc["edges"]),
          f"{name}.html: the edges join the document's ends")
    for sid in ("summary", "filters", "legend", "graph", "filter-channel", "filter-file",
                "by-reason", "unmatched"):
        check(f'id="{sid}"' in page, f"{name}.html: #{sid} present")
    if not doc["sites"]:
        check('id="no-sites"' in page, f"{name}.html: says no realtime sites were found")
    kpis = {"kpi-sites": len(doc["sites"]), "kpi-edges": len(doc["edges"]),
            "kpi-unmatched": len(doc["unmatched"])}
    for kid, want in kpis.items():
        check(re.search(rf'id="{kid}">{want}<', page), f"{name}.html: #{kid} is {want}")
    for reason in ("event-never-sent", "event-never-heard", "channel-mismatch", "unknown-channel",
                   "unknown-event"):
        n = sum(1 for r in reasons.values() if r == reason)
        check(re.search(rf'data-reason="{reason}">[^<]*: <b>{n}</b>', page),
              f"{name}.html: summary counts {n} {reason}")


# --- md and dot --------------------------------------------------------------

def md_cells(line):
    """The cells of a Markdown table row, splitting on `|` not escaped."""
    cells, cur, i = [], "", 1
    while i < len(line) - 1:
        ch = line[i]
        if ch == "\\" and i + 1 < len(line):
            cur += line[i:i + 2]
            i += 2
            continue
        if ch == "|":
            cells.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    return cells + [cur]


def md_checks(name, doc, text):
    width = None
    for line in text.splitlines():
        if not line.startswith("|"):
            width = None
            continue
        n = len(md_cells(line))
        if width is None:
            width = n  # the header row
        check(n == width, f"{name}.md: a row with {n} cells, not {width}: {line[:80]}")
    check(not re.search(r"(?<!\\)`", text), f"{name}.md: every backtick escaped")
    unmatched = text.split("## Unmatched ends", 1)[-1].split("## Unknown channels", 1)[0]
    sites = {s["id"]: s for s in doc["sites"]}
    for u in doc["unmatched"]:
        if u["reason"] in ("event-never-sent", "event-never-heard", "channel-mismatch"):
            s = sites[u["site"]]
            check(f":{s['line']}" in unmatched and u["reason"].replace("-", " ") in unmatched,
                  f"{name}.md: unmatched end {u['site']} listed")
    check(text.count("\n## ") == len(doc["channels"]) + 2,
          f"{name}.md: a section per channel, then the unmatched ends and the unknowns")


def dot_checks(name, doc, text, dot):
    check(text.startswith("digraph contract {") and text.rstrip().endswith("}"), f"{name}.dot: "
          "one digraph")
    check(len(re.findall(r"^    site\d+ \[", text, re.M)) == len(doc["sites"]),
          f"{name}.dot: one node per site")
    if not dot:
        return
    p = subprocess.run([dot, "-Tsvg"], input=text.encode(), capture_output=True, timeout=300)
    err = p.stderr.decode("utf-8", "replace")
    check(p.returncode == 0 and not err.strip(), f"{name}.dot: dot -Tsvg accepts it ({err[:300]})")
    svg = p.stdout.decode("utf-8", "replace")
    check(svg.count('class="node"') == len(doc["sites"]) + 3 + len(rows_of(doc)),
          f"{name}.dot: dot drew every site, row and column header")
    if name == "escaping":
        # dot turns &lt; into <, so the writer doubles every &: the SVG must
        # hold the name literally (SVG-escaped once), quotes and backslashes too.
        shown = html.unescape(" ".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)))
        for literal in ("components/&amp;entity&lt;.tsx:1", "&#x3C;script&#x3E;",
                        "lib/back\\slash.ts:8", "fn\\N\\G\\L", "listen\\\"quote",
                        "<img src=x onerror=\"window.pwned=2\">", "salon:{}:café:日本語:🔥"):
            check(literal in shown, f"escaping.dot: the SVG shows {literal!r} as it is")


def rows_of(doc):
    """The channel/event rows the views draw (see src/graph/view_model.c)."""
    rows = set()
    for s in doc["sites"]:
        ev = s["event"]["value"]
        if s["channel"] is None or ev is None:
            rows.add(("unknown", s["id"]))
        elif s["role"] == "listener" and ev == "*" and s.get("hears"):
            rows |= {(s["kind"], s["channel"], h) for h in s["hears"]}
        else:
            rows.add((s["kind"], s["channel"], ev))
    return rows


# --- Chromium ----------------------------------------------------------------

PROBE = r"""<script>(function(){
var out={pwned:(typeof window.pwned==='undefined')?null:String(window.pwned),
 resources:performance.getEntriesByType('resource').map(function(e){return e.name;}),
 scripts:document.scripts.length,imgs:document.getElementsByTagName('img').length,
 ready:document.body.getAttribute('data-filters'),runs:[],titles:{},options:{}};
var c=document.getElementById('filter-channel'),f=document.getElementById('filter-file');
function shown(el){return getComputedStyle(el).display!=='none';}
function ids(sel,get){var r=[];document.querySelectorAll(sel).forEach(function(el){
 if(shown(el))r.push(get(el));});return r;}
function run(cv,fv){c.value=cv;c.dispatchEvent(new Event('change'));
 f.value=fv;f.dispatchEvent(new Event('change'));
 out.runs.push({c:cv,f:fv,shown:document.getElementById('shown-sites').textContent,
  sites:ids('g.site',function(e){return e.getAttribute('data-site');}),
  edges:ids('path.edge',function(e){return e.getAttribute('data-from')+'>'+e.getAttribute('data-to');})});}
['filter-channel','filter-file'].forEach(function(id){out.options[id]=Array.prototype.map.call(
 document.getElementById(id).options,function(o){return [o.value,o.textContent];});});
run('','');
Array.prototype.forEach.call(c.options,function(o,i){if(o.value&&i<=8)run(o.value,'');});
Array.prototype.forEach.call(f.options,function(o,i){if(o.value&&i<=8)run('',o.value);});
if(c.options.length>1&&f.options.length>1)run(c.options[1].value,f.options[1].value);
run('','');
document.querySelectorAll('g.site').forEach(function(g){
 out.titles[g.getAttribute('data-site')]=g.querySelector('title').textContent;});
var pre=document.createElement('pre');pre.id='probe';pre.textContent=JSON.stringify(out);
document.body.appendChild(pre);})();</script>"""

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--enable-logging=stderr", "--v=0", "--window-size=1250,1400"]


def chromium_run(chromium, tmp, args, page):
    return subprocess.run([chromium] + CHROMIUM_FLAGS +
                          [f"--user-data-dir={tempfile.mkdtemp(dir=tmp)}"] + args +
                          ["file://" + page], capture_output=True, text=True, timeout=180)


def browser_checks(name, doc, page_text, chromium, tmp):
    page = os.path.join(tmp, name + ".probe.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write(page_text.replace("</body></html>", PROBE + "</body></html>", 1))
    r = chromium_run(chromium, tmp, ["--dump-dom"], page)
    console = [l for l in r.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]
    check(not console, f"{name}.html: no console message in Chromium: {console[:3]}")
    m = re.search(r'<pre id="probe">(.*?)</pre>', r.stdout, re.S)
    if not check(m, f"{name}.html: the probe ran in Chromium"):
        return
    out = json.loads(html.unescape(m.group(1)))
    check(out["ready"] == "ready", f"{name}.html: the page's script ran")
    check(out["pwned"] is None, f"{name}.html: names are inert (window.pwned={out['pwned']})")
    check(out["scripts"] == 2 and out["imgs"] == 0,
          f"{name}.html: no script or img made from a name ({out['scripts']} scripts, "
          f"{out['imgs']} imgs)")
    check(out["resources"] == [], f"{name}.html: no resource requested: {out['resources'][:3]}")
    channels = [c["id"] for c in doc["channels"]]
    files = sorted({s["path"] for s in doc["sites"]}, key=lambda p: p.encode())
    want_c = [["", "all channels"]] + [[str(i), c["label"]] for i, c in enumerate(doc["channels"])]
    if any(s["channel"] is None for s in doc["sites"]):
        want_c.append(["u", "unknown channel"])
    check(out["options"]["filter-channel"] == want_c, f"{name}.html: a channel option per "
          "channel, its label shown as it is")
    check(out["options"]["filter-file"] == [["", "all files"]] + [[str(i), p] for i, p in
                                                                  enumerate(files)],
          f"{name}.html: a file option per file, its path shown as it is")
    for s in doc["sites"]:
        t = out["titles"].get(s["id"], "")
        check(f"{s['path']}:{s['line']}:{s['column']}" in t,
              f"{name}.html: {s['id']}'s title names its place as it is ({t[:80]!r})")
    site_c, site_f, edge_c, edge_f = filter_sets(doc)
    for run in out["runs"]:
        cv, fv = run["c"], run["f"]
        channel = None if cv in ("", "u") else channels[int(cv)]
        path = files[int(fv)] if fv else None

        def keep(cs, fs):
            return ((cv == "" or (None if cv == "u" else channel) in cs) and
                    (fv == "" or path in fs))
        want_sites = sorted(s["id"] for s in doc["sites"] if keep(site_c[s["id"]], site_f[s["id"]]))
        want_edges = sorted(f"{e['from']}>{e['to']}" for k, e in enumerate(doc["edges"])
                            if keep(edge_c[k], edge_f[k]))
        label = f"{name}.html: filter channel={cv or 'all'} file={fv or 'all'}"
        check(sorted(run["sites"]) == want_sites,
              f"{label} shows sites {want_sites[:8]} (shown: {sorted(run['sites'])[:8]})")
        check(sorted(run["edges"]) == want_edges, f"{label} shows edges {want_edges[:6]} "
              f"(shown: {sorted(run['edges'])[:6]})")
        check(run["shown"] == str(len(want_sites)), f"{label}: the count says {len(want_sites)}")
        if path and not cv:
            check(all(s["id"] in run["sites"] for s in doc["sites"] if s["path"] == path),
                  f"{label}: every site of the file shown")
    check(len(out["runs"]) >= 2 and out["runs"][0]["sites"] == out["runs"][-1]["sites"],
          f"{name}.html: back to all shows everything again")


def png_colours(path):
    """The set of RGB colours of an 8-bit RGB/RGBA PNG (standard library only)."""
    data = open(path, "rb").read()
    pos, idat = 8, b""
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, colours = zlib.decompress(idat), w * bpp, bytearray(w * bpp), set()
    for y in range(h):
        ft, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            colours.add(bytes(line[x:x + 3]))
        prev = line
    return colours


# --- bad documents -------------------------------------------------------------

def bad_documents(exe, tmp):
    good = json.load(open(os.path.join(FIXTURES, "typing-bug.json"), encoding="utf-8"))
    cases = {
        "schema_version 2": dict(good, schema_version=2),
        "no sites": {k: v for k, v in good.items() if k != "sites"},
        "not an object": [1, 2],
        "unknown channel id": copy.deepcopy(good),
        "edge to a missing site": copy.deepcopy(good),
        "unknown reason": copy.deepcopy(good),
        "edge from a listener": copy.deepcopy(good),
    }
    cases["unknown channel id"]["sites"][0]["channel"] = "fn:nowhere"
    cases["edge to a missing site"]["edges"][0]["to"] = "s99"
    cases["unknown reason"]["unmatched"][0]["reason"] = "bad-vibes"
    cases["edge from a listener"]["edges"][0]["from"] = "s7"
    for what, doc in cases.items():
        path = os.path.join(tmp, "bad.json")
        json.dump(doc, open(path, "w"))
        for fmt in FORMATS:
            rc, out, err = render(exe, fmt, path)
            check(rc == 2 and not out and "not a contract graph document" in err,
                  f"bad document ({what}), {fmt}: exit 2, a message, no output "
                  f"(exit {rc}, {err.strip()[:120]!r})")
    rc, out, err = render(exe, "svg", os.path.join(FIXTURES, "typing-bug.json"))
    check(rc == 2 and not out and "unknown view format 'svg'" in err,
          f"unknown format: exit 2 and a message ({rc}, {err.strip()!r})")
    truncated = os.path.join(tmp, "truncated.json")
    open(truncated, "w").write(open(os.path.join(FIXTURES, "typing-bug.json")).read()[:500])
    rc, out, err = render(exe, "md", truncated)
    check(rc == 2 and not out, f"truncated JSON: exit 2 ({rc}, {err.strip()[:100]!r})")


def mutations(doc):
    """Every value of doc replaced by other JSON types, and every key removed."""
    replacements = [None, 0, -1, "", "x", [], {}, True, 1.5, ["s1"]]

    def walk(node, path):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for k, v in list(items):
            yield path + [k], "del"
            for r in replacements:
                if r != v:
                    yield path + [k], r
            if isinstance(v, (dict, list)):
                yield from walk(v, path + [k])
    for path, r in walk(doc, []):
        m = copy.deepcopy(doc)
        parent = m
        for k in path[:-1]:
            parent = parent[k]
        if r == "del":
            del parent[path[-1]]
        else:
            parent[path[-1]] = r
        yield m


def never_crash(exe, tmp):
    doc = json.load(open(os.path.join(FIXTURES, "wildcard.json"), encoding="utf-8"))
    accepted = rejected = 0
    path = os.path.join(tmp, "mutant.json")
    for m in mutations(doc):
        json.dump(m, open(path, "w"))
        # The document is checked before any writer runs: the other
        # formats only for what md accepted.
        for fmt in FORMATS:
            rc, out, err = render(exe, fmt, path)
            if rc not in (0, 2) or (rc == 2 and out):
                check(False, f"mutant document: exit {rc} with {len(out)} bytes out ({err[:200]})")
                return
            if fmt == "md":
                accepted += rc == 0
                rejected += rc == 2
                if rc == 2:
                    break
    print(f"mutations: {accepted + rejected} documents, {accepted} accepted, {rejected} "
          "rejected with a message, none crashed")
    check(rejected > 100 and accepted > 10, "mutations both accepted and rejected")


# --- the agreed shape ---------------------------------------------------------------

def schema_checks(docs):
    """Every fixture (and the generated one) is valid against the graph's
    JSON Schema, schemas/rtlint-graph.schema.json, once the branch that
    writes it is merged; until then this says so and checks nothing."""
    path = os.path.join(ROOT, "schemas", "rtlint-graph.schema.json")
    if not os.path.exists(path):
        print("note: schemas/rtlint-graph.schema.json not in this tree: fixtures not validated")
        return
    import jsonschema
    schema = json.load(open(path, encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    for name, doc in docs:
        errors = [e.message for e in validator.iter_errors(doc)]
        check(not errors, f"{name}: valid against rtlint-graph.schema.json ({errors[:2]})")


# --- the examples of docs/graph.md ----------------------------------------------

def docs_examples(exe, tmp):
    """docs/graph.md's JSON example drawn as md, dot and the report's block
    gives exactly the doc's other examples."""
    text = open(os.path.join(ROOT, "docs", "graph.md"), encoding="utf-8").read()
    blocks = re.findall(r"```(json|markdown|dot)\n(.*?)```", text, re.S)
    doc = [b for kind, b in blocks if kind == "json"]
    shown = {"markdown": [b for kind, b in blocks if kind == "markdown"],
             "dot": [b for kind, b in blocks if kind == "dot"]}
    if not check(len(doc) == 1 and len(shown["markdown"]) == 2 and len(shown["dot"]) == 1,
                 "docs/graph.md: one JSON, two Markdown and one dot example"):
        return
    path = os.path.join(tmp, "docs-example.json")
    open(path, "w", encoding="utf-8").write(doc[0])
    for fmt, want in (("md", shown["markdown"][0]), ("summary-md", shown["markdown"][1]),
                      ("dot", shown["dot"][0])):
        rc, out, err = render(exe, fmt, path)
        check(rc == 0 and out.decode("utf-8") == want,
              f"docs/graph.md: the {fmt} example is what the writer gives for the JSON example")


# --- main ------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--render", required=True, help="tests/graph_view_render")
    ap.add_argument("--update", action="store_true", help="rewrite the goldens")
    ap.add_argument("--keep", help="copy the rendered views here")
    ap.add_argument("--only", action="append", help="only this fixture (repeatable; no goldens, "
                    "bad documents or mutations)")
    args = ap.parse_args()
    exe = os.path.abspath(args.render)
    dot = shutil.which("dot")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    tmp = tempfile.mkdtemp(prefix="rtlint-graph-views-")
    try:
        sys.path.insert(0, FIXTURES)
        import large
        fixtures = sorted(glob.glob(os.path.join(FIXTURES, "*.json")))
        large_path = os.path.join(tmp, "large.json")
        with open(large_path, "w") as f:
            json.dump(large.build(), f, indent=2)
        fixtures.append(large_path)
        check(len(fixtures) >= 8, f"the fixtures are there ({len(fixtures)})")
        if args.only:
            fixtures = [p for p in fixtures if os.path.splitext(os.path.basename(p))[0] in args.only]
        schema_checks([(os.path.basename(p), json.load(open(p, encoding="utf-8")))
                       for p in fixtures])
        for path in fixtures:
            name = os.path.splitext(os.path.basename(path))[0]
            doc = json.load(open(path, encoding="utf-8"))
            for fmt in FORMATS:
                rc, out, err = render(exe, fmt, path)
                rc2, out2, _ = render(exe, fmt, path)
                if not check(rc == 0 and not err, f"{name}.{fmt}: exit 0, no message ({rc}, "
                             f"{err.strip()[:200]!r})"):
                    continue
                check(out == out2 and rc2 == 0, f"{name}.{fmt}: the same bytes on two renders")
                text = out.decode("utf-8")
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    open(os.path.join(args.keep, f"{name}.{fmt}"), "wb").write(out)
                if fmt == "md":
                    md_checks(name, doc, text)
                elif fmt == "dot":
                    dot_checks(name, doc, text, dot)
                else:
                    html_structure(name, doc, text)
                    if chromium:
                        browser_checks(name, doc, text, chromium, tmp)
                        if name == "typing-bug":
                            shot = os.path.join(tmp, "shot.png")
                            page = os.path.join(tmp, "typing-bug.html")
                            open(page, "w", encoding="utf-8").write(text)
                            chromium_run(chromium, tmp, [f"--screenshot={shot}"], page)
                            colours = png_colours(shot) if os.path.exists(shot) else set()
                            check(b"\xdc\x26\x26" in colours and b"\xfe\xe2\xe2" in colours,
                                  "typing-bug.html: the screenshot shows the unmatched ends' red")
        for name, fmt in GOLDEN_CASES if not args.only else []:
            rc, out, err = render(exe, fmt, os.path.join(FIXTURES, name + ".json"))
            actual = f"exit: {rc}\n" + out.decode("utf-8") + (f"--- stderr\n{err}" if err else "")
            gpath = os.path.join(GOLDEN, f"graph-{name}-{fmt}.out")
            if args.update:
                open(gpath, "w", encoding="utf-8").write(actual)
                print(f"updated {os.path.relpath(gpath, ROOT)}")
                continue
            expected = open(gpath, encoding="utf-8").read() if os.path.exists(gpath) else ""
            check(actual == expected, f"golden {os.path.relpath(gpath, ROOT)} (--update to "
                  "rewrite, then review the diff)")
        if not args.only:
            docs_examples(exe, tmp)
            bad_documents(exe, tmp)
            never_crash(exe, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"graph-views: {len(failures)} failed checks")
    if failures:
        return 1
    missing = [n for n, p in (("dot", dot), ("chromium", chromium)) if not p]
    if missing:
        print(f"SKIP: {' and '.join(missing)} not installed (tools/install-deps.sh installs "
              "graphviz and chromium); the rest was checked")
        return 77
    return 0


if __name__ == "__main__":
    sys.exit(main())
