#!/usr/bin/env python3
"""The release bundle (`make dist`, tools/dist.sh) runs without the build's
libraries: every NEEDED entry of the binary and of the bundled libraries is
the C library's own or a file inside the bundle, the loader resolves all the
others inside it, the unpacked tarball lints the sample app under `env -i`
with an empty LD_LIBRARY_PATH and prints the same JSON as the build tree's
binary, and it needs no glibc newer than Ubuntu 22.04's (2.35).
Prints the highest GLIBC_ symbol version, the NEEDED lists and the size."""
import argparse
import glob
import os
import re
import subprocess
import sys
import tarfile
import tempfile

from checks import check, verdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "fixtures", "campfire-app")
# The C library's own parts: the system's must be used (they match its ld.so).
LIBC = re.compile(r"^(libc|libm|libpthread|libdl|librt|libresolv)\.so\.\d+$|^ld-linux-x86-64\.so\.2$")
UBUNTU_22_04_GLIBC = (2, 35)


def dynamic(path, tag):
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=True).stdout
    return re.findall(r"\(" + tag + r"\)\s+\S+(?: \S+)*?: \[(.*)\]", out)


def glibc_versions(path):
    out = subprocess.run(["objdump", "-T", path], capture_output=True, text=True, check=True).stdout
    return {tuple(int(x) for x in v.split(".")) for v in re.findall(r"GLIBC_([0-9.]+)\b", out)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True, help="the build tree's binary, for the JSON")
    ap.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    args = ap.parse_args()
    version = subprocess.run([args.rtlint, "--version"], capture_output=True,
                             text=True).stdout.split()[1]
    name = f"rtlint-{version}-linux-x64"
    tarball = os.path.join(args.dist, name + ".tar.gz")
    check(os.path.isfile(tarball), f"{tarball} exists (make dist)")
    if not os.path.isfile(tarball):
        return 1
    print(f"bundle: {os.path.getsize(tarball) / 1e6:.1f} MB compressed")
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(tarball) as t:
            t.extractall(tmp, filter="tar")
        bundle = os.path.join(tmp, name)
        binary = os.path.join(bundle, "bin", "rtlint")
        libdir = os.path.join(bundle, "lib")
        bundled = sorted(os.listdir(libdir)) if os.path.isdir(libdir) else []
        unpacked = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(bundle) for f in fs)
        print(f"bundle: {unpacked / 1e6:.1f} MB unpacked; bundled libraries: {', '.join(bundled) or 'none'}")

        check(dynamic(binary, "RUNPATH") == ["$ORIGIN/../lib"], "bin/rtlint: RUNPATH $ORIGIN/../lib")
        for lib in bundled:
            check(not LIBC.match(lib), f"lib/{lib} is not part of the C library")
            check(dynamic(os.path.join(libdir, lib), "RUNPATH") == ["$ORIGIN"],
                  f"lib/{lib}: RUNPATH $ORIGIN")
        highest = (0,)
        for obj in [binary] + [os.path.join(libdir, l) for l in bundled]:
            needed = dynamic(obj, "NEEDED")
            rel = os.path.relpath(obj, bundle)
            print(f"NEEDED {rel}: {' '.join(needed)}")
            outside = [n for n in needed if not LIBC.match(n) and n not in bundled]
            check(not outside, f"{rel}: every NEEDED entry is the C library's or inside the bundle"
                  + (f" (not: {outside})" if outside else ""))
            highest = max([highest] + list(glibc_versions(obj)))
        shown = ".".join(map(str, highest))
        print(f"highest GLIBC_ symbol version needed: GLIBC_{shown}")
        check(highest <= UBUNTU_22_04_GLIBC, f"GLIBC_{shown} <= 2.35 (Ubuntu 22.04 runners)")

        clean_env = {"LD_LIBRARY_PATH": ""}
        ldd = subprocess.run(["env", "-i", "LD_LIBRARY_PATH=", "ldd", binary], capture_output=True,
                             text=True)
        for soname, path in re.findall(r"^\s*(\S+) => (\S+)", ldd.stdout, re.M):
            inside = os.path.realpath(path).startswith(os.path.realpath(bundle) + os.sep)
            check(inside if not LIBC.match(soname) else not inside,
                  f"the loader takes {soname} from {'the bundle' if not LIBC.match(soname) else 'the system'}"
                  f" ({path})")

        ran = subprocess.run([binary, "--version"], env=clean_env, capture_output=True, text=True)
        check(ran.returncode == 0 and ran.stdout.startswith(f"rtlint {version} "),
              f"env -i bin/rtlint --version: {ran.stdout.strip()!r}")
        cmd = ["--no-cache", "--format", "json", "."]
        mine = subprocess.run(["env", "-i", "LD_LIBRARY_PATH=", binary] + cmd, cwd=APP,
                              capture_output=True, text=True)
        ref = subprocess.run([os.path.abspath(args.rtlint)] + cmd, cwd=APP, capture_output=True,
                             text=True)
        check(mine.returncode == ref.returncode == 1,
              f"the sample app: exit 1 from both (bundle {mine.returncode}, build {ref.returncode})"
              + (f"; stderr {mine.stderr[:300]!r}" if mine.stderr else ""))
        check(mine.stdout == ref.stdout and '"diagnostics"' in mine.stdout,
              "the bundle's JSON for the sample app equals the build tree's binary's")
    return verdict("dist")


if __name__ == "__main__":
    sys.exit(main())
