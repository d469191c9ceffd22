# Thin wrapper over the CMake presets. `make demo` and `make test` are the README's Quick start.
JOBS ?= $(shell nproc)
CUSTOS := build/release/src/custos/cli/custos

.PHONY: deps build demo test asan fuzz bench clean

deps:
	bash scripts/install-deps.sh

build: deps
	cmake --preset release
	cmake --build --preset release -j $(JOBS)

demo: build
	$(CUSTOS) scan examples/

test: build
	ctest --preset release -j $(JOBS)

asan: deps
	cmake --preset asan
	cmake --build --preset asan -j $(JOBS)
	ctest --preset asan -j $(JOBS)

# Runs every fuzz target for FUZZ_SECONDS each.
FUZZ_SECONDS ?= 20
fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz -j $(JOBS)
	bash scripts/run-fuzzers.sh build/fuzz $(FUZZ_SECONDS)

bench: build
	bash bench/run.sh

clean:
	rm -rf build
