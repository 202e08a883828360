#!/bin/sh
# Benchmark (not a test): `rtlint --staged` with 5 staged files in a
# 2,000-file repository. --staged reads the git index and HEAD's tree only, so
# the cost must not grow with the repository. Target: under 50 ms wall.
# Usage: tools/bench-staged.sh [path/to/rtlint] [runs]
set -eu
RTLINT=$(realpath "${1:-build/rtlint}")
RUNS=${2:-20}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
git init -q -b main .
mkdir -p lib components
printf 'export const supabase = { channel: (name: string) => name };\n' > lib/client.ts
i=0
while [ $i -lt 2000 ]; do
  d=components/m$((i / 100))
  mkdir -p $d
  printf 'import { supabase } from "../../lib/client";\nexport const c%d = (o: string) => supabase.channel(`org:${o}:presence`);\n' $i > $d/f$i.ts
  i=$((i + 1))
done
git add -A
GIT_AUTHOR_NAME=b GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=b GIT_COMMITTER_EMAIL=b@b git commit -q -m init
for n in 1 2 3 4 5; do
  printf 'import { supabase } from "../../lib/client";\nexport const s%d = (o: string) => supabase.channel(`org:${o}:conv:${o}`);\n' $n > components/m0/f$n.ts
done
git add components/m0
echo "repo: $(git ls-files | wc -l) files, $(git diff --cached --name-only | wc -l) staged"
python3 - "$RTLINT" "$RUNS" <<'PY'
import statistics, subprocess, sys, time
rtlint, runs = sys.argv[1], int(sys.argv[2])
def run(*args):
    t = time.perf_counter()
    p = subprocess.run([rtlint, "--color", "never", *args], capture_output=True, text=True)
    return time.perf_counter() - t, p
dt, p = run("--staged")
print(p.stdout.strip().splitlines()[-1])
staged = sorted(run("--staged")[0] for _ in range(runs))
full = sorted(run(".")[0] for _ in range(3))
print(f"rtlint --staged (5 files): median {statistics.median(staged)*1000:.1f} ms, "
      f"min {staged[0]*1000:.1f} ms over {runs} runs (target < 50 ms)")
print(f"rtlint . (all 2,001 files): median {statistics.median(full)*1000:.1f} ms, for comparison")
PY
