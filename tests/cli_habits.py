#!/usr/bin/env python3
"""What ESLint, ruff and biome users expect of the command line (issue 19),
where a golden output cannot say it:

- colour: --color/--no-color (the last wins) over FORCE_COLOR over NO_COLOR
  over "is stdout a terminal" (a real pseudo-terminal for the last);
- --timing: the report on stdout is unchanged; stderr has every phase, the
  slowest rules (known rule ids) and files (that exist), in that shape;
- rtlint init on copies of the sample app and the evaluation corpus: the file
  validates against the schema, loads with nothing on stderr, changes no
  finding outside what it excludes, and a second init refuses to overwrite;
- a named folder where nothing is linted gets a notice, one with TypeScript none;
- -o into a missing folder fails with the path and the reason before linting;
- --print-config: its YAML is itself a configuration rtlint and the schema
  accept, and linting with it gives the file the same findings.
"""
import argparse
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import config_schema  # noqa: E402  (the schema validator and YAML 1.2 loader)

import jsonschema  # noqa: E402

failures = []
ESC = "\x1b["


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL", msg)


def base_env():
    env = dict(os.environ)
    for k in ("FORCE_COLOR", "NO_COLOR"):
        env.pop(k, None)
    return env


def run(rtlint, args, cwd, env=None, **kw):
    return subprocess.run([rtlint] + args, cwd=cwd, capture_output=True, text=True,
                          env=env or base_env(), **kw)


def run_on_tty(rtlint, args, cwd, env):
    """stdout on a pseudo-terminal; returns what was written there."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([rtlint] + args, cwd=cwd, env=env, stdout=slave,
                            stderr=subprocess.DEVNULL)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    proc.wait()
    os.close(master)
    return out.decode("utf-8", "replace")


def test_colour(rtlint):
    cwd = os.path.join(ROOT, "fixtures", "rules", "hook-deprecated")
    args = ["--rule", "hook-deprecated", "--no-cache", "."]
    cases = [
        # (environment, extra options, on a terminal, colour expected)
        ({}, [], False, False),
        ({}, [], True, True),
        ({"NO_COLOR": "1"}, [], True, False),
        ({"NO_COLOR": ""}, [], True, True),  # empty NO_COLOR does not count
        ({"FORCE_COLOR": "1"}, [], False, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False, True),
        ({"FORCE_COLOR": "0"}, [], True, False),
        ({"FORCE_COLOR": "false"}, [], True, False),
        ({"FORCE_COLOR": "1"}, ["--no-color"], False, False),
        ({"FORCE_COLOR": "1"}, ["--color", "never"], False, False),
        ({"NO_COLOR": "1"}, ["--color", "always"], False, True),
        ({}, ["--color", "always", "--no-color"], False, False),
        ({}, ["--no-color", "--color", "always"], False, True),
        ({"FORCE_COLOR": "1"}, ["--color", "auto"], False, True),
    ]
    for extra_env, opts, tty, want in cases:
        env = dict(base_env(), **extra_env)
        out = run_on_tty(rtlint, opts + args, cwd, env) if tty else run(
            rtlint, opts + args, cwd, env).stdout
        check("hook-deprecated" in out, f"no output for {extra_env} {opts} tty={tty}")
        check((ESC in out) == want,
              f"colour {'expected' if want else 'not expected'} with {extra_env} {opts} "
              f"{'on a terminal' if tty else 'into a pipe'}")


def test_timing(rtlint):
    cwd = os.path.join(ROOT, "fixtures", "campfire-app")
    plain = run(rtlint, ["--no-cache", "--color", "never", "."], cwd)
    timed = run(rtlint, ["--no-cache", "--color", "never", "--timing", "."], cwd)
    check(timed.returncode == plain.returncode and timed.stdout == plain.stdout,
          "--timing changed the report on stdout")
    check(plain.stderr == "", f"stderr without --timing: {plain.stderr!r}")
    lines = timed.stderr.splitlines()
    check(lines and re.match(r"rtlint timing: [0-9.]+ ms elapsed on \d+ threads?; ", lines[0]),
          f"--timing header: {lines[:1]}")
    phases = ["discover", "read", "parse", "resolve", "rules", "output"]
    rows = [re.match(r"\s+([0-9.]+)\s+([0-9.]+)%\s+(\S+)$", l) for l in lines[2:2 + len(phases)]]
    check(all(rows) and [r.group(3) for r in rows] == phases,
          f"--timing phase rows: {lines[1:2 + len(phases)]}")
    if all(rows):
        share = sum(float(r.group(2)) for r in rows)
        check(99.0 <= share <= 101.0, f"phase shares add up to {share}%")
        check(float(rows[2][1]) > 0, "no time spent parsing the sample app")
    rule_ids = {r["id"] for r in json.loads(run(rtlint, ["rules", "--format", "json"], ROOT).stdout)}
    try:
        at_rules = lines.index(next(l for l in lines if l.startswith("slowest rules")))
        at_files = lines.index(next(l for l in lines if l.startswith("slowest files")))
    except StopIteration:
        check(False, f"--timing lacks the slowest rules or files: {lines}")
        return
    rules = [l.split()[-1] for l in lines[at_rules + 1:at_files]]
    files = [l.split(None, 1)[1] for l in lines[at_files + 1:]]
    check(0 < len(rules) <= 10 and set(rules) <= rule_ids, f"--timing slowest rules: {rules}")
    check(0 < len(files) <= 10 and all(os.path.isfile(os.path.join(cwd, f)) for f in files),
          f"--timing slowest files: {files}")
    times = [float(l.split()[0]) for l in lines[at_files + 1:]]
    check(times == sorted(times, reverse=True), f"slowest files not in order: {times}")


def test_output_unwritable(rtlint):
    """-o into a missing folder: the path and the system's reason, before any lint work."""
    cwd = os.path.join(ROOT, "fixtures", "campfire-app")
    env = dict(base_env(), RTLINT_STATS="1")
    proc = run(rtlint, ["--no-cache", "-o", "/nonexistent/dir/report.txt", "."], cwd, env)
    check(proc.returncode == 2, f"-o into a missing folder: exit {proc.returncode}")
    check("/nonexistent/dir/report.txt" in proc.stderr and "No such file or directory" in
          proc.stderr, f"-o into a missing folder: {proc.stderr!r}")
    check("rtlint-stats: work=0" in proc.stderr, f"-o failed only after linting: {proc.stderr!r}")


def test_named_folders(rtlint):
    """A folder named (or the default .) where rtlint lints nothing gets a notice; one
    with TypeScript does not, however it is spelled."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "docs"))
        os.makedirs(os.path.join(tmp, "src"))
        with open(os.path.join(tmp, "docs", "a.md"), "w") as f:
            f.write("# a\n")
        with open(os.path.join(tmp, "src", "a.ts"), "w") as f:
            f.write("export const a = 1;\n")
        def notices(args, cwd):
            proc = run(rtlint, ["--no-cache", "--format", "json"] + args, cwd)
            return sorted((n["path"], n["kind"]) for n in json.loads(proc.stdout)["notices"])
        for args in (["src"], ["src/"], ["./src"], ["."], [], ["src", "."]):
            check(notices(args, tmp) == [], f"rtlint {args} with TypeScript there: a notice")
        check(notices(["docs", "src"], tmp) == [("docs", "not-linted")],
              "rtlint docs src: no notice for docs")
        text = run(rtlint, ["--no-cache", "docs"], tmp).stdout
        check(text.startswith("docs: notice: not linted: no TypeScript files here"),
              f"rtlint docs: {text!r}")
        check(notices([], os.path.join(tmp, "docs")) == [(".", "not-linted")],
              "rtlint in a folder without TypeScript: no notice for '.'")


def findings(rtlint, cwd):
    proc = run(rtlint, ["--no-cache", "--format", "json", "."], cwd)
    data = json.loads(proc.stdout)
    return proc.stderr, {(d["path"], d["rule"], d["start"]["byte"], d["message"])
                         for d in data["diagnostics"]}


def test_init(rtlint, tree, name):
    validator = jsonschema.Draft7Validator(json.load(open(config_schema.SCHEMA)))
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, name)
        shutil.copytree(os.path.join(ROOT, tree), copy,
                        ignore=shutil.ignore_patterns(".rtlint-cache", "rtlint.yaml"))
        _, without = findings(rtlint, copy)
        proc = run(rtlint, ["init"], copy)
        check(proc.returncode == 0, f"init on {name}: exit {proc.returncode}: {proc.stderr}")
        path = os.path.join(copy, "rtlint.yaml")
        if not os.path.exists(path):
            check(False, f"init on {name} wrote no rtlint.yaml")
            return
        text = open(path).read()
        check(proc.stdout.startswith("Wrote rtlint.yaml for the ") and
              "standards " in proc.stdout and "component_dirs " in proc.stdout,
              f"init on {name} did not say what it decided: {proc.stdout}")
        config = config_schema.load_yaml(text)
        errors = list(validator.iter_errors(config))
        check(not errors, f"init on {name}: the file fails the schema: {[e.message for e in errors]}")
        check(text.count("\n#") > 10, f"init on {name}: the file is not commented")
        check(config.get("standards", "").endswith("lib/realtime/unified-channel-standards.ts"),
              f"init on {name} did not find the standards module: {config.get('standards')}")
        check("infrastructure_dirs" in config and "component_dirs" in config,
              f"init on {name} did not set the folders: {sorted(config)}")
        stderr, with_config = findings(rtlint, copy)
        check(stderr == "", f"init on {name}: linting with the file says {stderr!r}")
        excluded = config.get("exclude", [])
        lost = {f for f in without - with_config
                if not any(f[0] == g or f[0].startswith(g + "/") for g in excluded)}
        check(not lost and not (with_config - without),
              f"init on {name} changed findings: lost {sorted(lost)[:3]}, "
              f"new {sorted(with_config - without)[:3]}")
        again = run(rtlint, ["init"], copy)
        check(again.returncode == 2 and "already exists" in again.stderr and
              open(path).read() == text, f"a second init on {name} did not refuse: {again.stderr}")
        os.rename(path, os.path.join(copy, ".rtlint.yaml"))
        hidden = run(rtlint, ["init", "."], copy)
        check(hidden.returncode == 2 and ".rtlint.yaml" in hidden.stderr and
              not os.path.exists(path), f"init next to a .rtlint.yaml on {name}: {hidden.stderr}")


def test_init_below_config(rtlint):
    """init in a folder under another configuration says which one it replaces there."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "web", "components"))
        with open(os.path.join(tmp, "rtlint.yaml"), "w") as f:
            f.write("exclude: []\n")
        with open(os.path.join(tmp, "web", "components", "Box.tsx"), "w") as f:
            f.write("export const Box = 1;\n")
        proc = run(rtlint, ["init", "web"], tmp)
        check(proc.returncode == 0 and os.path.exists(os.path.join(tmp, "web", "rtlint.yaml")),
              f"init web: {proc.stderr}")
        check(f"Until now {os.path.realpath(tmp)}/rtlint.yaml applied here" in proc.stdout or
              f"Until now {tmp}/rtlint.yaml applied here" in proc.stdout,
              f"init under a configuration did not name it: {proc.stdout}")
        missing = run(rtlint, ["init", "nowhere"], tmp)
        check(missing.returncode == 2 and "nowhere" in missing.stderr,
              f"init in a missing folder: {missing.stderr}")


def test_print_config(rtlint):
    validator = jsonschema.Draft7Validator(json.load(open(config_schema.SCHEMA)))
    src = os.path.join(ROOT, "fixtures", "config", "overrides")
    for rel, severity in (("components/legacy/Old.tsx", "warn"), ("components/New.tsx", "error")):
        proc = run(rtlint, ["--print-config", rel], src)
        check(proc.returncode == 0 and proc.stderr == "", f"--print-config {rel}: {proc.stderr}")
        config = config_schema.load_yaml(proc.stdout)
        check(not list(validator.iter_errors(config)), f"--print-config {rel} fails the schema")
        check(config["rules"]["channel-hand-built"] == severity,
              f"--print-config {rel}: channel-hand-built is {config['rules']['channel-hand-built']}")
        # The printed configuration, used instead of the file's, lints it alike.
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "tree")
            shutil.copytree(src, copy)
            _, before = findings(rtlint, copy)
            before = {f for f in before if f[0] == rel}
            with open(os.path.join(copy, "rtlint.yaml"), "w") as f:
                f.write(proc.stdout)
            stderr, after = findings(rtlint, copy)
            after = {f for f in after if f[0] == rel}
            check(stderr == "" and before == after and before,
                  f"--print-config {rel} as the configuration changes its findings: {stderr}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    test_colour(rtlint)
    test_timing(rtlint)
    test_output_unwritable(rtlint)
    test_named_folders(rtlint)
    test_init(rtlint, "fixtures/campfire-app", "campfire-app")
    test_init(rtlint, "eval/corpus", "corpus")
    test_init_below_config(rtlint)
    test_print_config(rtlint)
    print(f"cli-habits: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
