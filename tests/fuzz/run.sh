#!/bin/sh
# make fuzz: builds the libFuzzer harnesses with clang (ASan + UBSan) in
# build-fuzz/, makes their corpora from the fixtures, and runs each harness
# for FUZZ_SECONDS (default 60) on one core. A crash, leak, timeout or input
# slower than 5 s leaves its input in build-fuzz/artifacts/<harness>/; copy
# it to tests/fuzz/regressions/<harness>/ with the fix (docs/security.md#fuzzing).
# FUZZ_HARNESSES picks harnesses (default: all).
set -u
cd "$(dirname "$0")/../.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
HARNESSES=${FUZZ_HARNESSES:-"lint_ts lint_tsx learn config suppress baseline cache_entry index merge fix"}
B=build-fuzz

command -v clang >/dev/null || { echo "make fuzz: clang is needed (tools/install-deps.sh installs it)"; exit 2; }
CC=clang cmake -S . -B $B -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRTLINT_FUZZ=ON >/dev/null || exit 2
targets="rtlint"
for h in $HARNESSES; do targets="$targets fuzz_$h"; done
# shellcheck disable=SC2086
cmake --build $B -j "${JOBS:-2}" --target $targets >/dev/null || exit 2
# Seeds from a run of rtlint itself: without sanitizer noise.
ASAN_OPTIONS=detect_leaks=0 python3 tests/fuzz/corpus.py --rtlint "$PWD/$B/rtlint" $B/corpus || exit 2

failed=""
for h in $HARNESSES; do
  mkdir -p $B/artifacts/$h $B/logs
  log=$B/logs/$h.log
  dict=""
  [ -f tests/fuzz/dicts/$h.dict ] && dict="-dict=tests/fuzz/dicts/$h.dict"
  # -close_fd_mask=3: the code's own messages (bad input is expected) stay
  # out of the log; sanitizer reports still reach it.
  stamp=$B/artifacts/$h/.started
  touch "$stamp"
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    $B/tests/fuzz/fuzz_$h -max_total_time="$SECONDS_EACH" -timeout=10 -report_slow_units=5 -rss_limit_mb=2048 \
      -max_len=65536 -close_fd_mask=3 -print_final_stats=1 \
      $dict -artifact_prefix=$B/artifacts/$h/ $B/corpus/$h >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  # A unit slower than 5 s is written as slow-unit-* without failing the run.
  slow=$(find $B/artifacts/$h -name 'slow-unit-*' -newer "$stamp" | head -1)
  if [ $rc -eq 0 ] && [ -n "$slow" ]; then
    echo "fuzz $h: SLOW input $slow, see $log"
    failed="$failed $h"
  elif [ $rc -eq 0 ]; then
    echo "fuzz $h: ${SECONDS_EACH}s, ${runs:-?} runs, $cov: nothing found"
  else
    echo "fuzz $h: FAILED (exit $rc), see $log and $B/artifacts/$h/"
    failed="$failed $h"
  fi
done
[ -z "$failed" ] || { echo "make fuzz: findings in:$failed"; exit 1; }
echo "make fuzz: no findings"
