#!/usr/bin/env bash
# Rebuilds data/diacritics-vi.model, the model the diacritic restorer embeds, from the shared text
# corpus (docs/diacritics.md says what it holds and why these parameters). Deterministic: the same
# corpus and parameters give the same bytes, so the SHA-256 printed at the end can be compared.
#   scripts/build-diacritics-model.sh [SHARED_DIR] [BUILD_DIR]      (defaults: ../shared build)
# Needs SHARED_DIR/textcorpus (training text) and SHARED_DIR/corpus (evaluation documents, kept
# out of training). Takes a few minutes and about 1.5 GB of memory.
set -euo pipefail
shared=${1:-../shared}
build=${2:-build}
cd "$(dirname "$0")/.."

for f in textcorpus/admin-vi.txt.xz textcorpus/admin-vi.manifest.tsv.xz textcorpus/legal-vi-2.txt.xz; do
  [ -f "$shared/$f" ] || { echo "build-diacritics-model: $shared/$f is missing" >&2; exit 1; }
done
[ -d "$shared/corpus" ] || { echo "build-diacritics-model: $shared/corpus is missing" >&2; exit 1; }

[ -f "$build/CMakeCache.txt" ] || cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build" --target build_diacritics_model -j"$(nproc)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in admin-vi.txt admin-vi.manifest.tsv legal-vi-2.txt; do
  xz -dc "$shared/textcorpus/$f.xz" > "$tmp/$f"
done

# The shipped parameters: a 4-gram model keeping 3-grams seen at least twice and 4-grams seen at
# least five times, n-gram tables 85% full; admin-vi (recent plans, the text lienthong reads)
# counted twice against the codified legal text.
"$build/build_diacritics_model" \
  --admin "$tmp/admin-vi.txt" --admin-manifest "$tmp/admin-vi.manifest.tsv" --admin-weight 2 \
  --text "$tmp/legal-vi-2.txt" --held-out "$shared/corpus" \
  --order 4 --min-count 1 2 5 --table-load 0.85 \
  -o data/diacritics-vi.model
ls -l data/diacritics-vi.model
sha256sum data/diacritics-vi.model
