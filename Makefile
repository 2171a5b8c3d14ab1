# The two commands a user needs: `make demo` (the main job) and `make test` (every test).
# Both build incrementally in build/; dependencies come from scripts/install-deps.sh.
BUILD ?= build
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
LIENTHONG := $(BUILD)/lienthong
DEMO_DB := $(BUILD)/demo.db

.PHONY: all build server web demo test test-browser bench fuzz package clean

all: build

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

# Only the server binary, for the web build (which writes its API types from it).
server: $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) --target lienthong -j$(JOBS)

# The web UI (TypeScript, built by Vite on Debian's Node 18) into web/dist, which `serve` serves.
# Its API types are generated from the OpenAPI document the built server writes
# (web/generated/, not committed), so the web build needs the server built first.
# npm ci runs again only when the lock file changes.
web: server web/node_modules/.installed
	mkdir -p web/generated
	$(LIENTHONG) openapi > web/generated/openapi.json.tmp
	mv web/generated/openapi.json.tmp web/generated/openapi.json
	cd web && npm run build
# Some npm 10/11 setups (omit-lockfile-registry-resolved) refuse `npm ci` on a lock file without
# every platform's optional packages; `npm install --no-save` then installs the same locked versions.
web/node_modules/.installed: web/package-lock.json
	cd web && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund --no-save)
	touch $@

# A fresh SQLite database with demo units, plans, a cascade, tasks, activities, reports and
# accounts, then the server on http://127.0.0.1:$(DEMO_PORT)/ (Ctrl-C stops it).
DEMO_PORT ?= 8080
demo: build web
	scripts/demo.sh $(BUILD) $(DEMO_DB) $(DEMO_PORT)

# The layer check (docs/design.md, "Layers"), the OpenAPI document checked by an independent
# validator (tests/openapi/), the importer's scores on ../shared/corpus when it is
# there (reported, not gated), then the unit, store, importer and CLI tests on SQLite and on a
# throwaway PostgreSQL 15 cluster.
# The test list is discovered when ctest runs (so the PostgreSQL cases appear under the test
# cluster); drop the cached list so a run without the cluster never hides them.
test: build web
	scripts/check-tools.py
	scripts/check-layers.py
	tests/openapi/check.sh $(BUILD)
	scripts/acceptance.sh $(BUILD)
	rm -f $(BUILD)/lienthong_tests*_tests.cmake
	scripts/with-postgres.sh env LIENTHONG_REQUIRE_POSTGRES=1 LIENTHONG_REQUIRE_TOOLS=1 \
	  ctest --test-dir $(BUILD) --output-on-failure -j$(JOBS)
	scripts/with-postgres.sh tests/two_servers_postgres.sh $(BUILD)
	tests/browser/run.sh $(BUILD)

# Only the browser tests (Debian's Chromium driven by playwright-core); screenshots go to
# $(BUILD)/test-artifacts/screenshots/.
test-browser: build web
	tests/browser/run.sh $(BUILD)

# Figures for the notes; not part of `make test`.
bench: build
	scripts/install-deps.sh bench
	scripts/with-postgres.sh scripts/run-benchmarks.sh $(BUILD)

# libFuzzer targets (fuzz/*_fuzz.cc), each run for FUZZ_SECONDS from its seeds in fuzz/seeds/.
FUZZ_SECONDS ?= 60
KEEP_CORPUS ?= 0
fuzz:
	scripts/install-deps.sh fuzz
	cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBUILD_FUZZ=ON -DBUILD_TESTS=OFF \
	  -DBUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build build-fuzz -j$(JOBS) --target fuzz_targets
	KEEP_CORPUS=$(KEEP_CORPUS) scripts/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS)

# A Debian package (build/lienthong_VERSION_ARCH.deb): the binary, the web UI, the systemd unit,
# /etc/default/lienthong and the nginx example (docs/operations.md). Built without tests.
package: build web
	scripts/install-deps.sh package
	rm -f $(BUILD)/lienthong_*.deb
	cd $(BUILD) && cpack -G DEB
	dpkg-deb --info $(BUILD)/lienthong_*.deb | sed -n '/Package:/,$$p'
	dpkg-deb --contents $(BUILD)/lienthong_*.deb
	lintian --no-tag-display-limit $(BUILD)/lienthong_*.deb || true

clean:
	rm -rf $(BUILD)
