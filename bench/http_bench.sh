#!/usr/bin/env bash
# HTTP figures for issue 4 with wrk on loopback: GET /api/v1/dashboard (whole country, one
# province), GET /api/v1/search and POST /api/v1/activities, each at 64 and at 1,000 concurrent
# keep-alive connections, against a SQLite database of 34 provinces, 3,321 communes (~60,000
# units) and ACTIVITIES activities (default 1,000,000).
#   bench/http_bench.sh BUILD_DIR [ACTIVITIES] [SECONDS]
# SERVE_FLAGS adds options to `lienthong serve` (e.g. SERVE_FLAGS="--workers 32"),
# SERVE_LOG_LEVEL=info keeps its request log and, at exit, how many activity requests shared each
# group commit (BUILD_DIR/bench-http/serve.log); ONLY=post runs only the POST figures.
# The database is built once and kept in BUILD_DIR/bench-http/ (delete it to rebuild).
set -euo pipefail
build=$(cd "${1:-build}" && pwd)
activities=${2:-1000000}
seconds=${3:-10}
bin="$build/lienthong"
work="$build/bench-http"
db="$work/bench.db"
mkdir -p "$work"
command -v wrk >/dev/null || { echo "http_bench: wrk is missing (scripts/install-deps.sh bench)" >&2; exit 1; }

if [ ! -f "$db.done-$activities" ]; then
  rm -f "$db" "$db"-* "$db".done-*
  # 34 provinces × 98 communes ≈ 3,332 communes (the country has 3,321) with their bodies.
  "$bin" demo generate --provinces 34 --communes-per-province 98 --agencies-per-province 10 \
    --agencies-per-commune 6 --areas-per-commune 10 -o "$work/units.csv" 2>/dev/null
  "$bin" --db "sqlite:$db" db migrate >/dev/null
  "$bin" --db "sqlite:$db" units import "$work/units.csv" >/dev/null
  "$bin" --db "sqlite:$db" demo activities --count "$activities"
  printf '%s\n' 'bench password 2025' | "$bin" --db "sqlite:$db" users add country \
    --unit VN --role manager --password-stdin >/dev/null
  printf '%s\n' 'bench password 2025' | "$bin" --db "sqlite:$db" users add province \
    --unit "$(sed -n 3p "$work/units.csv" | cut -d, -f1)" --role specialist --password-stdin >/dev/null
  touch "$db.done-$activities"
fi
province=$(sed -n 3p "$work/units.csv" | cut -d, -f1)
ulimit -n 65536 2>/dev/null || ulimit -n 4096
port=$((20000 + RANDOM % 20000))
"$bin" --db "sqlite:$db" serve --listen "127.0.0.1:$port" --log-level ${SERVE_LOG_LEVEL:-warn} ${SERVE_FLAGS:-} >"$work/serve.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

login() {  # prints "cookie csrf"
  local cookie csrf
  csrf=$(curl -s -c "$work/cookies.$1" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"bench password 2025\"}" \
    "http://127.0.0.1:$port/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
  cookie=$(awk '/lienthong_session/ {print $7}' "$work/cookies.$1")
  echo "$cookie $csrf"
}
read -r country_cookie _ <<<"$(login country)"
read -r province_cookie province_csrf <<<"$(login province)"

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "lienthong_session=$province_cookie"
wrk.headers["X-CSRF-Token"] = "$province_csrf"
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"unit":"$province","date":"2025-10-%02d","kind":"article","channel":"website","theme":"Chuyển đổi số","title":"Bài viết wrk %d","link":"https://example.org/%d","reach":%d}', (n % 28) + 1, n, n, n % 500)
  return wrk.format(nil, nil, nil, body)
end
LUA

run() {  # name connections cookie path [script]
  local name=$1 conns=$2 cookie=$3 path=$4 script=${5:-}
  local threads=2
  local out
  out=$(wrk -t$threads -c"$conns" -d"${seconds}s" --timeout 10s --latency \
    -H "Cookie: lienthong_session=$cookie" ${script:+-s "$script"} "http://127.0.0.1:$port$path")
  local rps p50 p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(grep -o 'Socket errors:.*' <<<"$out" || echo "Socket errors: none")
  non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' <<<"$out" || echo "Non-2xx or 3xx responses: 0")
  printf '%-34s c=%-5s %10s req/s  p50 %-9s p99 %-9s %s; %s\n' "$name" "$conns" "$rps" "$p50" "$p99" "$errors" "$non2xx"
}

echo "http_bench: $activities activities, ${seconds}s per run, $(nproc) cores, server on :$port"
for conns in 64 1000; do
  if [ "${ONLY:-}" = post ]; then
    run "POST activities (one per request)" "$conns" "$province_cookie" "/api/v1/activities" "$work/post.lua"
    continue
  fi
  run "GET dashboard country, 1 year" "$conns" "$country_cookie" "/api/v1/dashboard?unit=VN&from=2025-01-01&to=2025-12-31"
  run "GET dashboard province, 1 quarter" "$conns" "$country_cookie" "/api/v1/dashboard?unit=$province&from=2025-07-01&to=2025-09-30"
  run "POST activities (one per request)" "$conns" "$province_cookie" "/api/v1/activities" "$work/post.lua"
  # Last: a slow endpoint's backlog would otherwise delay the next run's first requests.
  run "GET search" "$conns" "$country_cookie" "/api/v1/search?q=chuyen+doi+so&limit=20"
done
