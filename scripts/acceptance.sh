#!/usr/bin/env bash
# Scores `lienthong import` on the real-document corpus in ../shared/corpus (relative to the repo
# root), strict and loose (diacritics removed), with ../shared/tools/score_import.py.
# It reports; it never fails the run: the exit status is always 0.
#
#   scripts/acceptance.sh BUILD_DIR
set -u
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
case "$build" in /*) ;; *) build="$PWD/$build" ;; esac
corpus="$root/../shared/corpus"
scorer="$root/../shared/tools/score_import.py"

if [ ! -d "$corpus" ]; then
  echo "acceptance: ../shared/corpus not found, skipped"
  exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "acceptance: python3 not found, skipped"
  exit 0
fi
if [ ! -f "$scorer" ]; then
  echo "acceptance: ../shared/tools/score_import.py not found, skipped"
  exit 0
fi
if [ ! -x "$build/lienthong" ]; then
  echo "acceptance: $build/lienthong not built, skipped"
  exit 0
fi

for mode in "" "--loose"; do
  echo "== acceptance: score_import.py --verbose ${mode:-(strict)}"
  python3 "$scorer" --dir "$corpus" --cmd "$build/lienthong import --format json {}" --verbose $mode ||
    echo "acceptance: scorer exited with status $?"
done
exit 0
