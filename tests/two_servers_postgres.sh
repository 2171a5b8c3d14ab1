#!/usr/bin/env bash
# Two `lienthong serve` processes on one PostgreSQL database share everything: a session made on
# one works on the other, a write through the second is visible through the first, and a logout on
# one ends the session on both (no state lives only in a process's memory).
#   scripts/with-postgres.sh tests/two_servers_postgres.sh BUILD_DIR
set -euo pipefail
bin="${1:-build}/lienthong"
url="${LIENTHONG_TEST_POSTGRES:?run under scripts/with-postgres.sh}"
schema="two_servers_$$"
psql -q "$url" -c "CREATE SCHEMA $schema" >/dev/null
db="$url?options=-csearch_path%3D$schema"
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q "$url" -c "DROP SCHEMA $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "two servers: FAIL: $*" >&2; exit 1; }

"$bin" --db "$db" db migrate >/dev/null
"$bin" --db "$db" units import demo/provinces-2025.csv >/dev/null
echo 'two processes password' |
  "$bin" --db "$db" users add two.proc --unit 66 --role manager --password-stdin >/dev/null
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
a=$(port); b=$(port)
"$bin" --db "$db" serve --listen "127.0.0.1:$a" --log-level warn >"$work/a.log" 2>&1 & pids+=($!)
"$bin" --db "$db" serve --listen "127.0.0.1:$b" --log-level warn >"$work/b.log" 2>&1 & pids+=($!)
for p in $a $b; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$p/healthz" >/dev/null && break; sleep 0.1; done
done

csrf=$(curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"username":"two.proc","password":"two processes password"}' \
  "http://127.0.0.1:$a/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
status() { curl -s -o "$work/body" -w '%{http_code}' -b "$work/cookies" "$@"; }
[ "$(status "http://127.0.0.1:$b/api/v1/session")" = 200 ] || fail "a session from :$a is unknown on :$b"
[ "$(status -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"unit":"66","date":"2025-10-01","kind":"article","channel":"website","theme":"","title":"Hai tiến trình một cơ sở dữ liệu","link":"","reach":1}' \
  "http://127.0.0.1:$b/api/v1/activities")" = 201 ] || fail "write through :$b refused: $(cat "$work/body")"
[ "$(status "http://127.0.0.1:$a/api/v1/activities?unit=66")" = 200 ] || fail "list on :$a"
grep -q 'Hai tiến trình một cơ sở dữ liệu' "$work/body" || fail "the write through :$b is not visible on :$a"
[ "$(status -H "X-CSRF-Token: $csrf" -X DELETE "http://127.0.0.1:$b/api/v1/session")" = 204 ] ||
  fail "logout on :$b"
[ "$(status "http://127.0.0.1:$a/api/v1/session")" = 401 ] || fail "logout on :$b did not end the session on :$a"
echo "two servers: ok (session, write, read and logout across two processes on one PostgreSQL)"
