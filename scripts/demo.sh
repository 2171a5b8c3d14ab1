#!/usr/bin/env bash
# `make demo`: a fresh SQLite database with demo data, then `lienthong serve` in the foreground.
#   scripts/demo.sh BUILD_DIR DB_FILE PORT
# Data: the 34 provinces and demo units of Đắk Lắk (demo/*.csv); accounts at four levels; the
# province's plan and a commune's implementing plan (demo/plans/, fictional), a plan derived
# from the province's for another commune through the API; synthetic activities; report slots and
# a few submitted reports when the reporting API is present.
set -euo pipefail
build=${1:-build}
db_file=${2:-$build/demo.db}
port=${3:-8080}
bin="$build/lienthong"
db="sqlite:$db_file"
lt() { "$bin" --db "$db" "$@"; }
password='demo password 2025'

# A busy port would otherwise show up as a server that never answers, or worse, as another
# program answering in its place; say so before anything is built.
if ! python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1",int(sys.argv[1])))' \
    "$port" 2>/dev/null; then
  echo "demo: port $port on 127.0.0.1 is already in use (another demo or server?)." >&2
  echo "demo: stop that program, or choose another port: DEMO_PORT=8090 make demo" >&2
  exit 1
fi

rm -f "$db_file" "$db_file-wal" "$db_file-shm"
lt db migrate >/dev/null
lt units import demo/provinces-2025.csv >/dev/null
lt units import demo/units-demo.csv >/dev/null
add_user() {  # name unit role display
  printf '%s\n' "$password" | lt users add "$1" --unit "$2" --role "$3" --display-name "$4" \
    --password-stdin >/dev/null
}
add_user admin VN admin 'Quản trị hệ thống'
add_user tinh.daklak 66 manager 'Lê Văn Tỉnh'
add_user xa.hoaphu 66906 specialist 'Phạm Thị Hòa'
add_user xa.eakar 66904 specialist 'Nguyễn Thị Lan'
add_user xem.daklak 66 viewer 'Người xem tỉnh'
# A fixed TOTP secret for the demo admin, so the code can be printed below.
lt users totp admin --secret JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP >/dev/null
lt import --save --unit 66 demo/plans/01-tinh-dak-lak-chuyen-doi-so.txt >/dev/null
lt import --save --unit 66906 demo/plans/02-xa-hoa-phu-thuc-hien.txt >/dev/null
lt demo activities --count 20000 --seed 7 2>/dev/null

lt serve --listen "127.0.0.1:$port" >"$build/demo-server.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 $server 2>/dev/null || break  # the server stopped: its log says why
  sleep 0.1
done
if ! curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; then
  echo "demo: the server did not start on 127.0.0.1:$port; its log ($build/demo-server.log):" >&2
  cat "$build/demo-server.log" >&2
  exit 1
fi

# What only the API does (derive, reports) goes through the API, as a user would.
if [ -x scripts/demo-api-seed.py ]; then
  python3 scripts/demo-api-seed.py "http://127.0.0.1:$port" "$password" || \
    echo "demo: some API seeding steps failed (see above); the server runs anyway" >&2
fi

cat <<TXT

lienthong demo is running: http://127.0.0.1:$port/
  database  $db_file   (server log: $build/demo-server.log)
  password  '$password' for every account:
    tinh.daklak   manager, Tỉnh Đắk Lắk (66): the whole province
    xa.hoaphu     specialist, Xã Hòa Phú (66906)
    xa.eakar      specialist, Xã Ea Kar (66904)
    xem.daklak    viewer, Tỉnh Đắk Lắk (66)
    admin         administrator of the country; needs a TOTP code:
                  $bin --db $db users totp admin --code
Stop with Ctrl-C.
TXT
wait $server
