#!/bin/bash
# Step 2 of action.yml: runs rtlint in the workspace with the action's inputs
# (INPUT_PATHS, INPUT_ARGS, INPUT_FORMAT, INPUT_BASELINE, INPUT_FAIL_ON),
# writes the outputs `sarif` and `exit-code` to $GITHUB_OUTPUT, and fails the
# step according to fail-on. rtlint's exit status 2 (usage or internal error)
# always fails it.
set -uo pipefail
fail() {
  echo "::error title=rtlint action::$1"
  exit 2
}
: "${GITHUB_WORKSPACE:?}" "${GITHUB_OUTPUT:?}" "${RUNNER_TEMP:?}"
cd "$GITHUB_WORKSPACE" || fail "cannot enter the workspace $GITHUB_WORKSPACE"
command -v rtlint >/dev/null || fail "rtlint is not on PATH (the install step puts it there)"

fail_on=${INPUT_FAIL_ON:-error}
case "$fail_on" in error | warning | never) ;; *) fail "fail-on must be error, warning or never, not '$fail_on'" ;; esac

# Word splitting of paths and args is wanted: several of each, as on a command
# line; pathname expansion is not (rtlint walks folders itself).
set -f
# shellcheck disable=SC2206
args=(--color never ${INPUT_ARGS:-})
[ "$fail_on" = warning ] && args+=(--max-warnings 0)
[ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
sarif=""
case "${INPUT_FORMAT:-sarif}" in
sarif)
  sarif="$RUNNER_TEMP/rtlint.sarif"
  args+=(--format sarif -o "$sarif")
  ;;
github) args+=(--format github) ;;
*) fail "format must be sarif or github, not '${INPUT_FORMAT}'" ;;
esac
# shellcheck disable=SC2206
paths=(${INPUT_PATHS:-.})

rtlint "${args[@]}" -- "${paths[@]}"
status=$?
{
  [ -n "$sarif" ] && echo "sarif=$sarif"
  echo "exit-code=$status"
} >>"$GITHUB_OUTPUT"
[ -n "$sarif" ] && echo "rtlint: SARIF written to $sarif (exit status $status)"
case "$status" in
0) exit 0 ;;
1) [ "$fail_on" = never ] && exit 0 || exit 1 ;;
*) exit "$status" ;;
esac
