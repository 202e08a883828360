#!/usr/bin/env python3
"""action.yml (composite) runs ci/github/install.sh and ci/github/run.sh;
this runs both locally with the variables a runner sets (GITHUB_WORKSPACE,
RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_PATH, GITHUB_ACTION_PATH, INPUT_*), on a
copy of the sample app, with the bundles of `make dist`: the install puts a
working rtlint on the job's PATH; the run writes the SARIF output, honours
format, baseline, args and fail-on (error, warning, never), and refuses bad
inputs. Also checks that action.yml hands every input to the scripts."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

from checks import check, shown, verdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
APP = os.path.join(ROOT, "fixtures", "campfire-app")


class Runner:
    """One job: a workspace, RUNNER_TEMP and the runner's files."""

    def __init__(self, tmp, name):
        self.dir = os.path.join(tmp, name)
        self.workspace = os.path.join(self.dir, "workspace")
        shutil.copytree(APP, self.workspace, ignore=shutil.ignore_patterns("node_modules"))
        self.temp = os.path.join(self.dir, "runner-temp")
        os.makedirs(self.temp)
        self.path_file = os.path.join(self.dir, "github_path")
        open(self.path_file, "w").close()
        self.output_file = None

    def env(self, inputs):
        path = [d for d in os.environ["PATH"].split(os.pathsep)
                if d and not os.path.exists(os.path.join(d, "rtlint"))]
        with open(self.path_file) as f:  # what the runner does with GITHUB_PATH
            path = [l.strip() for l in f if l.strip()][::-1] + path
        self.output_file = os.path.join(self.dir, f"github_output_{len(os.listdir(self.dir))}")
        open(self.output_file, "w").close()
        env = {k: v for k, v in os.environ.items() if not k.startswith("INPUT_")}
        env.update(PATH=os.pathsep.join(path), CI="true", GITHUB_ACTIONS="true",
                   GITHUB_WORKSPACE=self.workspace, RUNNER_TEMP=self.temp, RUNNER_OS="Linux",
                   RUNNER_ARCH="X64", GITHUB_PATH=self.path_file, GITHUB_OUTPUT=self.output_file,
                   GITHUB_ACTION_PATH=ROOT)
        env.update({"INPUT_" + k.upper().replace("-", "_"): v for k, v in inputs.items()})
        return env

    def step(self, script, **inputs):
        return subprocess.run([os.path.join(ROOT, "ci", "github", script)], cwd=self.workspace,
                              env=self.env(inputs), capture_output=True, text=True)

    def outputs(self):
        with open(self.output_file) as f:
            return dict(l.rstrip("\n").split("=", 1) for l in f if "=" in l)


def action_yml():
    with open(os.path.join(ROOT, "action.yml")) as f:
        action = yaml.safe_load(f)
    check(action["runs"]["using"] == "composite", "action.yml is a composite action")
    steps = action["runs"]["steps"]
    handed = {}
    for s in steps:
        handed.update(s.get("env", {}))
    for name in action["inputs"]:
        var = "INPUT_" + name.upper().replace("-", "_")
        check(handed.get(var) == "${{ inputs.%s }}" % name, f"input {name} reaches the scripts as {var}")
    scripts = [s["run"] for s in steps]
    check(any("ci/github/install.sh" in s for s in scripts) and
          any("ci/github/run.sh" in s for s in scripts), "its steps run ci/github/install.sh and run.sh")
    check(action["outputs"]["sarif"]["value"] == "${{ steps.lint.outputs.sarif }}",
          "output sarif comes from the run step")


def warning_rule(rtlint):
    p = subprocess.run([rtlint, "--no-cache", "--format", "json", "."], cwd=APP,
                       capture_output=True, text=True)
    return next(d["rule"] for d in json.loads(p.stdout)["diagnostics"] if d["severity"] == "warning")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    ap.add_argument("--dist", default=os.path.join(ROOT, "dist"))
    args = ap.parse_args()
    args.rtlint = os.path.abspath(args.rtlint)
    version = subprocess.run([args.rtlint, "--version"], capture_output=True,
                             text=True).stdout.split()[1]
    bundles = [os.path.join(args.dist, f"rtlint-{version}-linux-x64.tar.gz"),
               os.path.join(args.dist, f"rtlint-{version}.tgz")]
    for b in bundles:
        check(os.path.isfile(b), f"{b} exists (make dist)")
        if not os.path.isfile(b):
            return 1
    action_yml()
    with tempfile.TemporaryDirectory() as tmp:
        for i, bundle in enumerate(bundles):
            job = Runner(tmp, f"install{i}")
            p = job.step("install.sh", bundle=bundle)
            with open(job.path_file) as f:
                added = f.read().split()
            check(p.returncode == 0 and len(added) == 1 and
                  os.access(os.path.join(added[0], "rtlint"), os.X_OK),
                  f"install.sh with bundle {os.path.basename(bundle)} puts rtlint on GITHUB_PATH",
                  shown(p))
            p = job.step("run.sh", paths=".", format="sarif")
            out = job.outputs()
            check(p.returncode == 1 and out.get("exit-code") == "1",
                  "run.sh (format sarif, fail-on error) fails the step on the sample app's errors",
                  shown(p))
            sarif = out.get("sarif", "")
            check(sarif.startswith(job.temp) and os.path.isfile(sarif),
                  f"output sarif is a file in RUNNER_TEMP ({sarif})")
            if os.path.isfile(sarif):
                with open(sarif) as f:
                    log = json.load(f)
                check(log["version"] == "2.1.0" and log["runs"][0]["results"],
                      "the SARIF file holds the results")

        job = Runner(tmp, "job")
        job.step("install.sh", bundle=bundles[0])
        p = job.step("run.sh", format="sarif", **{"fail-on": "never"})
        check(p.returncode == 0 and job.outputs().get("exit-code") == "1" and
              os.path.isfile(job.outputs().get("sarif", "")),
              "fail-on never: the step passes, the SARIF is written, exit-code says 1", shown(p))

        p = job.step("run.sh", format="github", paths="hooks components")
        lines = p.stdout.splitlines()
        check(p.returncode == 1 and lines and all(l.startswith("::") for l in lines) and
              any(l.startswith("::error file=hooks/") for l in lines) and
              any(l.startswith("::error file=components/") for l in lines) and
              "sarif" not in job.outputs(),
              "format github: annotations for both paths, no sarif output", shown(p))

        rule = warning_rule(args.rtlint)
        p = job.step("run.sh", format="github", args=f"--rule {rule}")
        check(p.returncode == 0 and f"title={rule}::" in p.stdout,
              f"fail-on error: warnings alone (--rule {rule} through args) pass", shown(p))
        p = job.step("run.sh", format="github", args=f"--rule {rule}", **{"fail-on": "warning"})
        check(p.returncode == 1, "fail-on warning: the same warnings fail the step", shown(p))

        bin_dir = open(job.path_file).read().split()[0]
        b = subprocess.run([os.path.join(bin_dir, "rtlint"), "baseline", "--no-cache"],
                           cwd=job.workspace, capture_output=True, text=True)
        check(b.returncode == 0, "rtlint baseline in the workspace", shown(b))
        p = job.step("run.sh", format="sarif", baseline=".rtlint-baseline.json")
        check(p.returncode == 0 and job.outputs().get("exit-code") == "0",
              "baseline: findings already in it do not fail the step", shown(p))

        for inputs, what in (({"format": "text"}, "format must be sarif or github"),
                             ({"fail-on": "sometimes"}, "fail-on must be error, warning or never"),
                             ({"args": "--no-such-option"}, "")):
            p = job.step("run.sh", **inputs)
            check(p.returncode == 2 and (what in p.stdout if what else "no-such-option" in p.stderr),
                  f"bad input {inputs}: exit 2" + (f", '::error' saying {what!r}" if what else ""),
                  shown(p))
        other = Runner(tmp, "macos")
        env_inputs = {"bundle": bundles[0]}
        e = other.env(env_inputs)
        e["RUNNER_OS"] = "macOS"
        p = subprocess.run([os.path.join(ROOT, "ci", "github", "install.sh")], env=e,
                           capture_output=True, text=True)
        check(p.returncode == 2 and "Linux X64 runners only" in p.stdout,
              "install.sh on a macOS runner says it needs Linux X64", shown(p))
    return verdict("github action")


if __name__ == "__main__":
    sys.exit(main())
