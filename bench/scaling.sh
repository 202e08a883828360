#!/bin/sh
# Benchmark: cost grows with the input, not its square (issue 11). Prints, for
# each shape, rtlint's wall and CPU time, peak RSS and its tree-work counter
# (RTLINT_STATS=1), on one file (or one configuration) per row.
#
#   bench/scaling.sh [path/to/rtlint]     (default: build/rtlint)
#
# Shapes: 1,000 channel calls in one file; 10k/20k/100k-line files with 100
# module-level channel-name constants, and the 10k/20k ones with their last
# closing brace missing (a file being typed); 2,000 components with a props
# interface each, whole and half-written; a 3.9 MiB one-line minified file; 8k and
# 100k nested arrow functions around .channel(); 100k parentheses around the
# argument; an exclude glob '*a*a*a*a*b' against a 200-character file name and
# eight '**/a/' against a 100-folder path; 100,000 event_migrations keys;
# 100,000 nested '[' in rtlint.yaml; 1,000 names imported from a module of 8,000 exports;
# 2,000 inserts into "messages" of const rows; 2,000 components that each build
# a channel name in an effect and again in its cleanup; 8,000 functions that
# each listen for an event nobody sends and send one nobody hears on one channel;
# 4,000 senders of an event on org:{}:conv:{} and 4,000 listeners of it on its
# near miss org:{}:conversation:{}; typing-stop-missing's fixture of handled
# typing listeners repeated 400 times with its last brace missing, and the same
# for the sample app's WidgetPresence.tsx and eval/corpus's WidgetMessages.tsx
# (400 times), notify.ts (800 times) and WidgetHeader.tsx (400 times); 8,000
# '*' listeners each dispatching on the event; one '*' listener switching over
# 8,000 events; 4,000 components subscribing through useRealtime; 8,000
# functions each sending through a helper of its own.
# Targets: 10k lines under 0.2 s, 20k within 2.2x of 10k, the minified file under 2 s.
# BENCH_ONLY="case ..." runs only those rows; BENCH_TIMEOUT (default 600 s) per row.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
rtlint=$(cd "$(dirname "${1:-$here/build/rtlint}")" && pwd)/$(basename "${1:-$here/build/rtlint}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$here" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(sys.argv[2], "tests"))
import scaling_test as s
out = sys.argv[1]
def w(name, text):
    os.makedirs(os.path.join(out, os.path.dirname(name)), exist_ok=True)
    open(os.path.join(out, name), "w").write(text)
w("calls1k/a.ts", s.calls(1000))
for n in (10, 20, 100):
    w(f"lines{n}k/a.ts", s.constants(n * 200))   # 5 lines per function
for n in (10, 20):
    w(f"halfwritten{n}k/a.ts", s.half_written(n * 200))   # the last brace not typed yet
w("props2k/a.tsx", s.props_components(2000))
w("props2k-half/a.tsx", s.props_components(2000).rstrip()[:-1] + "\n")
body = s.minified(20000)
while len(body) < 3_900_000:
    body = body.rstrip("\n") + body
w("minified/a.ts", body[:3_900_000].rsplit("}", 1)[0] + "}\n")
use, others = s.imports(8000)
w("imports8k/a.ts", use)
w("imports8k/names.ts", others["names.ts"])
w("writes2k/a.ts", s.message_writes(2000))
w("components2k/a.tsx", s.components(2000))
w("unheard8k/a.ts", s.unheard(8000))
w("nearmiss4k/a.ts", s.near_miss(4000))
w("objectmap8k/a.ts", s.object_map(8000))
def tree(row, make, n):
    text, others, main = make(n)
    for name, body in list(others.items()) + [(main, text)]:
        w(row + "/" + name, body)
tree("typing-half400", s.rule_fixture("typing-stop-missing/components/Handled.tsx"), 400)
tree("presence-half400", s.half_written_file("fixtures/campfire-app", "components/widget/WidgetPresence.tsx"), 400)
tree("messages-half400", s.half_written_file("eval/corpus", "src/components/widget/WidgetMessages.tsx"), 400)
tree("notify-half800", s.half_written_file("eval/corpus", "src/lib/realtime/notify.ts"), 800)
tree("header-half400", s.half_written_file("eval/corpus", "src/components/widget/WidgetHeader.tsx"), 400)
w("star8k/a.ts", s.star_listeners(8000))
w("cases8k/a.ts", s.star_cases(8000))
w("subscribers4k/a.tsx", s.hook_subscribers(4000))
w("helpers8k/a.ts", s.local_helpers(8000))
w("arrows8k/a.ts", s.arrows(8000))
w("arrows100k/a.ts", s.arrows(100000))
w("parens100k/a.ts", s.parens(100000))
# A 200-character file name for the stars; 100 one-letter folders for "**/".
w("glob-stars/" + "a" * 197 + ".ts", "export const x = 1;\n")
w("glob-stars/rtlint.yaml", 'exclude: ["*a*a*a*a*b"]\n')
w("glob-globstar/" + "a/" * 100 + "x.ts", "export const x = 1;\n")
w("glob-globstar/rtlint.yaml", 'exclude: ["' + "**/a/" * 8 + 'y.ts"]\n')
w("migrations100k/a.ts", "export const x = 1;\n")
w("migrations100k/rtlint.yaml", "event_migrations:\n" + "".join(f"  old_{i}: MESSAGE_CREATED\n" for i in range(100000)))
w("brackets100k/a.ts", "export const x = 1;\n")
w("brackets100k/rtlint.yaml", "include: " + "[" * 100000 + "]" * 100000 + "\n")
PY
printf '%-16s %9s %9s %9s %12s  %s\n' case wall_s cpu_s rss_MB work result
for c in calls1k lines10k lines20k lines100k halfwritten10k halfwritten20k props2k props2k-half minified imports8k writes2k components2k unheard8k nearmiss4k objectmap8k typing-half400 \
         presence-half400 messages-half400 notify-half800 header-half400 star8k cases8k subscribers4k helpers8k arrows8k arrows100k parens100k \
         glob-stars glob-globstar migrations100k brackets100k; do
  [ -z "${BENCH_ONLY:-}" ] || case " $BENCH_ONLY " in *" $c "*) ;; *) continue ;; esac
  cd "$work/$c"
  RTLINT_STATS=1 /usr/bin/time -f '%e %U %M' -o "$work/time" \
    timeout "${BENCH_TIMEOUT:-600}" "$rtlint" --no-cache -f json -o "$work/out.json" . \
    2>"$work/err" || true
  set -- $(tail -1 "$work/time" | grep -E '^[0-9.]+ [0-9.]+ [0-9]+$' || echo "timeout - 0")
  wk=$(sed -n 's/^rtlint-stats: work=//p' "$work/err")
  res=$(python3 -c "import json,sys
try:
  d=json.load(open(sys.argv[1])); print(d['summary']['errors'], 'errors,', len(d['notices']), 'notices')
except Exception: print(open(sys.argv[2]).read().strip().splitlines()[0][:60] if open(sys.argv[2]).read().strip() else '-')" \
    "$work/out.json" "$work/err" 2>/dev/null)
  rm -f "$work/out.json"
  printf '%-16s %9s %9s %9s %12s  %s\n' "$c" "$1" "$2" "$(( ${3:-0} / 1024 ))" "${wk:--}" "$res"
done
