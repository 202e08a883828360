#!/bin/sh
# Print the ground truth of the evaluation corpus, one expectation per line:
#   ruleid <path>:<line>:<rule-id>     a finding the linter must report
#   ok     <path>:<line>:<rule-id>     a tricky line the linter must NOT report for that rule
# Usage: eval/expected.sh [CORPUS_DIR]    (default: the corpus next to this script)
# An annotation comment applies to the next line that is not itself an annotation comment.
set -eu
dir=${1:-$(dirname "$0")/corpus}
find "$dir" \( -name node_modules -prune \) -o \( -name '*.ts' -o -name '*.tsx' \) -type f -print | LC_ALL=C sort |
while IFS= read -r f; do
  awk -v path="$f" '
    function flush(target,   i, n, ids, kind) {
      for (i = 1; i <= npending; i++) {
        kind = pkind[i]
        n = split(pids[i], ids, /[ \t]*,[ \t]*/)
        for (j = 1; j <= n; j++) if (ids[j] != "") printf "%s %s:%d:%s\n", kind, path, target, ids[j]
      }
      npending = 0
    }
    {
      line = $0
      if (match(line, /^[ \t]*(\/\/|\{?\/\*)[ \t]*(ruleid|ok):[ \t]*[a-z][a-z0-9, \t-]*/)) {
        ann = substr(line, RSTART, RLENGTH)
        sub(/^[ \t]*(\/\/|\{?\/\*)[ \t]*/, "", ann)
        kind = ann; sub(/:.*/, "", kind)
        ids = ann; sub(/^[a-z]+:[ \t]*/, "", ids); sub(/[ \t,]+$/, "", ids)
        npending++; pkind[npending] = kind; pids[npending] = ids
        next
      }
      if (npending > 0) flush(NR)
    }
  ' "$f"
done
