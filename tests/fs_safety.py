#!/usr/bin/env python3
"""How rtlint touches a hostile repository's file system (docs/security-fs.md).

Each check is a regression test for something found by trying: planted
symlinks at temporary names and at the cache folder, FIFOs that used to hang
open(), hand-edited cache entries with a valid checksum, --fix on files whose
identity must be kept (read-only, hard links, symlinks, owner), a full disk
(a file-size rlimit stands in for it), `merge -o` failures, and --diff output
for odd file names through `git apply`. Every rtlint run has a timeout, so a
hang fails the test instead of blocking it."""
import argparse
import ctypes
import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile

failures = []
RTLINT = None
TIMEOUT = 60

# One safe fix: a hand-built channel name with the standards' own arguments.
FIXABLE = ("export function f(orgId: string, convId: string) {\n"
           "  return supabase.channel(`org:${orgId}:conv:${convId}:typing`);\n"
           "}\n")


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def run(args, cwd, preexec=None, env=None):
    try:
        return subprocess.run([RTLINT] + args, cwd=cwd, capture_output=True, text=True,
                              timeout=TIMEOUT, preexec_fn=preexec, env=env)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, -999, "", "TIMEOUT (hung)")


def write(path, text, mode="w"):
    with open(path, mode) as f:
        f.write(text)


def read(path, mode="r"):
    with open(path, mode) as f:
        return f.read()


def fresh(tmp, name):
    d = os.path.join(tmp, name)
    os.makedirs(d)
    return d


def planted_pids():
    """The process ids the next runs will probably get: the old code named
    its temporaries after the pid, which a repository can plant symlinks at."""
    base = os.getpid()
    return range(base, base + 400)


def small_disk(limit):
    """A full disk, as far as rtlint can tell: every write past limit bytes
    fails (EFBIG, with SIGXFSZ ignored), like ENOSPC would."""
    def preexec():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return preexec


def test_cache_temporaries(tmp):
    d = fresh(tmp, "cache-tmp")
    write(os.path.join(d, "a.ts"), FIXABLE)
    # Learn the entry's name from a first run, then start again with the
    # temporary names planted as symlinks to a file outside the tree.
    run(["--format", "json", "a.ts"], d)
    entries = [n for n in os.listdir(os.path.join(d, ".rtlint-cache")) if n.endswith(".entry")]
    check(len(entries) == 1, f"one cache entry written ({entries})")
    shutil.rmtree(os.path.join(d, ".rtlint-cache"))
    os.mkdir(os.path.join(d, ".rtlint-cache"))
    victim = os.path.join(tmp, "authorized_keys")
    write(victim, "ssh-ed25519 AAAA owner\n")
    for pid in planted_pids():
        for e in entries:
            os.symlink(victim, os.path.join(d, ".rtlint-cache", f"{e}.{pid}.tmp"))
    r = run(["a.ts"], d)
    check(r.returncode == 1, f"the run works with planted temporaries ({r.returncode})")
    check(read(victim) == "ssh-ed25519 AAAA owner\n",
          "a symlink at a cache temporary name is never written through")
    entry = os.path.join(d, ".rtlint-cache", entries[0])
    check(os.path.isfile(entry) and not os.path.islink(entry), "the entry is written all the same")


def test_stale_temporaries(tmp):
    d = fresh(tmp, "cache-stale")
    write(os.path.join(d, "a.ts"), FIXABLE)
    cache = os.path.join(d, ".rtlint-cache")
    os.mkdir(cache)
    stale, recent = (os.path.join(cache, f"0123456789abcdef.entry.rtlint-{s}")
                     for s in ("Stale1", "Fresh1"))
    for p in (stale, recent):
        write(p, "half an entry")
    old = os.stat(stale).st_mtime - 2 * 3600
    os.utime(stale, (old, old))
    link = os.path.join(cache, "x.rtlint-Link01")
    os.symlink(os.path.join(tmp, "elsewhere"), link)
    r = run(["a.ts"], d)
    check(r.returncode == 1, "a run that stores entries")
    check(not os.path.exists(stale), "a temporary a killed run left an hour ago is removed")
    check(os.path.exists(recent), "a recent one (a concurrent run's) is kept")
    check(os.path.islink(link), "a symlink with a temporary's name is not touched")


def test_baseline_temporary(tmp):
    d = fresh(tmp, "baseline-tmp")
    write(os.path.join(d, "a.ts"), FIXABLE)
    victim = os.path.join(tmp, "bashrc")
    write(victim, "# mine\n")
    for pid in planted_pids():
        os.symlink(victim, os.path.join(d, f".rtlint-baseline.json.tmp.{pid}"))
    r = run(["baseline", "--no-cache", "a.ts"], d)
    check(r.returncode == 0, f"rtlint baseline works with planted temporaries ({r.returncode}: "
                             f"{r.stderr.strip()})")
    check(read(victim) == "# mine\n", "a symlink at the baseline's temporary name is not followed")
    b = os.path.join(d, ".rtlint-baseline.json")
    check(os.path.isfile(b) and json.loads(read(b))["findings"], "the baseline is written")
    before = read(b)
    write(os.path.join(d, "b.ts"), FIXABLE)
    r = run(["baseline", "--update", "--allow-new", "--no-cache", "a.ts", "b.ts"], d,
            preexec=small_disk(100))
    check(r.returncode == 2 and "cannot write .rtlint-baseline.json" in r.stderr,
          f"a baseline that cannot be written: exit 2 with a message ({r.stderr.strip()})")
    check(read(b) == before, "the previous baseline is intact")


def test_cache_folder(tmp):
    d = fresh(tmp, "cache-link")
    write(os.path.join(d, "a.ts"), FIXABLE)
    outside = fresh(tmp, "cache-link-target")
    os.symlink(outside, os.path.join(d, ".rtlint-cache"))
    r = run(["a.ts"], d)
    check(r.returncode == 1 and "symbolic link" in r.stderr and "not caching" in r.stderr,
          f"a symlinked cache folder is refused with a warning ({r.stderr.strip()})")
    check(os.listdir(outside) == [], "nothing is written where the cache symlink points")

    d = fresh(tmp, "cache-file")
    write(os.path.join(d, "a.ts"), FIXABLE)
    write(os.path.join(d, ".rtlint-cache"), "not a folder\n")
    r = run(["a.ts"], d)
    check(r.returncode == 1 and "not a directory" in r.stderr,
          f"a cache path that is a regular file gets a warning ({r.stderr.strip()})")

    d = fresh(tmp, "cache-gitignore")
    write(os.path.join(d, "a.ts"), FIXABLE)
    os.mkdir(os.path.join(d, ".rtlint-cache"))
    target = os.path.join(tmp, "created-through-link")
    os.symlink(target, os.path.join(d, ".rtlint-cache", ".gitignore"))
    r = run(["a.ts"], d)
    check(r.returncode == 1, "a dangling .gitignore symlink in the cache does not stop the run")
    check(not os.path.exists(target), "a dangling .rtlint-cache/.gitignore symlink is not created")

    d = fresh(tmp, "cache-entry-link")
    write(os.path.join(d, "a.ts"), FIXABLE)
    run(["a.ts"], d)
    cache = os.path.join(d, ".rtlint-cache")
    entry = [os.path.join(cache, n) for n in os.listdir(cache) if n.endswith(".entry")][0]
    outside = os.path.join(tmp, "outside.entry")
    os.rename(entry, outside)
    before = read(outside, "rb")
    os.symlink(outside, entry)
    write(os.path.join(d, "a.ts"), FIXABLE + "// changed\n")
    r = run(["a.ts"], d)
    check("symbolic link" in r.stderr, f"a symlinked cache entry is not read ({r.stderr.strip()})")
    check(read(outside, "rb") == before and not os.path.islink(entry),
          "nor written through: the link itself is replaced")

    if os.geteuid() == 0:
        d = fresh(tmp, "cache-owner")
        write(os.path.join(d, "a.ts"), FIXABLE)
        os.mkdir(os.path.join(d, ".rtlint-cache"))
        os.chown(os.path.join(d, ".rtlint-cache"), 4242, 4242)
        r = run(["a.ts"], d)
        check(r.returncode == 1 and "owned by another user" in r.stderr,
              f"a cache folder owned by another user is refused ({r.stderr.strip()})")
        check(os.listdir(os.path.join(d, ".rtlint-cache")) == [],
              "nothing is written in another user's cache folder")


def test_fifos(tmp):
    d = fresh(tmp, "fifo")
    write(os.path.join(d, "a.ts"), FIXABLE)
    os.mkfifo(os.path.join(d, "pipe.ts"))
    r = run(["--no-cache", "--format", "json", "pipe.ts", "a.ts"], d)
    check(r.returncode == 1, f"a FIFO on the command line does not hang ({r.returncode})")
    if r.returncode == 1:
        out = json.loads(r.stdout)
        notes = {n["path"]: n["message"] for n in out["notices"]}
        check("not a regular file" in notes.get("pipe.ts", ""),
              f"the FIFO gets a notice ({notes})")
        check([x["path"] for x in out["diagnostics"]] == ["a.ts"], "the other file is linted")

    d = fresh(tmp, "fifo-gitignore")
    subprocess.run(["git", "init", "-q", d], check=True)
    write(os.path.join(d, "a.ts"), FIXABLE)
    os.mkdir(os.path.join(d, "sub"))
    write(os.path.join(d, "sub", "b.ts"), FIXABLE)
    os.mkfifo(os.path.join(d, "sub", ".gitignore"))
    r = run(["--no-cache", "."], d)
    check(r.returncode == 1 and "not a regular file" in r.stderr,
          f"a FIFO named .gitignore does not hang, with a warning ({r.returncode}, "
          f"{r.stderr.strip()})")
    check("sub/b.ts" in r.stdout, "the folder with the FIFO .gitignore is still linted")

    d = fresh(tmp, "fifo-entry")
    write(os.path.join(d, "a.ts"), FIXABLE)
    run(["a.ts"], d)
    cache = os.path.join(d, ".rtlint-cache")
    for n in os.listdir(cache):
        if n.endswith(".entry") or n.endswith(".idx"):
            os.unlink(os.path.join(cache, n))
            os.mkfifo(os.path.join(cache, n))
    r = run(["a.ts"], d)
    check(r.returncode == 1 and "not a regular file" in r.stderr,
          f"a FIFO as a cache entry does not hang, with a warning ({r.returncode}, "
          f"{r.stderr.strip()})")
    check("channel-hand-built" in r.stdout, "the file is linted afresh")


class Entry:
    """A cache entry, edited by hand and given a valid checksum again."""
    lib = None

    def __init__(self, path):
        if Entry.lib is None:
            Entry.lib = ctypes.CDLL("libxxhash.so.0")
            Entry.lib.XXH3_64bits.restype = ctypes.c_uint64
            Entry.lib.XXH3_64bits.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
        self.path = path
        data = read(path, "rb")
        self.body = data[:-18]
        check(data[-18:] == self.seal(self.body)[-18:], "the test computes the entry checksum")

    def seal(self, body):
        return body + b"#%016x\n" % Entry.lib.XXH3_64bits(body, len(body))

    def save(self, body):
        write(self.path, self.seal(body), "wb")


def cached_run(d, args):
    run(["--format", "json"] + args + ["a.ts"], d)
    cache = os.path.join(d, ".rtlint-cache")
    name = [n for n in os.listdir(cache) if n.endswith(".entry")][0]
    return Entry(os.path.join(cache, name))


def test_edited_entries(tmp):
    d = fresh(tmp, "entry-severity")
    write(os.path.join(d, "a.ts"), FIXABLE)
    e = cached_run(d, [])
    body = e.body.replace(b"18:channel-hand-built2 ", b"18:channel-hand-built1099511627776 ")
    check(body != e.body, "the entry holds the finding's severity")
    e.save(body)
    r = run(["--format", "json", "a.ts"], d)
    sev = [x["severity"] for x in json.loads(r.stdout)["diagnostics"]] if r.stdout else []
    check(sev == ["error"], f"a severity of 2^40 is not trusted ({sev})")
    check("ignoring cache entry" in r.stderr and "severity" in r.stderr,
          f"the edited entry is named in a warning ({r.stderr.strip()})")

    # A finding of a rule this run disabled, slipped into the entry.
    d = fresh(tmp, "entry-inject")
    write(os.path.join(d, "a.ts"), FIXABLE)
    e = cached_run(d, ["--disable", "supabase-channel-direct"])
    m = re.search(rb"(\d+) 18:channel-hand-built", e.body)
    check(m is not None and m.group(1) == b"1", "the entry holds one finding")
    start = m.start(1)
    one = e.body[m.end(1) + 1:]
    injected = one.replace(b"18:channel-hand-built2 ", b"23:supabase-channel-direct2 ", 1)
    e.save(e.body[:start] + b"2 " + one + injected)
    r = run(["--format", "json", "--disable", "supabase-channel-direct", "a.ts"], d)
    rules = [x["rule"] for x in json.loads(r.stdout)["diagnostics"]] if r.stdout else []
    check(rules == ["channel-hand-built"], f"an injected finding of a disabled rule is dropped "
                                           f"({rules})")
    check("ignoring cache entry" in r.stderr, f"with a warning ({r.stderr.strip()})")

    d = fresh(tmp, "entry-range")
    write(os.path.join(d, "a.ts"), FIXABLE)
    e = cached_run(d, [])
    body = re.sub(rb"(18:channel-hand-built2 \d+:[^ ]*?\.ts)(\d+) (\d+) ", rb"\g<1>77 999999 ",
                  e.body, count=1)
    check(body != e.body, "the entry holds the finding's range")
    e.save(body)
    r = run(["--format", "json", "a.ts"], d)
    ends = [x["end"]["byte"] for x in json.loads(r.stdout)["diagnostics"]] if r.stdout else []
    check(ends == [113], f"a range past the end of the file is not trusted ({ends})")
    check("outside its file" in r.stderr, f"with a warning ({r.stderr.strip()})")


def fix(d, args, preexec=None):
    return run(["--no-cache", "--fix"] + args, d, preexec=preexec)


def test_fix_identity(tmp):
    d = fresh(tmp, "fix-readonly")
    p = os.path.join(d, "a.ts")
    write(p, FIXABLE)
    os.chmod(p, 0o444)
    r = fix(d, ["a.ts"])
    check(r.returncode == 2 and "read-only" in r.stderr,
          f"a read-only file is refused, exit 2 ({r.returncode}, {r.stderr.strip()})")
    check(read(p) == FIXABLE and stat.S_IMODE(os.stat(p).st_mode) == 0o444,
          "the read-only file is untouched")

    d = fresh(tmp, "fix-hardlink")
    p = os.path.join(d, "a.ts")
    write(p, FIXABLE)
    os.link(p, os.path.join(d, "other-name.txt"))
    r = fix(d, ["a.ts"])
    check(r.returncode == 2 and "hard links" in r.stderr,
          f"a file with hard links is refused ({r.returncode}, {r.stderr.strip()})")
    check(os.stat(p).st_nlink == 2 and read(p) == FIXABLE, "the hard links are not split")

    d = fresh(tmp, "fix-symlink")
    write(os.path.join(d, "real.ts"), FIXABLE)
    os.symlink("real.ts", os.path.join(d, "link.ts"))
    r = fix(d, ["link.ts"])
    check(r.returncode == 0, f"--fix through a symlink named on the command line "
                             f"({r.returncode}, {r.stderr.strip()})")
    check(os.path.islink(os.path.join(d, "link.ts")), "the symlink stays a symlink")
    check("UNIFIED_CHANNELS.conversationTyping" in read(os.path.join(d, "real.ts")),
          "its target is fixed")

    d = fresh(tmp, "fix-mode")
    p = os.path.join(d, "a.ts")
    write(p, FIXABLE)
    os.chmod(p, 0o640)
    owner = os.geteuid() == 0
    if owner:
        os.chown(p, 4242, 4343)
    r = fix(d, ["a.ts"])
    st = os.stat(p)
    check(r.returncode == 0 and "UNIFIED_CHANNELS" in read(p), "the file is fixed")
    check(stat.S_IMODE(st.st_mode) == 0o640, "the mode is kept")
    if owner:
        check((st.st_uid, st.st_gid) == (4242, 4343), f"owner and group are kept "
                                                      f"({st.st_uid}, {st.st_gid})")
    check(not [n for n in os.listdir(d) if ".rtlint-" in n], "no temporary is left behind")

    if owner:
        # As another user, rtlint cannot give the new file the old one's owner:
        # it must refuse rather than change who owns the file.
        os.chmod(tmp, 0o755)
        d = fresh(tmp, "fix-foreign")
        os.chown(d, 65534, 65534)
        p = os.path.join(d, "a.ts")
        write(p, FIXABLE)
        os.chown(p, 4242, 4242)
        os.chmod(p, 0o666)

        def as_nobody():
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)

        r = fix(d, ["a.ts"], preexec=as_nobody)
        check(r.returncode == 2 and "owner" in r.stderr,
              f"a file whose owner cannot be kept is refused ({r.returncode}, {r.stderr.strip()})")
        st = os.stat(p)
        check(read(p) == FIXABLE and (st.st_uid, st.st_gid) == (4242, 4242),
              "it keeps its contents and owner")
        check(os.listdir(d) == ["a.ts"], f"no temporary is left behind ({os.listdir(d)})")

    # Full disk: every write past 100 bytes fails.
    d = fresh(tmp, "fix-full")
    p = os.path.join(d, "a.ts")
    write(p, FIXABLE)
    r = fix(d, ["a.ts"], preexec=small_disk(100))
    check(r.returncode == 2 and "cannot write" in r.stderr,
          f"--fix that cannot write exits 2 with a message ({r.returncode}, {r.stderr.strip()})")
    check(read(p) == FIXABLE, "the file is intact")
    check(os.listdir(d) == ["a.ts"], f"no temporary is left behind ({os.listdir(d)})")

    # -o on a full disk: no partial or empty report.
    out = os.path.join(d, "report.json")
    r = run(["--no-cache", "--format", "json", "-o", out, "a.ts"], d, preexec=small_disk(100))
    check(r.returncode == 2 and "cannot write" in r.stderr and not os.path.exists(out),
          f"-o that cannot be written: exit 2, message, no file ({r.returncode}, "
          f"{r.stderr.strip()})")


def test_merge_output(tmp):
    d = fresh(tmp, "merge")
    write(os.path.join(d, "a.ts"), FIXABLE)
    for i in (1, 2):
        r = run(["--no-cache", "--format", "json", "--shard", f"{i}/2", "-o", f"s{i}.json", "."], d)
        check(r.returncode in (0, 1) and os.path.exists(os.path.join(d, f"s{i}.json")),
              f"shard {i} written")

    r = run(["merge", "s1.json", "s2.json", "-o", "all.json"], d, preexec=small_disk(50))
    check(r.returncode == 2 and "cannot write" in r.stderr,
          f"merge -o on a full disk: exit 2 with a message ({r.returncode}, {r.stderr.strip()})")
    check(not os.path.exists(os.path.join(d, "all.json")), "merge -o leaves no (0-byte) file")
    check(not [n for n in os.listdir(d) if ".rtlint-" in n], "nor a temporary")
    r = run(["merge", "s1.json", "s2.json", "-o", "no/such/dir/all.json"], d)
    check(r.returncode == 2 and "no/such/dir/all.json" in r.stderr,
          f"merge -o into a missing folder: exit 2, naming it ({r.stderr.strip()})")
    write(os.path.join(d, "all.json"), "previous\n")
    r = run(["merge", "s1.json", "s2.json", "-o", "all.json"], d, preexec=small_disk(50))
    check(read(os.path.join(d, "all.json")) == "previous\n",
          "a failed merge -o leaves the previous file as it was")
    r = run(["merge", "s1.json", "s2.json", "-o", "all.json"], d)
    check(r.returncode == 0 and json.loads(read(os.path.join(d, "all.json")))["diagnostics"],
          "merge -o writes the merged file")
    write(os.path.join(d, "target.json"), "old\n")
    os.symlink("target.json", os.path.join(d, "link.json"))
    r = run(["merge", "s1.json", "s2.json", "-o", "link.json"], d)
    check(r.returncode == 0 and os.path.islink(os.path.join(d, "link.json")) and
          json.loads(read(os.path.join(d, "target.json")))["diagnostics"],
          "-o through a symlink writes its target and keeps the link")
    os.symlink(os.path.join(tmp, "nowhere.json"), os.path.join(d, "dangling.json"))
    r = run(["merge", "s1.json", "s2.json", "-o", "dangling.json"], d)
    check(r.returncode == 2 and not os.path.exists(os.path.join(tmp, "nowhere.json")),
          f"-o through a dangling symlink is refused ({r.stderr.strip()})")
    r = run(["merge", "s1.json", "s2.json", "-o", "/dev/null"], d)
    check(r.returncode == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode),
          "-o /dev/null is written, not replaced")


ODD_NAMES = ["with space.ts", "tab\there.ts", "new\nline.ts", 'quo"te.ts', "back\\slash.ts",
             "ünïcödé.ts", "-leading-dash.ts"]


def test_diff_names(tmp):
    d = fresh(tmp, "diff-names")
    git = ["git", "-C", d, "-c", "user.name=t", "-c", "user.email=t@example.com"]
    subprocess.run(["git", "init", "-q", d], check=True)
    for n in ODD_NAMES:
        write(os.path.join(d, n), FIXABLE)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "odd names"], check=True)
    r = run(["--no-cache", "--diff", "."], d)
    check(r.returncode == 1, f"--diff reports changes ({r.returncode}, {r.stderr.strip()})")
    check('--- "a/tab\\there.ts"' in r.stdout and '--- "a/new\\nline.ts"' in r.stdout,
          "control characters are quoted as git quotes them")
    check('"a/\\303\\274n\\303\\257c\\303\\266d\\303\\251.ts"' in r.stdout,
          "non-ASCII names are quoted in octal, like git's core.quotePath")
    check("--- a/with space.ts\t\n" in r.stdout, "a name with a space ends with a tab, as git's")
    patch = os.path.join(tmp, "odd.patch")
    write(patch, r.stdout)
    a = subprocess.run(git + ["apply", patch], capture_output=True, text=True)
    check(a.returncode == 0, f"git apply accepts the patch ({a.stderr.strip()})")
    changed = [n for n in ODD_NAMES if "UNIFIED_CHANNELS" in read(os.path.join(d, n))]
    check(changed == ODD_NAMES, f"every oddly named file is patched ({len(changed)})")
    r = run(["--no-cache", "--diff", "."], d)
    check(r.returncode == 0 and r.stdout == "", "after the patch, --diff has nothing to change")


def main():
    global RTLINT
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    RTLINT = os.path.abspath(ap.parse_args().rtlint)
    with tempfile.TemporaryDirectory() as tmp:
        for t in (test_cache_temporaries, test_stale_temporaries, test_baseline_temporary, test_cache_folder, test_fifos,
                  test_edited_entries, test_fix_identity, test_merge_output, test_diff_names):
            print(f"-- {t.__name__}")
            t(tmp)
    print(f"fs_safety: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
