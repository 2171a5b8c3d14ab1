#!/usr/bin/env bash
# Runs every benchmark in BUILD/bench and prints their figures (used by `make bench`, normally
# under scripts/with-postgres.sh so the PostgreSQL figures are included).
set -euo pipefail
build=${1:-build}
for b in "$build"/bench/*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b"
done
# HTTP figures with wrk against `lienthong serve` (1,000,000 activities; the database is kept).
echo "== http_bench"
bench/http_bench.sh "$build" 1000000 10
