#!/usr/bin/env python3
"""GitLab: `--format codeclimate` matches the Code Quality report format
(tests/schemas/gitlab-codequality.json; unique fingerprints, paths relative to
the project root whatever the working folder, begin <= end); with
--template, ci/gitlab/rtlint.gitlab-ci.yml's job script runs locally (bash -e
-o pipefail, as the runner does) on a copy of the sample app with the npm
package of `make dist` installed offline: it writes the report its
artifacts name, equal to the build tree's binary's, and exits per
RTLINT_FAIL_ON."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import jsonschema
import yaml

from checks import check, shown, verdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "fixtures", "campfire-app")
REPORT = "gl-code-quality-report.json"


def codequality(rtlint, cwd, *extra):
    p = subprocess.run([rtlint, "--no-cache", "--format", "codeclimate", *extra], cwd=cwd,
                       capture_output=True, text=True)
    return p, json.loads(p.stdout) if p.stdout else None


def report_shape(rtlint):
    with open(os.path.join(ROOT, "tests", "schemas", "gitlab-codequality.json")) as f:
        schema = json.load(f)
    p, issues = codequality(rtlint, APP, ".")
    check(p.returncode == 1 and issues, "codeclimate on the sample app: issues, exit 1", shown(p))
    try:
        jsonschema.validate(issues, schema)
        check(True, "the report matches GitLab's Code Quality format")
    except jsonschema.ValidationError as e:
        check(False, "the report matches GitLab's Code Quality format", str(e)[:1500])
    prints = [i["fingerprint"] for i in issues]
    check(len(prints) == len(set(prints)), "fingerprints are unique (GitLab tells issues apart by them)")
    check(all(not i["location"]["path"].startswith(("/", "./")) and
              os.path.isfile(os.path.join(APP, i["location"]["path"])) for i in issues),
          "every path is relative to the project root and names a file")
    check(all(i["location"]["lines"]["begin"] <= i["location"]["lines"]["end"] for i in issues),
          "lines.begin <= lines.end")
    sub, sub_issues = codequality(rtlint, os.path.join(APP, "components"), "..")
    check(sub_issues == issues, "the same report from a subfolder (paths stay root-relative)")


def template(rtlint, tarball, tmp):
    with open(os.path.join(ROOT, "ci", "gitlab", "rtlint.gitlab-ci.yml")) as f:
        job = yaml.safe_load(f)["rtlint"]
    with open(os.path.join(ROOT, "CMakeLists.txt")) as f:
        version = f.read().split("project(rtlint VERSION ", 1)[1].split()[0]
    check(job["variables"]["RTLINT_VERSION"] == version,
          f"the template's RTLINT_VERSION is rtlint's version ({version})")
    check(job["artifacts"]["reports"]["codequality"] == REPORT and job["artifacts"]["when"] == "always",
          "artifacts: reports.codequality is the report, kept when the job fails")
    check("$RTLINT_VERSION" in job["cache"]["key"] and job["cache"]["paths"] == [".rtlint-cache/"],
          "cache: .rtlint-cache/ keyed on rtlint's version")
    script = "\n".join(job["script"])

    def run(name, **variables):
        project = os.path.join(tmp, name)
        shutil.copytree(APP, project, ignore=shutil.ignore_patterns("node_modules"))
        path = [d for d in os.environ["PATH"].split(os.pathsep)
                if d and not os.path.exists(os.path.join(d, "rtlint"))]
        env = dict(os.environ, PATH=os.pathsep.join(path), CI="true", GITLAB_CI="true",
                   CI_PROJECT_DIR=project, npm_config_offline="true",
                   npm_config_cache=os.path.join(tmp, "npm-cache"))
        env.update({k: str(v) for k, v in job["variables"].items()})
        env.update(RTLINT_PACKAGE=tarball, **variables)
        # Outside the rtlint repository, its .gitignore no longer hides generated/.
        _, reference = codequality(rtlint, project, ".")
        p = subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=project, env=env,
                           capture_output=True, text=True)
        report = os.path.join(project, REPORT)
        with open(report) if os.path.exists(report) else open(os.devnull) as f:
            text = f.read()
        return p, json.loads(text) if text else None, reference

    p, issues, reference = run("job-default")
    check(p.returncode == 1 and issues == reference,
          "the job script (RTLINT_FAIL_ON=error) fails and writes the same report as the build tree",
          shown(p))
    check(f"rtlint: {len(reference)} issues" in p.stdout, "it prints a summary line in the job log",
          shown(p))
    p, issues, reference = run("job-never", RTLINT_FAIL_ON="never")
    check(p.returncode == 0 and issues == reference, "RTLINT_FAIL_ON=never: the job passes, report kept",
          shown(p))
    p, _, _ = run("job-baseline", RTLINT_ARGS="--baseline .rtlint-baseline.json")
    check(p.returncode == 2, "a missing baseline named in RTLINT_ARGS fails the job with exit 2",
          shown(p))
    p, _, _ = run("job-bad", RTLINT_FAIL_ON="sometimes")
    check(p.returncode == 2 and "RTLINT_FAIL_ON must be" in p.stdout, "a bad RTLINT_FAIL_ON: exit 2",
          shown(p))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--template", action="store_true",
                    help="also run the template's job script on the npm package of make dist")
    ap.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    args = ap.parse_args()
    rtlint = os.path.abspath(args.rtlint)
    report_shape(rtlint)
    if args.template:
        version = subprocess.run([rtlint, "--version"], capture_output=True, text=True).stdout.split()[1]
        tarball = os.path.join(args.dist, f"rtlint-{version}.tgz")
        check(os.path.isfile(tarball), f"{tarball} exists (make dist)")
        if os.path.isfile(tarball):
            with tempfile.TemporaryDirectory() as tmp:
                template(rtlint, tarball, tmp)
    return verdict("gitlab")


if __name__ == "__main__":
    sys.exit(main())
