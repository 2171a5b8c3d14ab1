#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD for SECONDS each, starting from fuzz/seeds/<target>/ and
# keeping what it finds in a scratch corpus. Fails on the first crash, leak, hang or blow-up.
# KEEP_CORPUS=1 then merges the inputs that add coverage into fuzz/seeds/<target>/ (libFuzzer
# -merge=1: only inputs that reach new coverage are copied), to be committed.
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
export LSAN_OPTIONS="suppressions=$root/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
for fuzzer in "$build"/*_fuzz; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer" _fuzz)
  seeds="$root/fuzz/seeds/${name%%_*}"
  work=$(mktemp -d)
  [ -d "$seeds" ] && cp -r "$seeds/." "$work/"
  echo "== $name: ${seconds}s from $(find "$work" -type f | wc -l) seeds"
  # -timeout: a single input over 10 s is a hang; -rss_limit_mb: unbounded memory is a bug.
  if ! "$fuzzer" "$work" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$build/$name-"; then
    echo "== $name FAILED; the input is in $build/$name-*" >&2
    status=1
  elif [ "${KEEP_CORPUS:-0}" = 1 ]; then
    mkdir -p "$seeds"
    "$fuzzer" -merge=1 -timeout=10 -rss_limit_mb=2048 "$seeds" "$work" 2>&1 | tail -n 1
  fi
  rm -rf "$work"
done
exit $status
