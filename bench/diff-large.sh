#!/bin/sh
# Benchmark: `rtlint --diff` on one 40,000-line file with 400 safe fixes spread
# through it. Prints the wall time and the peak RSS (GNU time). The diff used to
# keep a Myers trace per edit distance (memory ~ length x edits: about 1 GB
# here); libgit2's diff is linear in the texts.
#
#   bench/diff-large.sh [path/to/rtlint]     (default: build/rtlint)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
rtlint=$(cd "$(dirname "${1:-$here/build/rtlint}")" && pwd)/$(basename "${1:-$here/build/rtlint}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
python3 - <<'PY'
lines = []
for i in range(400):
    lines.append(f"export function f{i}(orgId: string, convId: string) {{")
    lines.append(f"  return supabase.channel(`org:${{orgId}}:conv:${{convId}}:typing`);")
    lines.append("}")
    lines.extend(f"export const v{i}_{k} = {k};" for k in range(97))
open("big.ts", "w").write('import { supabase } from "./supabase";\n' + "\n".join(lines[:-1]) + "\n")
PY
# --diff exits 1 when there are changes; time(1) then adds a status line.
/usr/bin/time -f '%e %M' -o time.txt "$rtlint" --no-cache --diff big.ts >big.diff || true
hunks=$(grep -c '^@@' big.diff || true)
read -r secs kb <<EOT
$(tail -n 1 time.txt)
EOT
echo "diff-large: 40,000 lines, $hunks hunks: ${secs} s, peak RSS $((kb / 1024)) MB"
