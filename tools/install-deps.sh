#!/bin/sh
# Installs what rtlint needs to build and test, on Debian 12, only if missing
# (clang and libclang-rt-14-dev, which holds libFuzzer, for `make fuzz`;
# patchelf for `make dist`'s bundle; nodeenv, which pre-commit's node hooks
# use, here with the system's node: tests/npm_test.py; neovim, whose built-in
# LSP client tests `rtlint lsp`; graphviz, whose `dot` checks the contract
# graph's dot view in tests/graph_views.py):
# Debian packages with apt-get, the pinned tree-sitter runtime and grammars, the SARIF
# multitool and the TypeScript compiler (both tests only) with npm ci.
set -eu
cd "$(dirname "$0")/.."

PACKAGES="gcc make cmake pkg-config git python3 libpcre2-dev
libjansson-dev libgit2-dev libyaml-dev libxxhash-dev libcmocka-dev python3-jsonschema python3-yaml valgrind
pre-commit nodeenv chromium graphviz clang libclang-rt-14-dev patchelf neovim"

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"

if [ -n "$missing" ]; then
  echo "install-deps: installing$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

# The tree-sitter runtime and grammars are pinned by grammar/package-lock.json
# (integrity hashes); --ignore-scripts: we compile their C sources ourselves
# (lib.c, parser.c, scanner.c), no node-gyp.
stamp=grammar/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ grammar/package-lock.json -nt "$stamp" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --prefix grammar
fi

# Microsoft's SARIF validator for the tests (tests/sarif_multitool.py), pinned by
# tools/sarif/package-lock.json. The npm package ships a self-contained linux
# binary; its postinstall only marks it executable, which we do ourselves.
stamp=tools/sarif/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ tools/sarif/package-lock.json -nt "$stamp" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --prefix tools/sarif
  chmod u+x tools/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool 2>/dev/null || true
fi

# The TypeScript compiler as the tests' oracle (tests/parse_notices.py,
# tests/fix_oracle.py), pinned by tools/tsoracle/package-lock.json; it has no
# install scripts to skip.
stamp=tools/tsoracle/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ tools/tsoracle/package-lock.json -nt "$stamp" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --prefix tools/tsoracle
fi

# A real LSP client library for the language server's protocol tests
# (tests/lsp/protocol.js), pinned by tools/lspclient/package-lock.json; no
# install scripts.
stamp=tools/lspclient/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ tools/lspclient/package-lock.json -nt "$stamp" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --prefix tools/lspclient
fi
