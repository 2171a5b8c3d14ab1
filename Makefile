# The two commands a user needs: `make demo` (the main job) and `make test` (every test).
# Both build incrementally in build/; dependencies come from scripts/install-deps.sh.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LIENTHONG := $(BUILD)/lienthong
DEMO_DB := $(BUILD)/demo.db

.PHONY: all build demo test bench fuzz clean

all: build

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

# A fresh SQLite database with the demo units, then the tree they form.
demo: build
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(LIENTHONG) --db sqlite:$(DEMO_DB) db migrate
	$(LIENTHONG) --db sqlite:$(DEMO_DB) units import demo/provinces-2025.csv
	$(LIENTHONG) --db sqlite:$(DEMO_DB) units import demo/units-demo.csv
	$(LIENTHONG) --db sqlite:$(DEMO_DB) units tree

# The importer's scores on ../shared/corpus when it is there (reported, not gated), then the unit,
# store, importer and CLI tests on SQLite and on a throwaway PostgreSQL 15 cluster.
# The test list is discovered when ctest runs (so the PostgreSQL cases appear under the test
# cluster); drop the cached list so a run without the cluster never hides them.
test: build
	scripts/acceptance.sh $(BUILD)
	rm -f $(BUILD)/lienthong_tests*_tests.cmake
	scripts/with-postgres.sh env LIENTHONG_REQUIRE_POSTGRES=1 \
	  ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)

# Figures for the notes; not part of `make test`.
bench: build
	scripts/install-deps.sh bench
	scripts/with-postgres.sh scripts/run-benchmarks.sh $(BUILD)

# libFuzzer targets (fuzz/*_fuzz.cc), each run for FUZZ_SECONDS from its seeds in fuzz/seeds/.
FUZZ_SECONDS ?= 60
fuzz:
	scripts/install-deps.sh fuzz
	cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBUILD_FUZZ=ON -DBUILD_TESTS=OFF \
	  -DBUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-fuzz -j$(JOBS) --target fuzz_targets
	scripts/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD)
