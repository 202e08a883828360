#!/bin/sh
# 10,000 random incremental edits to one `rtlint lsp` buffer under ASan/UBSan
# (tests/lsp_random_edits.py; make test runs 300): no sanitizer report, and the
# final diagnostics equal a fresh `--stdin-filename` lint of the same text.
#   bench/lsp-edits.sh [EDITS] [RTLINT]   (default: 10000, build-asan/rtlint)
set -eu
cd "$(dirname "$0")/.."
edits=${1:-10000}
rtlint=${2:-build-asan/rtlint}
if [ ! -x "$rtlint" ]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRTLINT_SANITIZE=ON >/dev/null
  cmake --build build-asan -j2 --target rtlint
fi
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  python3 tests/lsp_random_edits.py --rtlint "$rtlint" --edits "$edits"
