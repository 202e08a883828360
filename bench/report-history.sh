#!/bin/sh
# Benchmark: `rtlint report --history 50` over a generated 2,000-file repository.
# Prints the time with every file of every commit linted (--no-reuse, "cold")
# and with blob reuse (the default), and their ratio.
#
#   bench/report-history.sh [path/to/rtlint]     (default: build/rtlint)
#
# The repository is deterministic: 2,000 .ts/.tsx files in 20 directories; one
# in ten builds a channel name by hand and imports a shared helper; commit 1 adds
# everything, commits 2..50 each migrate two files (UNIFIED_CHANNELS instead of
# a template), like a team migrating a few files a day.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
rtlint=$(cd "$(dirname "${1:-$here/build/rtlint}")" && pwd)/$(basename "${1:-$here/build/rtlint}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo=$work/repo
mkdir -p "$repo"
cd "$repo"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.com
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.com
git -c init.defaultBranch=main init -q

python3 - <<'PY'
import os
os.makedirs("lib/realtime", exist_ok=True)
open("lib/realtime/helpers.ts", "w").write(
    "export function subscribeToChannel(name: string, event: string) { return [name, event]; }\n")
open("tsconfig.json", "w").write('{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./*"]}}}\n')
for i in range(2000):
    d = f"src/area{i % 20:02d}"
    os.makedirs(d, exist_ok=True)
    ext = "tsx" if i % 3 == 0 else "ts"
    body = [f"// generated file {i}", f"export const value{i} = {i};"]
    for k in range(30):
        body.append(f"export function f{i}_{k}(x: number): number {{ return x * {k} + {i}; }}")
    if i % 10 == 0:
        body.insert(0, 'import { subscribeToChannel } from "@/lib/realtime/helpers";')
        body.append(f"export function join{i}(supabase: any, orgId: string, convId: string) {{")
        body.append("  return supabase.channel(`org:${orgId}:conv:${convId}`);  // MIGRATE")
        body.append("}")
        body.append(f"export function sub{i}(orgId: string) {{")
        body.append("  return subscribeToChannel(`org:${orgId}:conversations`, \"message:created\");")
        body.append("}")
    open(f"{d}/file{i:04d}.{ext}", "w").write("\n".join(body) + "\n")
PY
git add -A
git commit -q -m "generated app"
n=0
for i in $(seq 0 10 980); do
  [ $n -lt 98 ] || break
  f=$(ls src/area*/file$(printf %04d "$i").ts* 2>/dev/null | head -1)
  sed -i 's/supabase.channel(`org:${orgId}:conv:${convId}`);  \/\/ MIGRATE/supabase.channel(UNIFIED_CHANNELS.conversation(orgId, convId));/' "$f"
  n=$((n + 1))
  if [ $((n % 2)) -eq 0 ]; then git commit -q -am "migrate two files ($n)"; fi
  [ "$(git rev-list --count HEAD)" -lt 50 ] || break
done
commits=$(git rev-list --count HEAD)
files=$(git ls-files '*.ts' '*.tsx' | wc -l)
echo "repository: $files TypeScript files, $commits commits"

now() { date +%s.%N; }
t0=$(now); "$rtlint" report --format json --output "$work/one.json" . 2>/dev/null; t1=$(now)
"$rtlint" report --format json --history 50 --no-reuse --output "$work/cold.json" . 2>"$work/cold.err"; t2=$(now)
"$rtlint" report --format json --history 50 --output "$work/warm.json" . 2>"$work/warm.err"; t3=$(now)
python3 - "$work" "$t0" "$t1" "$t2" "$t3" <<'PY'
import json, sys
w, t0, t1, t2, t3 = sys.argv[1], *map(float, sys.argv[2:])
cold, warm = json.load(open(f"{w}/cold.json")), json.load(open(f"{w}/warm.json"))
strip = lambda h: [{k: v for k, v in x.items() if k not in ("files_linted", "files_reused")} for x in h]
assert strip(cold["history"]) == strip(warm["history"]), "reuse changed the numbers"
f = [h["totals"]["findings"] for h in warm["history"]]
print(f"burndown: {f[0]} -> {f[-1]} findings over {len(f)} commits")
print(f"one report (working tree):        {t1 - t0:6.2f} s")
print(f"history 50, cold (--no-reuse):    {t2 - t1:6.2f} s   ({open(f'{w}/cold.err').read().strip()})")
print(f"history 50, with blob reuse:      {t3 - t2:6.2f} s   ({open(f'{w}/warm.err').read().strip()})")
print(f"cold / reuse: {(t2 - t1) / (t3 - t2):.1f}x")
PY
