#!/usr/bin/env bash
# The OpenAPI document the built server answers, validated by an independent validator:
#   tests/openapi/check.sh BUILD_DIR
# Writes it with `BUILD_DIR/lienthong openapi` and runs validate.mjs (swagger-parser and ajv from
# npm, installed into tests/openapi/node_modules when missing). Exits with the validator's status.
set -euo pipefail

BUILD_DIR=${1:?usage: tests/openapi/check.sh BUILD_DIR}
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=$(cd "$BUILD_DIR" && pwd)/lienthong

die() { echo "openapi check: $*" >&2; exit 2; }
[ -x "$BIN" ] || die "no $BIN (build the lienthong target first)"
command -v node >/dev/null || die "no node (apt-get install nodejs npm)"
if [ ! -f "$HERE/node_modules/@apidevtools/swagger-parser/package.json" ]; then
  (cd "$HERE" && (npm ci --no-audit --no-fund || npm install --no-audit --no-fund --no-save)) ||
    die "npm install in tests/openapi failed"
fi

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIN" openapi >"$WORK/openapi.json"
node "$HERE/validate.mjs" "$WORK/openapi.json"
