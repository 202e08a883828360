#!/bin/bash
# Step 1 of action.yml: puts the release bundle's bin/ on the job's PATH
# ($GITHUB_PATH). From INPUT_BUNDLE (a bundle .tar.gz or the npm package .tgz,
# relative to the workspace) when given, else the npm package rtlint@VERSION
# from the registry (VERSION: INPUT_VERSION, default the action's own version,
# read from its CMakeLists.txt). Nothing is compiled.
set -euo pipefail
fail() {
  echo "::error title=rtlint action::$1"
  exit 2
}
if [ "${RUNNER_OS:-Linux}" != Linux ] || [ "${RUNNER_ARCH:-X64}" != X64 ]; then
  fail "rtlint's bundle is built for Linux X64 runners only, not ${RUNNER_OS:-?} ${RUNNER_ARCH:-?}"
fi
: "${RUNNER_TEMP:?}" "${GITHUB_PATH:?}" "${GITHUB_WORKSPACE:?}"
here=$(cd "$(dirname "$0")/../.." && pwd)
dest="$RUNNER_TEMP/rtlint"
rm -rf "$dest"
mkdir -p "$dest"

bundle=${INPUT_BUNDLE:-}
if [ -z "$bundle" ]; then
  version=${INPUT_VERSION:-$(sed -n 's/^project(rtlint VERSION \([^ )]*\).*/\1/p' "$here/CMakeLists.txt")}
  (cd "$dest" && npm pack --silent "rtlint@$version" >/dev/null) ||
    fail "could not fetch rtlint@$version from the npm registry"
  bundle=$(ls "$dest"/rtlint-*.tgz)
fi
case "$bundle" in /*) ;; *) bundle="$GITHUB_WORKSPACE/$bundle" ;; esac
[ -f "$bundle" ] || fail "no such bundle: $bundle"

tar -xzf "$bundle" -C "$dest"
# The npm package holds the bundle in package/native/linux-x64.
bin=""
for dir in "$dest"/package/native/linux-x64/bin "$dest"/rtlint-*-linux-x64/bin; do
  [ -x "$dir/rtlint" ] && bin=$dir
done
[ -n "$bin" ] || fail "$bundle holds no linux-x64 rtlint"
echo "$bin" >>"$GITHUB_PATH"
echo "rtlint: $("$bin/rtlint" --version) from $bundle"
