#!/usr/bin/env python3
"""The same answer from every folder (docs/configuration.md, "The project root").

Every fixture tree is linted from its root, from a subfolder (naming the
root as `..`), from an unrelated folder with absolute paths; each subfolder
is linted as `rtlint SUB` from the root, as `rtlint .` inside it and by its
absolute path. The JSON findings and notices, with paths made relative to
the tree's root, must be equal, and so must the SARIF fingerprints; text
output names files relative to the working folder. Then: tsconfig
`extends` (relative and package), a BOM and a syntax error (a notice); a
baseline taken at the root used from a subfolder; the root of a git work
tree and of plain folders; imports that leave the project root are not read
unless `resolve.allow_outside` allows the folder.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL " + what)


def run(rtlint, cwd, args):
    env = dict(os.environ, NO_COLOR="1")
    command = args[:1] if args[:1] in (["baseline"], ["standards"]) else []
    # standards reads no cache: the option is not one of its own.
    no_cache = [] if command == ["standards"] else ["--no-cache"]
    return subprocess.run([rtlint] + command + no_cache + args[len(command):], cwd=cwd,
                          capture_output=True, text=True, env=env)


def rel_to_root(path, cwd_of_run, root):
    """A printed path as a path relative to the tree's root."""
    absolute = path if os.path.isabs(path) else os.path.join(root, path)
    return os.path.relpath(os.path.normpath(absolute), root)


def findings(rtlint, root, cwd, args):
    proc = run(rtlint, cwd, ["--format", "json"] + args)
    if proc.returncode not in (0, 1):
        return ("exit", proc.returncode)
    doc = json.loads(proc.stdout)
    diags = []
    for d in doc["diagnostics"]:
        d = dict(d)
        d["path"] = rel_to_root(d["path"], cwd, root)
        diags.append(json.dumps(d, sort_keys=True))
    notices = []
    for n in doc["notices"]:
        n = dict(n)
        n["path"] = rel_to_root(n["path"], cwd, root)
        notices.append(json.dumps(n, sort_keys=True))
    return (proc.returncode, diags, notices, doc["summary"])


def fingerprints(rtlint, cwd, args):
    proc = run(rtlint, cwd, ["--format", "sarif"] + args)
    if proc.returncode not in (0, 1):
        return ("exit", proc.returncode)
    doc = json.loads(proc.stdout)
    out = []
    for r in doc["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        out.append((r["ruleId"], loc, json.dumps(r.get("partialFingerprints"), sort_keys=True)))
    return sorted(out)


def subfolders(root, limit=3):
    """Folders right below root that hold TS files (not node_modules)."""
    subs = []
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        if name in ("node_modules", ".git") or not os.path.isdir(path):
            continue
        if glob.glob(os.path.join(path, "**", "*.ts*"), recursive=True):
            subs.append(name)
    return subs[:limit]


def same(label, runs):
    first_name, first = runs[0]
    for name, got in runs[1:]:
        check(got == first, f"{label}: {name} differs from {first_name}")


def tree_equivalence(rtlint, root, elsewhere):
    label = os.path.relpath(root, ROOT)
    subs = subfolders(root)
    whole = [("root: .", findings(rtlint, root, root, ["."])),
             ("elsewhere: absolute root", findings(rtlint, root, elsewhere, [root]))]
    for sub in subs:
        whole.append((f"{sub}: ..", findings(rtlint, root, os.path.join(root, sub), [".."])))
    same(label, whole)
    prints = [("root", fingerprints(rtlint, root, ["."])),
              ("elsewhere", fingerprints(rtlint, elsewhere, [root]))]
    for sub in subs:
        prints.append((sub, fingerprints(rtlint, os.path.join(root, sub), [".."])))
    same(label + " (SARIF fingerprints)", prints)
    for sub in subs:
        subdir = os.path.join(root, sub)
        same(f"{label}/{sub}", [("root: " + sub, findings(rtlint, root, root, [sub])),
                                ("inside: .", findings(rtlint, root, subdir, ["."])),
                                ("elsewhere: absolute", findings(rtlint, root, elsewhere,
                                                                 [subdir]))])
    # Text output names files relative to the working folder.
    for sub in subs[:1]:
        subdir = os.path.join(root, sub)
        proc = run(rtlint, subdir, ["--color", "never", "."])
        for line in proc.stdout.splitlines():
            if ": error: " in line or ": warning: " in line:
                shown = line.split(":", 1)[0]
                check(os.path.exists(os.path.join(subdir, shown)),
                      f"{label}/{sub}: text path {shown!r} is not relative to the working folder")
    return len(whole[0][1][1]) if whole[0][1][0] != "exit" else 0


def trees():
    out = [os.path.join(ROOT, "fixtures", "campfire-app"), os.path.join(ROOT, "eval", "corpus")]
    for pattern in ("fixtures/config/*", "fixtures/rules/*", "fixtures/folders/*"):
        out += sorted(d for d in glob.glob(os.path.join(ROOT, pattern)) if os.path.isdir(d))
    out = [os.path.join(d, "project") if os.path.isdir(os.path.join(d, "project")) else d
           for d in out]
    return out


def json_of(rtlint, cwd, args):
    proc = run(rtlint, cwd, ["--format", "json"] + args)
    return proc, (json.loads(proc.stdout) if proc.stdout.startswith("{") else None)


def tsconfig_cases(rtlint):
    folders = os.path.join(ROOT, "fixtures", "folders")
    for tree in ("extends-relative", "extends-package", "tsconfig-bom"):
        root = os.path.join(folders, tree)
        for cwd, arg in ((root, "."), (os.path.join(root, "components"), ".")):
            _, doc = json_of(rtlint, cwd, [arg])
            messages = [d["message"] for d in doc["diagnostics"] if d["rule"] == "event-name-custom"]
            check(any('"typing_indicator"' in m for m in messages),
                  f"{tree} from {os.path.relpath(cwd, root)}: the @/ import did not resolve")
            check(not doc["notices"], f"{tree}: unexpected notices {doc['notices']}")
    root = os.path.join(folders, "tsconfig-broken")
    for cwd in (root, os.path.join(root, "components")):
        _, doc = json_of(rtlint, cwd, ["."])
        kinds = [(n["path"], n["kind"]) for n in doc["notices"]]
        check(("tsconfig.json", "tsconfig") in kinds,
              f"tsconfig-broken from {os.path.relpath(cwd, root)}: no tsconfig notice ({kinds})")
        check(any("5:" in n["message"] for n in doc["notices"]),
              "tsconfig-broken: the notice does not give the line of the error")
    # A missing `extends` target is a notice too; the file's own paths still apply.
    with tempfile.TemporaryDirectory() as tmp:
        app = os.path.join(tmp, "app")
        shutil.copytree(os.path.join(folders, "tsconfig-bom"), app)
        with open(os.path.join(app, "tsconfig.json"), "w") as f:
            f.write('{"extends": "@nowhere/tsconfig", "compilerOptions": {"baseUrl": ".", '
                    '"paths": {"@/*": ["./*"]}}}\n')
        _, doc = json_of(rtlint, app, ["."])
        check(any(n["kind"] == "tsconfig" and "@nowhere/tsconfig" in n["message"]
                  for n in doc["notices"]), "a missing extends target gives no notice")
        check(any('"typing_indicator"' in d["message"] for d in doc["diagnostics"]),
              "with a missing extends target the file's own paths were dropped")


def baseline_case(rtlint):
    """A baseline taken at the root matches from a subfolder (same files linted)."""
    with tempfile.TemporaryDirectory() as tmp:
        app = os.path.join(tmp, "app")
        shutil.copytree(os.path.join(ROOT, "fixtures", "campfire-app"), app)
        cases = ((".", app, ["--baseline", ".rtlint-baseline.json", "."]),
                 (".", os.path.join(app, "components"), ["--baseline", "../.rtlint-baseline.json",
                                                         ".."]),
                 (".", os.path.join(app, "lib", "realtime"),
                  ["--baseline", "../../.rtlint-baseline.json", "../.."]),
                 ("components", os.path.join(app, "components"),
                  ["--baseline", "../.rtlint-baseline.json", "."]))
        for taken, cwd, args in cases:
            if os.path.exists(os.path.join(app, ".rtlint-baseline.json")):
                os.remove(os.path.join(app, ".rtlint-baseline.json"))
            proc = run(rtlint, app, ["baseline", taken])
            check(proc.returncode == 0, f"rtlint baseline {taken} failed: {proc.stderr}")
            proc = run(rtlint, cwd, ["--format", "json"] + args)
            doc = json.loads(proc.stdout)
            check(proc.returncode == 0 and not doc["diagnostics"],
                  f"baseline of {taken} used from {os.path.relpath(cwd, app)}: "
                  f"{len(doc['diagnostics'])} new findings, exit {proc.returncode}")


CONTRACT_RULES = ("event-never-sent", "event-never-heard", "channel-mismatch")


def root_cases(rtlint):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = os.path.realpath(tmp)
        # A git work tree without configuration: its top is the root. The app
        # lives in a folder named `web`; Next.js conventions (components/,
        # app/) are read from the app folder (its package.json), so the
        # findings are those of the app linted on its own.
        repo = os.path.join(tmp, "repo")
        sample = os.path.join(ROOT, "fixtures", "campfire-app")
        shutil.copytree(sample, os.path.join(repo, "web"))
        os.remove(os.path.join(repo, "web", "rtlint.yaml"))
        shutil.copytree(sample, os.path.join(repo, "app"))
        os.remove(os.path.join(repo, "app", "rtlint.yaml"))
        subprocess.run(["git", "init", "-q", repo], check=True)  # .gitignore applies in git only
        _, alone = json_of(rtlint, sample, ["."])
        # Linting web/ alone is a part of the repository's project (app/ is the
        # other part): the contract rules stay quiet there (docs/contract.md).
        expected = sorted((d["rule"], d["path"], d["start"]["line"]) for d in alone["diagnostics"]
                          if d["rule"] not in CONTRACT_RULES)
        for folder in ("web", "app"):
            for cwd, arg in ((repo, folder), (os.path.join(repo, folder, "components"), "..")):
                _, doc = json_of(rtlint, cwd, [arg])
                got = sorted((d["rule"], d["path"][len(folder) + 1:], d["start"]["line"])
                             for d in doc["diagnostics"])
                check(got == expected, f"the app in a git repository's {folder}/, linted from "
                      f"{os.path.relpath(cwd, repo)}: {len(got)} findings, {len(expected)} alone")
        shutil.rmtree(os.path.join(repo, "app"))
        proc = run(rtlint, os.path.join(repo, "web", "components"), ["standards", "."])
        check(f"Project root: {repo}\n" in proc.stdout,
              f"git work tree root not named: {proc.stdout.splitlines()[:1]}")
        check("unified-channel-standards.ts (learned" in proc.stdout,
              "the standards module was not found from a subfolder")
        _, doc = json_of(rtlint, os.path.join(repo, "web", "components"), ["."])
        check(all(d["path"].startswith("web/components/") for d in doc["diagnostics"]),
              "JSON paths are not relative to the git work tree")
        # --changed-since from a subfolder: the changed line's findings, no others.
        git = ["git", "-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.com"]
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-qm", "start"], check=True)
        flagged = [d for d in doc["diagnostics"] if d["rule"] == "channel-hand-built"][0]
        path = os.path.join(repo, flagged["path"])
        with open(path) as f:
            lines = f.read().split("\n")
        lines[flagged["start"]["line"] - 1] += " // changed"
        with open(path, "w") as f:
            f.write("\n".join(lines))
        for cwd, arg in ((repo, "web"), (os.path.join(repo, "web", "components"), ".")):
            _, got = json_of(rtlint, cwd, ["--changed-since", "HEAD", arg])
            where = {(d["path"], d["start"]["line"]) for d in got["diagnostics"]}
            check(where == {(flagged["path"], flagged["start"]["line"])},
                  f"--changed-since from {os.path.relpath(cwd, repo)}: {sorted(where)}")
        # No git, no configuration: the common folder of the paths.
        plain = os.path.join(tmp, "plain")
        shutil.copytree(os.path.join(ROOT, "fixtures", "folders", "tsconfig-bom"), plain)
        os.remove(os.path.join(plain, "rtlint.yaml"))
        proc = run(rtlint, tmp, ["standards", plain])
        check(f"Project root: {plain}\n" in proc.stdout,
              f"common-folder root not named: {proc.stdout.splitlines()[:1]}")
        # --config kept outside the tree does not move the root there.
        shared = os.path.join(tmp, "shared")
        os.makedirs(shared)
        with open(os.path.join(shared, "rtlint.yaml"), "w") as f:
            f.write("rules: {}\n")
        _, doc = json_of(rtlint, plain, ["--config", os.path.join(shared, "rtlint.yaml"), "."])
        check(any('"typing_indicator"' in d["message"] for d in doc["diagnostics"]),
              "with --config elsewhere the project's own imports stopped resolving")


def outside_case(rtlint):
    project = os.path.join(ROOT, "fixtures", "folders", "outside", "project")
    for fmt in ("text", "json", "sarif", "github", "codeclimate"):
        for cwd in (project, os.path.join(project, "components")):
            proc = run(rtlint, cwd, ["--format", fmt, "."])
            check("sk_live" not in proc.stdout + proc.stderr,
                  f"{fmt} from {os.path.relpath(cwd, project)}: a file outside the root was read")
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "outside")
        shutil.copytree(os.path.dirname(project), copy)
        config = os.path.join(copy, "project", "rtlint.yaml")
        with open(config, "w") as f:
            f.write("resolve:\n  allow_outside: [../outside]\n")
        proc = run(rtlint, os.path.join(copy, "project"), ["."])
        check("sk_live" in proc.stdout, "resolve.allow_outside did not allow the folder")
        for text, why in (("resolve:\n  allow: [../outside]\n", "unknown key 'resolve.allow'"),
                          ("resolve:\n  allow_outside: ../outside\n", "must be a list"),
                          ("resolve: [x]\n", "resolve must be a mapping")):
            with open(config, "w") as f:
                f.write(text)
            proc = run(rtlint, os.path.join(copy, "project"), ["."])
            check(proc.returncode == 2 and why in proc.stderr,
                  f"config {text!r}: exit {proc.returncode}, {proc.stderr.strip()!r}")


def spellings_case(rtlint):
    """One folder named in several spellings is one folder: the same files,
    findings and notices as when it is named once."""
    app = os.path.join(ROOT, "fixtures", "campfire-app")
    once = json.loads(run(rtlint, app, ["--no-cache", "--format", "json", "components"]).stdout)
    for spellings in (["components", "./components"], ["components/", ".//components"],
                      ["components", "components/./"]):
        proc = run(rtlint, app, ["--no-cache", "--format", "json"] + spellings)
        twice = json.loads(proc.stdout)
        check(twice == once, f"{' '.join(spellings)}: the same output as 'components' "
              f"({twice['summary']} vs {once['summary']})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    with tempfile.TemporaryDirectory() as elsewhere:
        total = 0
        for root in trees():
            total += tree_equivalence(rtlint, root, elsewhere)
    tsconfig_cases(rtlint)
    baseline_case(rtlint)
    root_cases(rtlint)
    outside_case(rtlint)
    spellings_case(rtlint)
    print(f"folders: {len(trees())} trees ({total} findings at their roots), "
          f"{len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
