#!/usr/bin/env bash
# Browser tests of the web UI against a real server on a fresh SQLite database:
#   tests/browser/run.sh BUILD_DIR [TEST_FILE…]     (default: every *.test.mjs below, in order)
# Needs BUILD_DIR/lienthong, web/dist (`make web`), Node ≥ 18 and Debian's chromium
# (CHROMIUM=/path to use another). Installs playwright-core (no browser download) into
# tests/browser/node_modules, and ajv into tests/openapi/node_modules, when missing. Screenshots go to
# BUILD_DIR/test-artifacts/screenshots/. Exits with the tests' status.
set -euo pipefail

BUILD_DIR=${1:?usage: tests/browser/run.sh BUILD_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD_DIR=$(cd "$BUILD_DIR" && pwd)
BIN=$BUILD_DIR/lienthong
WEB_ROOT=$ROOT/web/dist
export CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

die() { echo "browser tests: $*" >&2; exit 2; }
[ -x "$BIN" ] || die "no $BIN (build the lienthong target first)"
[ -f "$WEB_ROOT/index.html" ] || die "no $WEB_ROOT/index.html (run: make web)"
[ -x "$CHROMIUM" ] || die "no $CHROMIUM (apt-get install chromium)"
command -v node >/dev/null || die "no node (apt-get install nodejs npm)"
if [ ! -f "$HERE/node_modules/playwright-core/package.json" ]; then
  (cd "$HERE" && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund --no-save)) ||
    die "npm install in tests/browser failed"
fi
# lib.mjs checks every API answer against the OpenAPI document with tests/openapi's ajv.
if [ ! -f "$ROOT/tests/openapi/node_modules/ajv/package.json" ]; then
  (cd "$ROOT/tests/openapi" && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund --no-save)) ||
    die "npm install in tests/openapi failed"
fi

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

DB="sqlite:$WORK/browser.db"
lt() { "$BIN" --db "$DB" "$@"; }
lt db migrate >/dev/null
lt units import "$ROOT/demo/provinces-2025.csv" >/dev/null
lt units import "$ROOT/demo/units-demo.csv" >/dev/null

# Two specialists in two communes of Đắk Lắk (demo/units-demo.csv): Xã Ea Kar and Xã Đắk Liêng.
export USER_A=lan.eakar UNIT_A=66904 PASSWORD_A='mật khẩu thử nghiệm Ea Kar 2026'
export USER_B=minh.daklieng UNIT_B=66905 PASSWORD_B='mật khẩu thử nghiệm Đắk Liêng 2026'
printf '%s\n' "$PASSWORD_A" | lt users add "$USER_A" --unit "$UNIT_A" --role specialist \
  --display-name 'Nguyễn Thị Lan' --password-stdin >/dev/null
printf '%s\n' "$PASSWORD_B" | lt users add "$USER_B" --unit "$UNIT_B" --role specialist \
  --display-name 'Trần Văn Minh' --password-stdin >/dev/null

# An administrator of the root for admin.test.mjs: TOTP is enrolled at creation; the test computes
# codes from the secret in the otpauth:// URI the CLI prints.
export ADMIN_USER=quantri ADMIN_PASSWORD='mật khẩu quản trị thử nghiệm 2026'
ADMIN_TOTP_SECRET=$(printf '%s\n' "$ADMIN_PASSWORD" | lt users add "$ADMIN_USER" --unit VN --role admin \
  --display-name 'Quản trị hệ thống' --password-stdin | sed -n 's/^TOTP.*secret=\([A-Z2-7]*\).*/\1/p')
export ADMIN_TOTP_SECRET
[ -n "$ADMIN_TOTP_SECRET" ] || die "no TOTP secret printed for $ADMIN_USER"
# Unit administration (units.test.mjs): an administrator of Tỉnh Cao Bằng (04), a province no
# other test touches, so the units it adds, moves and merges change no other test's tree.
export UNIT_ADMIN=quantri.caobang UNIT_ADMIN_UNIT=04 UNIT_ADMIN_PASSWORD='mật khẩu quản trị Cao Bằng 2026'
UNIT_ADMIN_TOTP_SECRET=$(printf '%s\n' "$UNIT_ADMIN_PASSWORD" | lt users add "$UNIT_ADMIN" --unit "$UNIT_ADMIN_UNIT" \
  --role admin --display-name 'Quản trị tỉnh Cao Bằng' --password-stdin | sed -n 's/^TOTP.*secret=\([A-Z2-7]*\).*/\1/p')
export UNIT_ADMIN_TOTP_SECRET
[ -n "$UNIT_ADMIN_TOTP_SECRET" ] || die "no TOTP secret printed for $UNIT_ADMIN"
# The reporting workflow (reports.test.mjs): the province's plan, its manager, a commune
# specialist and a viewer of the province, as in `make demo`.
export MANAGER=tinh.daklak MANAGER_PASSWORD='mật khẩu thử nghiệm tỉnh Đắk Lắk 2026'
export COMMUNE_USER=xa.hoaphu COMMUNE_UNIT=66906 COMMUNE_PASSWORD='mật khẩu thử nghiệm Hòa Phú 2026'
export VIEWER=xem.daklak VIEWER_PASSWORD='mật khẩu thử nghiệm người xem 2026'
printf '%s\n' "$MANAGER_PASSWORD" | lt users add "$MANAGER" --unit 66 --role manager \
  --display-name 'Lê Văn Tỉnh' --password-stdin >/dev/null
printf '%s\n' "$COMMUNE_PASSWORD" | lt users add "$COMMUNE_USER" --unit "$COMMUNE_UNIT" \
  --role specialist --display-name 'Phạm Thị Hòa' --password-stdin >/dev/null
printf '%s\n' "$VIEWER_PASSWORD" | lt users add "$VIEWER" --unit 66 --role viewer \
  --display-name 'Người xem tỉnh' --password-stdin >/dev/null
# The task workflow (tasks.test.mjs): a specialist of the province, which owns the plan.
export TASK_OWNER=chuyenvien.daklak TASK_OWNER_PASSWORD='mật khẩu chuyên viên tỉnh Đắk Lắk 2026'
printf '%s\n' "$TASK_OWNER_PASSWORD" | lt users add "$TASK_OWNER" --unit 66 --role specialist \
  --display-name 'Đỗ Thị Chuyên' --password-stdin >/dev/null
lt import --save --unit 66 "$ROOT/demo/plans/01-tinh-dak-lak-chuyen-doi-so.txt" >/dev/null
# The activities workflow (activities.test.mjs): a commune specialist of Xã Krông Búk.
export ACTIVITY_USER=xa.krongbuk ACTIVITY_UNIT=66907 ACTIVITY_PASSWORD='mật khẩu thử nghiệm Krông Búk 2026'
printf '%s\n' "$ACTIVITY_PASSWORD" | lt users add "$ACTIVITY_USER" --unit "$ACTIVITY_UNIT" \
  --role specialist --display-name 'Võ Thị Búk' --password-stdin >/dev/null

PORT=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
export BASE_URL="http://127.0.0.1:$PORT"
# The binary itself in the background (not the lt function), so $! is the server and the
# cleanup's SIGTERM reaches it rather than orphaning it.
"$BIN" --db "$DB" serve --listen "127.0.0.1:$PORT" --web-root "$WEB_ROOT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!

# Wait (at most 30 s) for the server to answer /healthz.
node -e "
const url = process.argv[1] + '/healthz';
const end = Date.now() + 30000;
(async function poll() {
  try { if ((await fetch(url)).ok) process.exit(0); } catch {}
  if (Date.now() > end) { console.error('no answer from ' + url); process.exit(1); }
  setTimeout(poll, 200);
})();" "$BASE_URL" || { cat "$WORK/server.log" >&2; die "the server did not start"; }

export SCREENSHOT_DIR=$BUILD_DIR/test-artifacts/screenshots
mkdir -p "$SCREENSHOT_DIR"
status=0
# Tests to run: the arguments after the build directory, else BROWSER_TESTS="a.test.mjs b.test.mjs",
# else all of them.
TESTS=("${@:2}")
if [ "${#TESTS[@]}" -eq 0 ] && [ -n "${BROWSER_TESTS:-}" ]; then
  read -r -a TESTS <<<"$BROWSER_TESTS"
fi
if [ "${#TESTS[@]}" -eq 0 ]; then
  TESTS=(i18n.test.mjs format.test.mjs flow.test.mjs import-restore.test.mjs admin.test.mjs
         units.test.mjs reports.test.mjs tasks.test.mjs activities.test.mjs plan-edit.test.mjs
         import-progress.test.mjs import-pdf-table.test.mjs import-scan-header.test.mjs
         import-attached-form.test.mjs)
fi
(cd "$HERE" && node --test "${TESTS[@]}") || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- server log (last 40 lines) ---" >&2
  tail -n 40 "$WORK/server.log" >&2
fi
echo "screenshots: $SCREENSHOT_DIR"
exit "$status"
