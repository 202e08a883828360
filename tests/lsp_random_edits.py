#!/usr/bin/env python3
"""Many random incremental edits to one open buffer of `rtlint lsp` (run under
ASan by `make check-asan`): inserts and deletions at random places, with
multi-byte characters, newlines and text that makes and unmakes findings,
each sent as an incremental didChange with UTF-16 positions. The server must
not fail, and the final diagnostics (pulled) must equal a fresh
`rtlint --format json --stdin-filename` of the same text.
--edits N (default 300; bench/lsp-edits.sh runs 10,000), --seed S."""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient, utf16_pos  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SNIPPETS = [
    "x", " ", "\n", "é", "😀", "🚀 ", "ü🎉", "// note\n", "const a = 1;\n",
    'ch.on("broadcast", { event: "typing_indicator" }, () => {});\n',
    "supabase.channel(`org:${orgId}:conv:${convId}`);\n",
    '"typing:start"', "`conversation:${id}`", "(", ")", "{", "}", "\"", "`",
    "// rtlint-disable-next-line channel-hand-built -- why\n",
]


def cli_items(rtlint, cwd, rel, text):
    r = subprocess.run([rtlint, "--no-cache", "--format", "json", "--stdin-filename", rel],
                       cwd=cwd, input=text.encode(), capture_output=True)
    diags = json.loads(r.stdout)["diagnostics"]
    raw = text.encode()
    out = []
    for d in diags:
        s = len(raw[:d["start"]["byte"]].decode())
        e = len(raw[:d["end"]["byte"]].decode())
        out.append((utf16_pos(text, s)["line"], utf16_pos(text, s)["character"],
                    utf16_pos(text, e)["line"], utf16_pos(text, e)["character"],
                    d["rule"], d["message"]))
    return sorted(out)


def lsp_items(items):
    return sorted((d["range"]["start"]["line"], d["range"]["start"]["character"],
                   d["range"]["end"]["line"], d["range"]["end"]["character"], d["code"],
                   d["message"]) for d in items if d.get("severity") in (1, 2))


def random_edit(rng, text):
    """(start index, end index, new text) in code points; the text stays near its size."""
    n = len(text)
    if n > 0 and (rng.random() < 0.45 or n > 6000):
        s = rng.randrange(n)
        e = min(n, s + rng.randrange(1, 16))
        return s, e, ""
    s = rng.randrange(n + 1)
    return s, s, rng.choice(SNIPPETS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--edits", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sync", type=int, default=1,
                    help="wait for the publication after every N-th edit (0: never)")
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        app = os.path.join(tmp, "app")
        shutil.copytree(os.path.join(ROOT, "fixtures/campfire-app"), app,
                        ignore=shutil.ignore_patterns(".rtlint-cache", "node_modules"))
        subprocess.run(["git", "init", "-q", app], check=True)
        rel = "components/widget/WidgetChat.tsx"
        uri = "file://" + os.path.join(app, rel)
        with open(os.path.join(app, rel), encoding="utf-8") as f:
            text = f.read()
        c = LspClient([rtlint, "lsp"], cwd=app)
        c.initialize({"debounceMs": 0})
        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "typescriptreact", "version": 1, "text": text}})
        c.publication(uri, 1)
        for v in range(2, args.edits + 2):
            s, e, new = random_edit(rng, text)
            change = {"range": {"start": utf16_pos(text, s), "end": utf16_pos(text, e)}, "text": new}
            text = text[:s] + new + text[e:]
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                                "contentChanges": [change]})
            if args.sync and v % args.sync == 0:
                c.publication(uri, v)
        rid = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        got = lsp_items(c.response(rid)["result"]["items"])
        want = cli_items(rtlint, app, rel, text)
        status = c.shutdown()
        ok = got == want and status == 0
        print(f"{'ok  ' if got == want else 'FAIL'} after {args.edits} random edits "
              f"({len(text)} code points), the pulled diagnostics ({len(got)}) equal "
              f"--stdin-filename's ({len(want)})")
        if got != want:
            print("only lsp:", [x for x in got if x not in want][:5])
            print("only cli:", [x for x in want if x not in got][:5])
        print(f"{'ok  ' if status == 0 else 'FAIL'} the server exited {status} after shutdown")
        if b"ERROR: AddressSanitizer" in c.stderr or b"runtime error" in c.stderr:
            print("FAIL sanitizer report:\n" + c.stderr.decode("utf-8", "replace")[-4000:])
            ok = False
        sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
