#!/usr/bin/env python3
"""The HTML report: page structure, and rendering in headless Chromium.

Builds a small migration history in a temporary git repository (the sample
app, then two commits that fix files), writes `rtlint report --format html
--history 3`, and checks:
  * structure: the required section ids, one <svg> per chart, sortable tables,
    the seed's phase definitions, no http(s):// reference, no external asset;
  * Chromium (Debian `chromium`): the page loads with no console error, its
    script ran (the DOM dump shows it), and the screenshot is not blank and
    has the charts' colours in it.
Exit code 77 (skipped) only when no chromium binary is installed.
"""
import argparse
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

from gitrepo import git

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
APP = os.path.join(ROOT, "fixtures", "campfire-app")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL", what)


def png_pixels(path):
    """Decodes an 8-bit RGB/RGBA PNG with the standard library: (w, h, rows)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), f"unsupported PNG {depth}/{ctype}"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride, rows, prev = w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def structure(html):
    for sid in ("summary", "phases", "burndown", "directories", "rules", "top-files", "fix-now",
                "standards", "definitions", "phase-table", "rule-table", "directory-table",
                "top-files-table", "history-table", "burndown-chart", "directory-chart"):
        check(f'id="{sid}"' in html, f"section/element #{sid} present")
    svgs = re.findall(r"<svg\b[^>]*\bid=\"([^\"]+)\"", html)
    check(sorted(svgs) == ["burndown-chart", "directory-chart"], f"one <svg> per chart: {svgs}")
    check(len(re.findall(r'<polyline class="series"', html)) == 6,
          "burndown: a line per phase and the total")
    check("<rect class=\"bar-" in html, "directory bars drawn")
    check(not re.search(r"https?://", html), "no http(s):// reference anywhere")
    check(not re.search(r"<(link|img|iframe)\b|<script\s+src|@import|url\(", html),
          "no external asset (link, img, script src, @import, url())")
    check(html.count('class="sortable"') >= 5, "tables are sortable")
    for phrase in ("Standardize event names", "Replace custom event names with UNIFIED_EVENTS",
                   "Replace multiple hooks with useRealtime",
                   "Extend OrganizationRealtimeProvider", "Unify typing indicator"):
        check(phrase in html, f"phase definition from the seed: {phrase!r}")
    check(html.lstrip().startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>"),
          "a complete document")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--keep", help="copy the page and the screenshot here")
    args = ap.parse_args()
    exe = os.path.abspath(args.rtlint)
    tmp = tempfile.mkdtemp(prefix="rtlint-html-")
    try:
        repo = os.path.join(tmp, "app")
        shutil.copytree(APP, repo, ignore=shutil.ignore_patterns("node_modules", ".rtlint-cache"))
        git(repo, "init", "-q")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "app")
        for path in ("components/widget/WidgetChat.tsx", "hooks/useConversationEvents.ts"):
            subprocess.run([exe, "--fix", path], cwd=repo, capture_output=True)
            git(repo, "commit", "-q", "-am", f"migrate {path}")
        page = os.path.join(tmp, "report.html")
        p = subprocess.run([exe, "report", "--format", "html", "--history", "3", "--output", page,
                            "."], cwd=repo, capture_output=True, text=True)
        check(p.returncode == 0, f"report exits 0 ({p.stderr.strip()})")
        html = open(page, encoding="utf-8").read()
        structure(html)

        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            print("SKIP: chromium is not installed (tools/install-deps.sh installs Debian's "
                  "chromium); only the structure was checked")
            return 1 if failures else 77
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--enable-logging=stderr", "--v=0", "--window-size=1200,2000"]
        shot = os.path.join(tmp, "out.png")
        r = subprocess.run([chromium] + flags + [f"--user-data-dir={tempfile.mkdtemp(dir=tmp)}",
                                                 f"--screenshot={shot}", "file://" + page],
                           capture_output=True, text=True, timeout=120)
        console = [l for l in r.stderr.splitlines() if "CONSOLE" in l or "Uncaught" in l]
        check(not console, f"no console messages or errors: {console}")
        check(os.path.exists(shot) and os.path.getsize(shot) > 10000,
              f"screenshot written ({os.path.getsize(shot) if os.path.exists(shot) else 0} bytes)")
        dom = subprocess.run([chromium] + flags + [f"--user-data-dir={tempfile.mkdtemp(dir=tmp)}",
                                                   "--dump-dom", "file://" + page],
                             capture_output=True, text=True, timeout=120)
        check('data-sortable="ready"' in dom.stdout, "the page's script ran in the browser")
        if os.path.exists(shot):
            w, h, bpp, rows = png_pixels(shot)
            nonwhite, colours = 0, set()
            for row in rows:
                for x in range(0, w * bpp, bpp):
                    px = row[x:x + 3]
                    if px != b"\xff\xff\xff":
                        nonwhite += 1
                    colours.add(bytes(px))
            print(f"screenshot {w}x{h}: {nonwhite} non-white pixels, {len(colours)} colours")
            check(nonwhite > w * h // 50, "the screenshot is not blank")
            # Chart colours: phase-0 line grey #6b7280, fixable bars #16a34a, human bars #ea580c.
            for name, rgb in (("burndown line", b"\x6b\x72\x80"), ("fixable bar", b"\x16\xa3\x4a"),
                              ("human bar", b"\xea\x58\x0c")):
                check(rgb in colours, f"the screenshot shows the {name} colour")
        if args.keep:
            os.makedirs(args.keep, exist_ok=True)
            shutil.copy(page, args.keep)
            if os.path.exists(shot):
                shutil.copy(shot, args.keep)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"report-html: {len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
