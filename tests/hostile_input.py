#!/usr/bin/env python3
"""Hostile and odd inputs: a repository can hold anything, and rtlint reads it
in CI and on every developer's machine. Each case gets a clear notice or error
with the documented exit code, every other file is still linted, and text
from the repository can neither steer the terminal nor break a format:

  * contents: NUL bytes (binary), invalid UTF-8, a BOM, CRLF and lone CR,
    exactly the 4 MiB limit and one byte over, a 20 MB one-line minified
    file, very deep nesting, a very long line (the text snippet is clipped);
  * names: spaces, a newline, an ESC sequence, a bidi override, non-ASCII,
    bytes that are not UTF-8, HTML markup, a leading dash;
  * links and special files: a symlink loop, links leaving the tree (not
    followed), FIFOs and devices in a walked tree (named, never opened);
  * permissions (as the user nobody): an unreadable file and folder, an
    unwritable --output; files that vanish during a run (best effort);
  * a standards file with entries rtlint cannot learn (once a double free);
  * outputs: text and github escape control characters; JSON keeps the exact
    name (and \\xHH for bytes that are not UTF-8); SARIF percent-encodes it;
    the Markdown and HTML reports escape it.

special_files_on_the_command_line() holds the FIFO and device cases named on
the command line, which need reads that never block (another change); run
them with --special-files.
"""
import argparse
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time

failures = []
skipped = []

VIOLATION = b"supabase.channel(`org:${o}:conv:${c}`);\n"
LIMIT = 4 * 1024 * 1024


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def skip(what):
    print("SKIP " + what)
    skipped.append(what)


def run(cmd, cwd, timeout=120, user=None):
    if user:
        pw = pwd.getpwnam(user)
        cmd = ["setpriv", f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--clear-groups"] + cmd
    t = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)
    p.seconds = time.monotonic() - t
    return p


# name (bytes) -> contents; every one of these is linted and has the violation.
def linted_files():
    deep = 30000
    return {
        b"bom.ts": b"\xef\xbb\xbf" + VIOLATION,
        b"crlf.ts": b"const a = 1;\r\n" + VIOLATION.replace(b"\n", b"\r\n"),
        # The directive must silence line 3 only: lines end at a lone CR.
        b"lone-cr.ts": b"const a = 1;\r// rtlint-disable-next-line channel-hand-built -- old\r"
        + VIOLATION.replace(b"\n", b"\r") * 2,
        b"with space.ts": VIOLATION,
        b"new\nline.ts": VIOLATION,
        b"escape\x1b[31mred.ts": VIOLATION,
        b"bell\x07\x7f.ts": VIOLATION,
        b"bidi\xe2\x80\xaests.ts": VIOLATION,
        b"caf\xc3\xa9 \xf0\x9f\x94\xa5.ts": VIOLATION,
        b"latin\xe9.ts": VIOLATION,
        b"<img src=x onerror=alert(1)>.ts": VIOLATION,
        b"-dash.ts": VIOLATION,
        b"long-line.ts": b"const x = '" + b"y" * 300000 + b"'; " + VIOLATION,
        b"exactly-4mib.ts": VIOLATION + b"//" + b"x" * (LIMIT - len(VIOLATION) - 3) + b"\n",
        b"deep-arrays.ts": b"const x = " + b"[" * deep + b"]" * deep + b";\n" + VIOLATION,
        b"deep-parens.ts": b"const y = " + b"(" * deep + b"1" + b")" * deep + b";\n" + VIOLATION,
        b"deep-arrows.ts": b"const f = " + b"() => " * deep + b"1;\n" + VIOLATION,
    }


# name -> (notice kind, contents): skipped with a notice.
def noticed_files():
    return {
        b"nul.ts": ("binary", b"const a = 1;\x00\n" + VIOLATION),
        b"png.ts": ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        b"bad-utf8.ts": ("invalid-utf8", b"const s = \"caf\xe9\";\n" + VIOLATION),
        b"over-limit.ts": ("too-large", VIOLATION + b"//" + b"x" * (LIMIT - len(VIOLATION) - 1) + b"\n"),
        b"minified.ts": ("too-large", b"var a=1;" * (20 * 1024 * 1024 // 8)),
    }


def build_tree(root):
    for name, data in linted_files().items():
        with open(os.path.join(os.fsencode(root), name), "wb") as f:
            f.write(data)
    for name, (_, data) in noticed_files().items():
        with open(os.path.join(os.fsencode(root), name), "wb") as f:
            f.write(data)
    os.mkdir(os.path.join(root, "loop"))
    os.symlink("..", os.path.join(root, "loop", "up"))           # a loop
    os.symlink("loop", os.path.join(root, "loop", "self"))
    os.symlink("/etc", os.path.join(root, "etc-link"))            # leaves the tree
    outside = os.path.join(os.path.dirname(root), "outside")
    os.makedirs(outside, exist_ok=True)
    with open(os.path.join(outside, "secret.ts"), "wb") as f:
        f.write(VIOLATION)
    os.symlink(os.path.join(outside, "secret.ts"), os.path.join(root, "secret-link.ts"))
    os.symlink("dangling-target.ts", os.path.join(root, "dangling.ts"))
    os.mkfifo(os.path.join(root, "fifo.ts"))
    specials = ["fifo.ts"]
    if os.geteuid() == 0:
        os.mknod(os.path.join(root, "zero.ts"), 0o644 | stat.S_IFCHR, os.makedev(1, 5))
        specials.append("zero.ts")
    return specials


def no_terminal_controls(data):
    """Bytes a terminal would act on: C0 controls but newline and tab, DEL,
    C1 controls (UTF-8 C2 80..9F) and bidi overrides/isolates."""
    text = data.decode("utf-8", "replace")
    bad = [c for c in text if (ord(c) < 0x20 and c not in "\n\t") or ord(c) == 0x7F or
           0x80 <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069]
    return not bad, bad[:5]


def walked_tree(rtlint, tmp):
    root = os.path.join(tmp, "tree")
    os.mkdir(root)
    specials = build_tree(root)
    names = {n.decode("utf-8", "backslashreplace") for n in linted_files()}
    p = run([rtlint, "--no-cache", "--format", "json", "."], root, timeout=300)
    print(f"     (JSON run over the tree: {p.seconds:.2f} s)")
    check(p.returncode == 1, f"the run ends with the findings' status 1 ({p.returncode})")
    out = json.loads(p.stdout)
    flagged = {d.get("path") for d in out["diagnostics"]}
    missing = sorted(n for n in names if n not in flagged)
    check(not missing, f"every other file is linted (missing: {missing})")
    check("latin\\xe9.ts" in flagged, "a name that is not UTF-8 keeps its place in JSON as \\xHH")
    check(all(d.get("path") for d in out["diagnostics"]), "every JSON finding has its path")
    kinds = {n["path"]: n["kind"] for n in out["notices"]}
    for name, (kind, _) in noticed_files().items():
        n = name.decode()
        check(kinds.get(n) == kind, f"{n}: notice {kind} ({kinds.get(n)})")
    for n in specials:
        check(kinds.get(n) == "unreadable", f"{n}: a special file is named, not read ({kinds.get(n)})")
    check(not any("secret" in p or "etc-link" in p or "loop/" in p or "dangling" in p
                  for p in flagged | set(kinds)),
          "symbolic links are not followed: nothing outside the tree, no loop")
    by_path = {d["path"]: d for d in out["diagnostics"] if d["rule"] == "channel-hand-built"}
    check(by_path["crlf.ts"]["start"]["line"] == 2, "CRLF: the finding is on line 2")
    lone_cr = [d["start"]["line"] for d in out["diagnostics"]
               if d["rule"] == "channel-hand-built" and d["path"] == "lone-cr.ts"]
    check(lone_cr == [4], f"lone CR: a line end as editors count it; the directive silences "
          f"line 3, the finding is on line 4 ({lone_cr})")
    check(by_path["bom.ts"]["start"]["line"] == 1 and by_path["bom.ts"]["start"]["byte"] == 20,
          "BOM: the finding is on line 1, byte offsets count the BOM")
    check(by_path["bom.ts"]["start"]["column"] == 18 and
          by_path["bom.ts"]["start"]["column_utf16"] == 18,
          "BOM: columns do not count it (as without a BOM)")
    check(out["summary"]["files"] == len(linted_files()) + len(noticed_files()),
          f"every regular file is counted ({out['summary']['files']})")

    text = run([rtlint, "--no-cache", "--color", "never", "."], root, timeout=300)
    ok, bad = no_terminal_controls(text.stdout)
    check(ok, f"text output has no terminal control characters ({bad})")
    check(b"escape\\x1b[31mred.ts:" in text.stdout and b"new\\nline.ts:" in text.stdout,
          "text output shows control characters in names as escapes")
    check(b"bidi\\u202ests.ts" in text.stdout, "text output shows a bidi override as an escape")
    longest = max(len(line) for line in text.stdout.split(b"\n"))
    check(longest < 1000, f"a 300 kB line is clipped in the text snippet (longest line {longest})")
    ok, bad = no_terminal_controls(text.stderr)
    check(ok, f"stderr has no terminal control characters ({bad})")

    gh = run([rtlint, "--no-cache", "--format", "github", "."], root, timeout=300)
    ok, bad = no_terminal_controls(gh.stdout)
    check(ok, f"github output has no control characters ({bad})")
    lines = [l for l in gh.stdout.split(b"\n") if l]
    check(all(l.startswith(b"::") for l in lines), "every github line is a workflow command")

    sarif = run([rtlint, "--no-cache", "--format", "sarif", "."], root, timeout=300)
    log = json.loads(sarif.stdout)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]]
    check(all(u.isascii() and u.isprintable() for u in uris), "SARIF URIs are percent-encoded ASCII")
    check("escape%1B%5B31mred.ts" in uris and "new%0Aline.ts" in uris,
          "SARIF encodes control characters in URIs")
    return root


def reports(rtlint, root):
    # The report names the top files and the directories: markup and control
    # characters in their names must come out escaped.
    md = run([rtlint, "report", "--format", "markdown", "."], root, timeout=300)
    check(md.returncode == 0, f"report --format markdown runs ({md.returncode})")
    ok, bad = no_terminal_controls(md.stdout)
    check(ok, f"the Markdown report has no control characters ({bad})")
    check(b"<img" not in md.stdout, "the Markdown report has no raw HTML from a file name")
    html = run([rtlint, "report", "--format", "html", "."], root, timeout=300)
    check(html.returncode == 0, f"report --format html runs ({html.returncode})")
    check(b"<img src=x" not in html.stdout and b"&lt;img src=x" in html.stdout,
          "the HTML report escapes markup in file names")
    check(b"\x1b" not in html.stdout, "the HTML report shows ESC in a file name as an escape")
    rj = run([rtlint, "report", "--format", "json", "."], root, timeout=300)
    rep = json.loads(rj.stdout) if rj.returncode == 0 else {"top_files": [{}]}
    names = {n.decode("utf-8", "backslashreplace") for n in linted_files()}
    listed = [f.get("path") for f in rep["top_files"]] + [f["path"] for f in rep["fix_now"]["by_file"]]
    check(listed and all(p in names for p in listed),
          f"the JSON report names files exactly ({len(listed)} listed)")


def command_line(rtlint, tmp):
    d = os.path.join(tmp, "cli")
    os.mkdir(d)
    with open(os.path.join(d, "-dash.ts"), "wb") as f:
        f.write(VIOLATION)
    p = run([rtlint, "--no-cache", "--", "-dash.ts"], d)
    check(p.returncode == 1, f"`rtlint -- -dash.ts` lints a name with a leading dash ({p.returncode})")
    p = run([rtlint, "--no-cache", "-dash.ts"], d)
    check(p.returncode == 2 and b"see rtlint --help" in p.stderr,
          f"without --, a leading dash is an unknown option: usage error 2 ({p.returncode})")
    p = run([rtlint, "--no-cache", "-o", os.path.join(d, "no", "such", "dir", "out.json"), "."], d)
    check(p.returncode == 2 and b"cannot write" in p.stderr,
          f"--output in a missing folder: exit 2 with a message ({p.returncode})")
    p = run([rtlint, "--no-cache", "-o", d, "."], d)
    check(p.returncode == 2 and b"cannot write" in p.stderr,
          f"--output naming a folder: exit 2 with a message ({p.returncode})")
    p = run([rtlint, "report", "--format", "html", "-o", os.path.join(d, "no", "r.html"), "."], d)
    check(p.returncode == 2 and b"cannot write" in p.stderr,
          f"report --output in a missing folder: exit 2 with a message ({p.returncode})")
    if os.path.exists("/dev/full"):
        p = run([rtlint, "--no-cache", "-o", "/dev/full", "."], d)
        check(p.returncode == 2 and b"cannot write" in p.stderr,
              f"--output on a full device: exit 2 with a message ({p.returncode})")
    p = run([rtlint, "--no-cache", b"missing\x1b[2J.ts"], d)
    check(p.returncode == 2 and b"missing\\x1b[2J.ts" in p.stderr and b"\x1b" not in p.stderr,
          "a missing path with an escape sequence: exit 2, escaped on stderr")


def as_nobody(rtlint, tmp):
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        skip("permission cases: need root and setpriv to run as the user nobody")
        return
    probe = run([rtlint, "--version"], "/", user="nobody")
    if probe.returncode != 0:
        skip(f"permission cases: nobody cannot run {rtlint} ({probe.stderr[:200]!r})")
        return
    d = os.path.join(tmp, "perm")
    os.makedirs(os.path.join(d, "locked"))
    os.makedirs(os.path.join(d, "open"))
    os.makedirs(os.path.join(d, "readonly"))
    for name in ("locked/a.ts", "open/b.ts", "secret.ts", "c.ts"):
        with open(os.path.join(d, name), "wb") as f:
            f.write(VIOLATION)
    os.chmod(tmp, 0o755)
    for dirpath, dirs, files in os.walk(d):
        os.chmod(dirpath, 0o755)
        for f in files:
            os.chmod(os.path.join(dirpath, f), 0o644)
    os.chmod(os.path.join(d, "locked"), 0)
    os.chmod(os.path.join(d, "secret.ts"), 0)
    os.chmod(os.path.join(d, "readonly"), 0o555)
    p = run([rtlint, "--no-cache", "--format", "json", "."], d, user="nobody")
    out = json.loads(p.stdout) if p.stdout else {"notices": [], "diagnostics": []}
    kinds = {n["path"]: (n["kind"], n["message"]) for n in out["notices"]}
    check(p.returncode == 1, f"as nobody: the run ends with status 1 ({p.returncode})")
    check(kinds.get("locked", ("",))[0] == "unreadable" and "not read" in kinds["locked"][1],
          f"an unreadable folder gets a notice ({kinds.get('locked')})")
    check(kinds.get("secret.ts", ("",))[0] == "unreadable",
          f"an unreadable file gets a notice ({kinds.get('secret.ts')})")
    flagged = {x["path"] for x in out["diagnostics"]}
    check({"open/b.ts", "c.ts"} <= flagged, f"the readable files are linted ({sorted(flagged)})")
    text = run([rtlint, "--no-cache", "--color", "never", "."], d, user="nobody")
    check(b"locked: notice: directory not read (Permission denied)" in text.stdout,
          "text output names the unreadable folder")
    p = run([rtlint, "--no-cache", "-o", "readonly/out.json", "."], d, user="nobody")
    check(p.returncode == 2 and b"cannot write readonly/out.json" in p.stderr,
          f"an unwritable --output: exit 2 with a message ({p.returncode}, {p.stderr[:120]!r})")
    check(not os.path.exists(os.path.join(d, "readonly", "out.json")), "and nothing is written")


def vanishing(rtlint, tmp):
    """Files deleted while rtlint runs: the run still ends normally and every
    file that stayed is linted. Best effort: the timing decides which files
    vanish before discovery and which between discovery and reading."""
    d = os.path.join(tmp, "vanish")
    os.mkdir(d)
    n = 3000
    for i in range(n):
        with open(os.path.join(d, f"f{i:04}.ts"), "wb") as f:
            f.write(b"export const x = 1;\n" * 20 + (VIOLATION if i % 2 == 0 else b""))
    proc = subprocess.Popen([rtlint, "--no-cache", "-j", "1", "--format", "json", "."], cwd=d,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def remove():
        for i in range(1, n, 2):
            try:
                os.unlink(os.path.join(d, f"f{i:04}.ts"))
            except FileNotFoundError:
                pass

    t = threading.Thread(target=remove)
    t.start()
    out, err = proc.communicate(timeout=300)
    t.join()
    check(proc.returncode in (0, 1), f"files vanishing mid-run: normal exit ({proc.returncode})")
    res = json.loads(out)
    flagged = {x["path"] for x in res["diagnostics"]}
    kept = {f"f{i:04}.ts" for i in range(0, n, 2)}
    check(kept <= flagged, f"every file that stayed is linted ({len(kept & flagged)} of {len(kept)})")
    vanished = {x["path"] for x in res["notices"]}
    check(all(v.endswith(".ts") and int(v[1:5]) % 2 == 1 for v in vanished),
          f"notices only for vanished files ({len(vanished)} vanished after discovery)")


def standards_file(rtlint, tmp):
    """A plausible standards file whose UNIFIED_CHANNELS mixes a learnable
    function, one with a non-template body and a property that is not a
    function: every command aborted with a double free."""
    d = os.path.join(tmp, "standards")
    os.makedirs(os.path.join(d, "lib", "realtime"))
    with open(os.path.join(d, "lib", "realtime", "unified-channel-standards.ts"), "w") as f:
        f.write("export const UNIFIED_CHANNELS = { conv: (o, c) => `org:${o}:conv:${c}`, "
                "custom: (o) => build(o), VERSION: 2 };\n")
    with open(os.path.join(d, "a.ts"), "wb") as f:
        f.write(VIOLATION)
    p = run([rtlint, "standards", "."], d)
    check(p.returncode == 0 and b"conv(o, c)" in p.stdout,
          f"rtlint standards learns the usable entry and skips the others ({p.returncode})")
    p = run([rtlint, "--no-cache", "."], d)
    check(p.returncode == 1, f"linting with that standards file works ({p.returncode})")


def special_files_on_the_command_line(rtlint, tmp):
    """FIFOs and devices named on the command line or met as configuration:
    never opened for reading, a notice each, no hang."""
    d = os.path.join(tmp, "special")
    os.mkdir(d)
    with open(os.path.join(d, "ok.ts"), "wb") as f:
        f.write(VIOLATION)
    os.mkfifo(os.path.join(d, "named.ts"))
    subprocess.run(["git", "init", "-q", d], check=True)  # so that .gitignore files are read
    os.mkfifo(os.path.join(d, ".gitignore"))
    cases = [["named.ts", "ok.ts"], ["."]]
    if os.geteuid() == 0:
        os.mknod(os.path.join(d, "zero.ts"), 0o644 | stat.S_IFCHR, os.makedev(1, 5))
        cases.append(["zero.ts", "ok.ts"])
    for args in cases:
        try:
            p = run([rtlint, "--no-cache", "--format", "json", *args], d, timeout=20)
        except subprocess.TimeoutExpired:
            check(False, f"rtlint {' '.join(args)} with a FIFO or device: no hang")
            continue
        out = json.loads(p.stdout) if p.stdout else {"diagnostics": [], "notices": []}
        check(p.returncode == 1 and "ok.ts" in {x["path"] for x in out["diagnostics"]},
              f"rtlint {' '.join(args)}: the regular file is linted ({p.returncode})")
        named = {x["path"] for x in out["notices"]}
        want = {a for a in args if a != "ok.ts" and a != "."}
        check(want <= named, f"rtlint {' '.join(args)}: the special file gets a notice ({named})")
    if shutil.which("strace") and os.geteuid() == 0:
        trace = os.path.join(tmp, "strace.txt")
        subprocess.run(["strace", "-f", "-e", "trace=openat", "-o", trace, rtlint, "--no-cache",
                        "zero.ts", "ok.ts"], cwd=d, capture_output=True, timeout=20)
        opened = [l for l in open(trace) if "zero.ts" in l and "O_PATH" not in l and
                  "O_NONBLOCK" not in l]
        check(not opened, f"a device named on the command line is never opened to read ({opened[:1]})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--special-files", action="store_true",
                    help="also run the FIFO/device cases named on the command line")
    a = ap.parse_args()
    rtlint = os.path.abspath(a.rtlint)
    with tempfile.TemporaryDirectory() as tmp:
        root = walked_tree(rtlint, tmp)
        reports(rtlint, root)
        command_line(rtlint, tmp)
        as_nobody(rtlint, tmp)
        vanishing(rtlint, tmp)
        standards_file(rtlint, tmp)
        if a.special_files:
            special_files_on_the_command_line(rtlint, tmp)
        else:
            skip("FIFOs and devices named on the command line (run with --special-files)")
    print(f"hostile_input: {len(failures)} failures, {len(skipped)} skipped")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
