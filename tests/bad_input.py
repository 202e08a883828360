#!/usr/bin/env python3
"""Bad input gets a clear notice and the run goes on: invalid UTF-8, a binary
file, a file over the size limit, a half-written file (linted anyway), and a
missing path (usage error, exit 2)."""
import argparse
import json
import os
import subprocess
import sys
import tempfile

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    violation = b'supabase.channel(`org:${o}:conv:${c}`);\n'
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            "latin1.ts": b"const s = \"caf\xe9\";\n" + violation,
            "binary.ts": b"\x00\x01\x02" + violation,
            "huge.ts": b"// " + b"x" * (4 * 1024 * 1024) + b"\n" + violation,
            "half.ts": b"export function f(o: string, c: string) {\n  " + violation,
            "good.ts": violation,
        }
        for name, data in files.items():
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(data)
        proc = subprocess.run([rtlint, "--no-cache", "--format", "json", "."], cwd=tmp,
                              capture_output=True, text=True)
        check(proc.returncode == 1, f"the run finishes with the findings' status ({proc.returncode})")
        out = json.loads(proc.stdout)
        kinds = {n["path"]: n["kind"] for n in out["notices"]}
        check(kinds == {"latin1.ts": "invalid-utf8", "binary.ts": "binary", "huge.ts": "too-large",
                        "half.ts": "parse-error"}, f"one notice per bad file: {kinds}")
        flagged = sorted({d["path"] for d in out["diagnostics"]})
        check(flagged == ["good.ts", "half.ts"], f"good and half-written files are linted: {flagged}")
        check(out["summary"]["files"] == 5, "every file counts as scanned")
        text = subprocess.run([rtlint, "--no-cache", "--color", "never", "."], cwd=tmp,
                              capture_output=True, text=True).stdout
        check("latin1.ts: notice: invalid UTF-8 at byte 14; skipped\n" in text,
              "text output: a notice line naming the byte, without a [rule] tag")
        check(out["summary"]["notices"] == 4 and "; 4 notices (files not fully checked)" in text,
              "the summary counts the notices (JSON and text)")
        quiet = subprocess.run([rtlint, "--no-cache", "--quiet", "--format", "json", "."], cwd=tmp,
                               capture_output=True, text=True)
        quiet_out = json.loads(quiet.stdout)
        check(quiet_out["notices"] == [] and quiet_out["summary"]["notices"] == 0,
              "--quiet hides the notices")
        missing = subprocess.run([rtlint, "no/such/path"], cwd=tmp, capture_output=True, text=True)
        check(missing.returncode == 2 and "no/such/path" in missing.stderr,
              "a missing path is a usage error (exit 2)")
    print(f"bad_input: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
