# Thin wrapper over CMake: `make demo` and `make test` are the README's two
# commands. Everything real lives in CMakeLists.txt and tests/.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all deps build demo test clean

all: build

deps:
	@tools/install-deps.sh

build: deps
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@echo "== rtlint fixtures/campfire-app =="
	@cd fixtures/campfire-app && ../../$(BUILD)/rtlint . || test $$? -eq 1

test: build
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

clean:
	rm -rf $(BUILD)
