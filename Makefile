# Thin wrapper over CMake: `make demo` and `make test` are the README's two
# commands. Everything real lives in CMakeLists.txt and tests/.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
DIST_BUILD ?= build-dist
PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: all deps build install install-built dist demo test check check-asan check-tsan check-valgrind fuzz fuzz-regress clean

all: build

deps:
	@tools/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# `make install PREFIX=/opt/rtlint DESTDIR=/tmp/stage`: cmake --install of the
# build (install-built skips the build step, for packaging an existing build).
install: build
	@$(MAKE) --no-print-directory install-built

install-built:
	@DESTDIR="$(DESTDIR)" cmake --install $(BUILD) --prefix "$(PREFIX)"

# The release bundle dist/rtlint-VERSION-linux-x64.tar.gz (tools/dist.sh): a
# Release binary with the libraries Debian ships as archives linked in and the
# others bundled beside it (README, "Install").
dist: deps
	@cmake -S . -B $(DIST_BUILD) -DCMAKE_BUILD_TYPE=Release -DRTLINT_STATIC_DEPS=ON >/dev/null
	@cmake --build $(DIST_BUILD) -j $(JOBS) --target rtlint
	@tools/dist.sh $(DIST_BUILD) dist

demo: build
	@echo "== rtlint fixtures/campfire-app =="
	@cd fixtures/campfire-app && ../../$(BUILD)/rtlint --no-cache . || test $$? -eq 1

# Every test in the normal build, again under ASan+UBSan, the thread pools
# (lint, report --history) under ThreadSanitizer, and the sample app under
# valgrind.
test: check check-asan check-tsan check-valgrind
	@echo "make test: all suites passed"

check: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

check-asan: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRTLINT_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS) -E '^(sarif\.multitool|dist\..*)$$'

check-tsan: deps
	@cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRTLINT_TSAN=ON >/dev/null
	@cmake --build build-tsan -j $(JOBS) --target rtlint
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 python3 tests/equivalence.py --rtlint $(CURDIR)/build-tsan/rtlint
	@TSAN_OPTIONS=halt_on_error=1:exitcode=66 python3 tests/report_config.py --rtlint $(CURDIR)/build-tsan/rtlint >/dev/null && echo "tsan: report --history clean"

check-valgrind: build
	@cd fixtures/campfire-app && valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite ../../$(BUILD)/rtlint --no-cache -j 2 . >/dev/null; \
		test $$? -eq 1 && echo "valgrind: sample app clean"

# libFuzzer harnesses (tests/fuzz, docs/security.md#fuzzing), FUZZ_SECONDS each
# (default 60), under ASan+UBSan; needs clang.
fuzz: deps
	@tests/fuzz/run.sh

# The fuzzers' regressions and seeds, replayed under ASan+UBSan with the
# default compiler (also part of check and check-asan).
fuzz-regress: deps
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DRTLINT_SANITIZE=ON >/dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		ctest --output-on-failure -j $(JOBS) -R '^fuzz\.replay\.'

clean:
	rm -rf $(BUILD) build-asan build-tsan build-fuzz $(DIST_BUILD) dist
