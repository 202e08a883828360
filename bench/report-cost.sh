#!/usr/bin/env bash
# Benchmark: what `rtlint report` costs next to `rtlint check` (issue: "the report tells the
# same truth as check, as fast"). Prints, each pair timed side by side in one hyperfine run:
#   1. `check --format json` vs `report --format json` on the generated 3,000-file tree, both
#      cold (--no-cache); target: report <= 1.3x check;
#   2. `report --format json` vs `report --format json --history 10` in a git repository of
#      that tree with 10 commits (each migrates two files); target: history <= 2x one report.
#
#   bench/report-cost.sh [path/to/rtlint]     (default: build/rtlint; needs hyperfine)
#
# A measurement, not a test: it prints figures and never fails on a missed target.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
rtlint=$(cd "$(dirname "${1:-$here/build/rtlint}")" && pwd)/$(basename "${1:-$here/build/rtlint}")
command -v hyperfine >/dev/null || { echo "report-cost: needs hyperfine (apt-get install hyperfine)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tree=$work/t3k
python3 "$here/bench/gen.py" --files 3000 --out "$tree" --seed 1 >/dev/null
hf() { hyperfine --style basic -N -i --warmup 1 --runs "${RUNS:-5}" --export-json "$work/$1.json" "${@:2}"; }
ratio() {  # ratio JSON: second command's mean / first's
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print("%.2f" % (r[1]["mean"]/r[0]["mean"]))' "$1"
}
cd "$tree"
hf check-vs-report -n check "$rtlint --no-cache --format json ." \
  -n report "$rtlint report --format json --no-cache ." >/dev/null
echo "report --format json / check --format json (3k files, cold): $(ratio "$work/check-vs-report.json")x  (target <= 1.3x)"

export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
git -c init.defaultBranch=main init -q
git add -A && git commit -qm "app"
# Each later commit migrates two hand-built channel names, as a team would.
grep -rl --include='*.ts' --include='*.tsx' 'supabase.channel(`org:' . | sort | head -18 >"$work/todo"
for i in 1 2 3 4 5 6 7 8 9; do
  sed -n "$((2 * i - 1)),$((2 * i))p" "$work/todo" | while read -r f; do
    sed -i 's/supabase.channel(`org:[^`]*`)/supabase.channel(UNIFIED_CHANNELS.organization(orgId))/' "$f"
  done
  git commit -qam "migrate step $i"
done
hf report-vs-history -n report "$rtlint report --format json --no-cache ." \
  -n history10 "$rtlint report --format json --no-cache --history 10 ." >/dev/null
echo "report --history 10 / report (3k files, 10 commits): $(ratio "$work/report-vs-history.json")x  (target <= 2x)"
