#!/usr/bin/env python3
"""check --stdin-filename PATH: the buffer on standard input is linted as the
text of PATH. Its findings equal a lint of the same text on disk; a buffer
that differs from the disk wins; with --fix the fixed text is printed and
nothing is written; a path rtlint does not lint gets a notice."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(rtlint, cwd, args, stdin=None):
    return subprocess.run([rtlint, "--no-cache", "--color", "never", *args], cwd=cwd,
                          input=stdin, capture_output=True, text=True)


def findings(out):
    d = json.loads(out)
    return [(x["rule"], x["path"], x["start"]["byte"], x["end"]["byte"], x["message"],
             json.dumps(x["fix"], sort_keys=True)) for x in d["diagnostics"]], d


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    with tempfile.TemporaryDirectory() as tmp:
        app = os.path.join(tmp, "app")
        shutil.copytree(os.path.join(ROOT, "fixtures/campfire-app"), app,
                        ignore=shutil.ignore_patterns(".rtlint-cache", "node_modules"))
        subprocess.run(["git", "init", "-q", app], check=True)

        # Every file of the sample app: the same findings from the buffer.
        checked = 0
        for dirpath, _, files in sorted(os.walk(app)):
            for f in sorted(files):
                if not f.endswith((".ts", ".tsx")) or f.endswith(".d.ts"):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, f), app)
                disk = run(rtlint, app, ["--format", "json", rel])
                with open(os.path.join(app, rel), encoding="utf-8", errors="surrogateescape") as fh:
                    text = fh.read()
                buf = run(rtlint, app, ["--format", "json", "--stdin-filename", rel], text)
                same = findings(disk.stdout)[0] == findings(buf.stdout)[0]
                if not same or disk.returncode != buf.returncode:
                    check(False, f"{rel}: stdin findings and exit code equal the file's")
                checked += 1
        check(checked > 20, f"stdin equals disk for all {checked} sample-app files")

        # The buffer wins over the disk: a finding only in the buffer, and a
        # disk finding gone from the buffer.
        rel = "components/widget/WidgetChat.tsx"
        disk_f, _ = findings(run(rtlint, app, ["--format", "json", rel]).stdout)
        check(len(disk_f) > 0, "WidgetChat.tsx has findings on disk")
        extra = ('\nexport function __probe(ch: any) {\n'
                 '  ch.on("broadcast", { event: "typing_indicator" }, () => {});\n}\n')
        with open(os.path.join(app, rel), encoding="utf-8") as fh:
            text = fh.read()
        r = run(rtlint, app, ["--format", "json", "--stdin-filename", rel], text + extra)
        buf_f, _ = findings(r.stdout)
        check(any('"typing_indicator"' in f[4] and f[2] >= len(text.encode()) for f in buf_f),
              "a finding in text only the buffer holds is reported")
        r = run(rtlint, app, ["--format", "json", "--stdin-filename", rel],
                "export const nothing = 1;\n")
        check(findings(r.stdout)[0] == [] and r.returncode == 0,
              "a clean buffer over a file with findings: no findings, exit 0")
        check(findings(run(rtlint, app, ["--format", "json", rel]).stdout)[0] == disk_f,
              "the file on disk is untouched")

        # A buffer for a file not on disk yet, importing files that are.
        r = run(rtlint, app, ["--format", "json", "--stdin-filename", "components/chat/New.tsx"],
                'import { channelManager } from "@/lib/realtime/channel-manager";\n'
                'export function f(id: string) {\n'
                '  return channelManager.getChannel(`conversation:${id}`);\n}\n')
        nf, d = findings(r.stdout)
        check(any(f[0] == "channel-hand-built" and f[1] == "components/chat/New.tsx" for f in nf),
              "a new, unsaved file is linted at its path (channel-hand-built)")
        check(r.returncode == 1, "exit 1 for errors in the buffer, as for files")
        check(not os.path.exists(os.path.join(app, "components/chat/New.tsx")),
              "nothing is written for a new file")

        # --fix: the fixed text on stdout, nothing written; the report on stderr.
        rel = "lib/services/broadcast.ts"
        with open(os.path.join(app, rel), encoding="utf-8") as fh:
            before = fh.read()
        r = run(rtlint, app, ["--fix", "--stdin-filename", rel], before)
        with open(os.path.join(app, rel), encoding="utf-8") as fh:
            after = fh.read()
        check(after == before, "--fix with --stdin-filename writes nothing")
        check(r.stdout != before and "UNIFIED_CHANNELS." in r.stdout,
              "--fix prints the fixed text")
        # The same as --fix on a copy of the file.
        shutil.copy(os.path.join(app, rel), os.path.join(tmp, "saved.ts"))
        run(rtlint, app, ["--fix", rel])
        with open(os.path.join(app, rel), encoding="utf-8") as fh:
            fixed_on_disk = fh.read()
        shutil.copy(os.path.join(tmp, "saved.ts"), os.path.join(app, rel))
        check(r.stdout == fixed_on_disk, "the printed text equals what --fix writes to the file")
        check("problem" in r.stderr, "the remaining findings are reported on stderr")
        r2 = run(rtlint, app, ["--fix", "--stdin-filename", rel], r.stdout)
        check(r2.stdout == r.stdout, "--fix on fixed text prints it unchanged")
        r3 = run(rtlint, app, ["--fix", "--stdin-filename", "README.txt"], "some text\n")
        check(r3.stdout == "some text\n", "--fix on a path rtlint does not lint echoes the buffer")

        # A suppressed finding's fix is not applied (it was, by --fix and --diff).
        sup = ("export const c = (orgId: string, userId: string) =>\n"
               "  // rtlint-disable-next-line channel-hand-built -- legacy\n"
               "  supabase.channel(`org:${orgId}:user:${userId}:notifications`);\n")
        r = run(rtlint, app, ["--fix", "--stdin-filename", "lib/suppressed.ts"], sup)
        check(r.stdout == sup, "--fix leaves a suppressed finding's text alone")
        with open(os.path.join(app, "lib/suppressed.ts"), "w", encoding="utf-8") as fh:
            fh.write(sup)
        r = run(rtlint, app, ["--diff", "lib/suppressed.ts"])
        check(r.stdout == "" and r.returncode == 0, "--diff has nothing to change for it")
        os.remove(os.path.join(app, "lib/suppressed.ts"))

        # Two fixes that rewrite one empty standards import overlap: one run
        # applies both (in passes), for a buffer as for a file.
        shared = ('import {} from "@/lib/realtime/unified-channel-standards";\n'
                  "export const announce = (supabase: any, orgId: string) =>\n"
                  "  supabase.channel(`org:${orgId}:conversations`)"
                  '.send({ type: "broadcast", event: "new_message", payload: {} });\n')
        r = run(rtlint, app, ["--fix", "--stdin-filename", "lib/shared.ts"], shared)
        check("import { UNIFIED_CHANNELS, UNIFIED_EVENTS } from" in r.stdout and
              "UNIFIED_EVENTS.MESSAGE_CREATED" in r.stdout and
              "UNIFIED_CHANNELS.conversations(orgId)" in r.stdout,
              "--fix on a buffer applies overlapping fixes in one run")
        with open(os.path.join(app, "lib/shared.ts"), "w", encoding="utf-8") as fh:
            fh.write(shared)
        run(rtlint, app, ["--fix", "lib/shared.ts"])
        with open(os.path.join(app, "lib/shared.ts"), encoding="utf-8") as fh:
            check(fh.read() == r.stdout, "... and prints what --fix writes to the file")
        os.remove(os.path.join(app, "lib/shared.ts"))

        # A path rtlint does not lint: a notice, no findings, exit 0.
        r = run(rtlint, app, ["--format", "json", "--stdin-filename", "styles/site.css"],
                "body { color: red }\n")
        _, d = findings(r.stdout)
        check([n["kind"] for n in d["notices"]] == ["not-linted"] and r.returncode == 0,
              "a .css path gets a not-linted notice and exit 0")
        r = run(rtlint, app, ["--stdin-filename", "x.ts", "lib"], "")
        check(r.returncode == 2 and "give no PATH" in r.stderr, "--stdin-filename with a PATH: exit 2")
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)


if __name__ == "__main__":
    main()
