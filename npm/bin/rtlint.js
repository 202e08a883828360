#!/usr/bin/env node
// Runs the native rtlint of this package (native/linux-x64, built by `make
// dist`) with the same arguments, standard streams and exit status. The
// package downloads nothing and runs no install script: on a platform it has
// no binary for, this says so in one line and exits 2 (rtlint's usage status).
"use strict";
const path = require("path");
const { spawnSync } = require("child_process");

const MIN_GLIBC = [2, 34];

function unsupported() {
  const where = `${process.platform}-${process.arch}`;
  if (where !== "linux-x64") return where;
  const report = process.report && process.report.getReport();
  const glibc = report && report.header && report.header.glibcVersionRuntime;
  if (!glibc) return "linux-x64 without glibc (musl?)";
  const [major, minor] = glibc.split(".").map(Number);
  if (major < MIN_GLIBC[0] || (major === MIN_GLIBC[0] && minor < MIN_GLIBC[1]))
    return `linux-x64 with glibc ${glibc}`;
  return null;
}

const platform = unsupported();
if (platform) {
  console.error(
    `rtlint: this package only runs on linux-x64 with glibc ${MIN_GLIBC.join(".")} or newer, not ${platform}; build rtlint from source (https://github.com/campfire/rtlint#install)`,
  );
  process.exit(2);
}

const exe = path.join(__dirname, "..", "native", "linux-x64", "bin", "rtlint");
const run = spawnSync(exe, process.argv.slice(2), { stdio: "inherit" });
if (run.error) {
  console.error(`rtlint: cannot run ${exe}: ${run.error.message}`);
  process.exit(2);
}
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status);
