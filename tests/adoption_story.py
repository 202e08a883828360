#!/usr/bin/env python3
"""The adoption story in a real temporary git repository (issue 5's "done when"):
a baseline taken on a dirty repo; a new violation fails while the old ones do
not (even after lines shift); fixing one is noticed and `baseline --update`
shrinks the file (it grows only with --allow-new); a suppression with a reason
passes and one without fails under --require-reason; --changed-since reports
only changed lines; --staged lints the index (a staged violation with an
unstaged fix still fails); the real `pre-commit` program refuses a commit with
a violation and accepts a clean one.

Each check is a step; the closing line is `adoption-story: N passed, N failed`.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

RTLINT = None
PASSED = 0
FAILED = 0

CLIENT = 'export const supabase = { channel: (name: string) => name };\n'


def old_component(extra_lines=0, fixed_second=False):
    pad = "".join(f"// note {i}\n" for i in range(extra_lines))
    second = ("UNIFIED_CHANNELS.conversation(orgId, convId)" if fixed_second
              else "`org:${orgId}:conv:${convId}:typing`")
    return (pad + 'import { supabase } from "../lib/client";\n'
            'import { UNIFIED_CHANNELS } from "../lib/realtime/unified-channel-standards";\n\n'
            'export function Chat({ orgId, convId }: { orgId: string; convId: string }) {\n'
            '  const a = supabase.channel(`org:${orgId}:presence`);\n'
            f'  const b = supabase.channel({second});\n'
            '  return <div>{String(a) + String(b)}</div>;\n'
            '}\n')


NEW_VIOLATION = ('import { supabase } from "../lib/client";\n'
                 'export const feed = (orgId: string) => supabase.channel(`feed:${orgId}`);\n')
CLEAN = 'export const answer = 42;\n'


def sh(cwd, *args, env=None, check=True):
    p = subprocess.run(list(args), cwd=cwd, capture_output=True, text=True, env=env)
    if check and p.returncode != 0:
        raise RuntimeError(f"{args} failed ({p.returncode}):\n{p.stdout}\n{p.stderr}")
    return p


# The story is about adoption, not about which rules fire: one rule keeps its
# counts readable and stable as rules are added.
STORY_RULES = ("--rule", "channel-hand-built", "--rule", "invalid-suppression",
               "--rule", "unused-suppression", "--no-cache")


def rt(cwd, *args):
    cmd = [RTLINT, *args[:1], *STORY_RULES, *args[1:]] if args[:1] == ("baseline",) else [
        RTLINT, "--color", "never", *STORY_RULES, *args]
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, NO_COLOR="1"))


def step(name, ok, detail=""):
    global PASSED, FAILED
    if ok:
        PASSED += 1
        print(f"ok   {name}")
    else:
        FAILED += 1
        print(f"FAIL {name}\n{detail}")


def show(p):
    return f"exit {p.returncode}\n--- stdout\n{p.stdout}--- stderr\n{p.stderr}"


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def git_env():
    return dict(os.environ, GIT_AUTHOR_NAME="Dev", GIT_AUTHOR_EMAIL="dev@example.com",
                GIT_COMMITTER_NAME="Dev", GIT_COMMITTER_EMAIL="dev@example.com")


def commit(root, msg):
    sh(root, "git", "add", "-A")
    sh(root, "git", "commit", "-q", "-m", msg, env=git_env())


def baseline_entries(root):
    with open(os.path.join(root, ".rtlint-baseline.json")) as f:
        return json.load(f)["findings"]


def story(root):
    sh(root, "git", "init", "-q", "-b", "main")
    write(root, "lib/client.ts", CLIENT)
    write(root, "components/Chat.tsx", old_component())
    write(root, "components/Other.tsx", old_component().replace("Chat", "Other"))
    commit(root, "a codebase with violations")

    p = rt(root, ".")
    step("the dirty repo fails without a baseline", p.returncode == 1, show(p))

    p = rt(root, "baseline")
    entries = baseline_entries(root)
    step("rtlint baseline writes the current findings",
         p.returncode == 0 and len(entries) == 4 and "wrote 4 findings" in p.stderr,
         show(p) + json.dumps(entries, indent=1))
    with open(os.path.join(root, ".rtlint-baseline.json")) as f:
        raw = f.read()
    keys = [(e["path"], e["rule"], e["fingerprint"]) for e in entries]
    step("the baseline is sorted and pretty-printed",
         keys == sorted(keys) and raw.count("\n") > 10 and
         all(set(e) == {"path", "rule", "fingerprint", "message"} for e in entries), raw)
    p = rt(root, "baseline")
    step("rtlint baseline refuses to overwrite an existing baseline",
         p.returncode == 2 and "--update" in p.stderr, show(p))
    commit(root, "take the baseline")

    p = rt(root, "--baseline", ".rtlint-baseline.json", ".")
    step("old violations do not fail with --baseline",
         p.returncode == 0 and "No problems found" in p.stdout, show(p))

    write(root, "components/Chat.tsx", old_component(extra_lines=5))
    p = rt(root, "--baseline", ".rtlint-baseline.json", ".")
    step("baseline entries survive lines added above them", p.returncode == 0, show(p))

    write(root, "components/Feed.ts", NEW_VIOLATION)
    p = rt(root, "--baseline", ".rtlint-baseline.json", ".")
    step("a new violation fails with --baseline and only it is reported",
         p.returncode == 1 and "components/Feed.ts:2:" in p.stdout and
         "Chat.tsx" not in p.stdout and "1 problem" in p.stdout, show(p))
    p = rt(root, "--baseline", ".rtlint-baseline.json", "--format", "json", ".")
    step("JSON lists only the new finding",
         p.returncode == 1 and [d["path"] for d in json.loads(p.stdout)["diagnostics"]] ==
         ["components/Feed.ts"], show(p))

    os.remove(os.path.join(root, "components/Feed.ts"))
    write(root, "components/Chat.tsx", old_component(extra_lines=5, fixed_second=True))
    p = rt(root, "--baseline", ".rtlint-baseline.json", ".")
    step("fixing an old violation is noticed",
         p.returncode == 0 and "1 finding in the baseline is fixed; run rtlint baseline --update "
         "to shrink it" in p.stderr, show(p))

    write(root, "components/Feed.ts", NEW_VIOLATION)
    p = rt(root, "baseline", "--update")
    entries = baseline_entries(root)
    step("baseline --update shrinks and does not add the new finding",
         p.returncode == 0 and len(entries) == 3 and "1 fixed finding removed" in p.stderr and
         "1 new finding not added" in p.stderr and
         not any(e["path"] == "components/Feed.ts" for e in entries), show(p))
    p = rt(root, "--baseline", ".rtlint-baseline.json", ".")
    step("after the update the new violation still fails", p.returncode == 1, show(p))
    p = rt(root, "baseline", "--update", "--allow-new")
    entries = baseline_entries(root)
    step("baseline --update --allow-new grows it",
         p.returncode == 0 and len(entries) == 4 and
         any(e["path"] == "components/Feed.ts" for e in entries), show(p))
    p = rt(root, "--baseline", ".rtlint-baseline.json", ".")
    step("then the repo passes", p.returncode == 0, show(p))
    os.remove(os.path.join(root, "components/Feed.ts"))
    sh(root, "git", "checkout", "-q", ".rtlint-baseline.json")
    commit(root, "fix one")
    p = rt(root, "baseline", "--update")
    step("the committed baseline shrinks to the remaining findings",
         p.returncode == 0 and len(baseline_entries(root)) == 3, show(p))
    commit(root, "shrink baseline")

    # Suppressions.
    with_reason = NEW_VIOLATION.replace(
        "export const feed",
        "// rtlint-disable-next-line channel-hand-built -- feed channels move in phase 3\n"
        "export const feed")
    write(root, "components/Feed.ts", with_reason)
    p = rt(root, "--baseline", ".rtlint-baseline.json", "--require-reason", ".")
    step("a suppression with a reason passes under --require-reason", p.returncode == 0, show(p))
    p = rt(root, "--baseline", ".rtlint-baseline.json", "--format", "json", ".")
    sup = json.loads(p.stdout)["suppressed"]
    step("the suppressed finding is kept with its justification",
         [(s["path"], s["justification"]) for s in sup] ==
         [("components/Feed.ts", "feed channels move in phase 3")], p.stdout)
    write(root, "components/Feed.ts", with_reason.replace(" -- feed channels move in phase 3", ""))
    p = rt(root, "--baseline", ".rtlint-baseline.json", "--require-reason", ".")
    step("a suppression without a reason fails under --require-reason",
         p.returncode == 1 and "without a reason" in p.stdout and "[invalid-suppression]" in
         p.stdout, show(p))
    write(root, "components/Feed.ts", with_reason.replace("channel-hand-built --",
                                                          "channel-hand-bilt --"))
    p = rt(root, "--baseline", ".rtlint-baseline.json", ".")
    step("a suppression naming an unknown rule is an error",
         p.returncode == 1 and "unknown rule 'channel-hand-bilt'" in p.stdout, show(p))
    os.remove(os.path.join(root, "components/Feed.ts"))

    # --changed-since: only lines changed since the revision.
    text = old_component(extra_lines=5, fixed_second=True).replace(
        "  return", "  const c = supabase.channel(`org:${orgId}:new`);\n  return")
    write(root, "components/Chat.tsx", text)
    p = rt(root, "--changed-since", "HEAD", "--format", "json", ".")
    lines = [(d["path"], d["start"]["line"]) for d in json.loads(p.stdout)["diagnostics"]]
    step("--changed-since HEAD reports only the changed line",
         p.returncode == 1 and lines == [("components/Chat.tsx", 12)], show(p))
    p = rt(root, "--changed-since", "no-such-rev", ".")
    step("--changed-since with an unknown revision is a usage error",
         p.returncode == 2 and "unknown revision" in p.stderr, show(p))
    sh(root, "git", "checkout", "-q", "components/Chat.tsx")

    # --staged: the index, not the working tree.
    write(root, "components/Feed.ts", NEW_VIOLATION)
    sh(root, "git", "add", "components/Feed.ts")
    write(root, "components/Feed.ts", CLEAN)  # the fix is not staged
    p = rt(root, "--staged")
    step("a staged violation with an unstaged fix still fails with --staged",
         p.returncode == 1 and "components/Feed.ts:2:" in p.stdout and "in 1 file" in p.stdout,
         show(p))
    p = rt(os.path.join(root, "lib"), "--staged")
    step("--staged from a subfolder prints paths relative to the repository root",
         p.returncode == 1 and "components/Feed.ts:2:" in p.stdout, show(p))
    p = rt(root, "components/Feed.ts")
    step("the working tree itself is clean", p.returncode == 0, show(p))
    sh(root, "git", "add", "components/Feed.ts")
    write(root, "components/Feed.ts", NEW_VIOLATION)  # violation only in the working tree
    p = rt(root, "--staged")
    step("a clean staged file passes even when the working tree has a violation",
         p.returncode == 0, show(p))
    write(root, "components/Feed.ts", CLEAN)
    commit(root, "clean feed")


def precommit(root):
    """The real pre-commit program with a `repo: local` hook running the built binary."""
    if not shutil.which("pre-commit"):
        step("pre-commit is installed (tools/install-deps.sh installs it)", False)
        return
    sh(root, "git", "init", "-q", "-b", "main")
    write(root, "lib/client.ts", CLIENT)
    write(root, ".pre-commit-config.yaml",
          "repos:\n"
          "  - repo: local\n"
          "    hooks:\n"
          "      - id: rtlint\n"
          "        name: rtlint\n"
          f"        entry: {RTLINT} --staged --color never\n"
          "        language: system\n"
          "        pass_filenames: false\n"
          "        types_or: [ts, tsx]\n")
    commit(root, "setup")
    env = dict(git_env(), PRE_COMMIT_HOME=os.path.join(root, ".pre-commit-home"))
    sh(root, "pre-commit", "install", env=env)
    with open(os.path.join(root, ".git", "info", "exclude"), "a") as f:
        f.write(".pre-commit-home/\n")
    write(root, "components/Feed.ts", NEW_VIOLATION)
    sh(root, "git", "add", "components/Feed.ts")
    p = sh(root, "git", "commit", "-m", "add feed", env=env, check=False)
    head = sh(root, "git", "rev-list", "--count", "HEAD").stdout.strip()
    step("pre-commit refuses a commit with a violation, showing rtlint's message",
         p.returncode != 0 and "components/Feed.ts:2:" in p.stdout + p.stderr and
         "channel-hand-built" in p.stdout + p.stderr and head == "1", show(p))
    write(root, "components/Feed.ts", CLEAN)
    sh(root, "git", "add", "components/Feed.ts")
    p = sh(root, "git", "commit", "-m", "add clean feed", env=env, check=False)
    head = sh(root, "git", "rev-list", "--count", "HEAD").stdout.strip()
    step("pre-commit accepts a clean commit",
         p.returncode == 0 and "rtlint" in p.stdout + p.stderr and head == "2", show(p))


def main():
    global RTLINT
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    args = ap.parse_args()
    RTLINT = os.path.abspath(args.rtlint)
    with tempfile.TemporaryDirectory(prefix="rtlint-story-") as tmp:
        a, b = os.path.join(tmp, "app"), os.path.join(tmp, "hooked")
        os.makedirs(a)
        os.makedirs(b)
        story(a)
        precommit(b)
    print(f"adoption-story: {PASSED} passed, {FAILED} failed")
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())
