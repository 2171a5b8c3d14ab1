#!/usr/bin/env bash
# with-postgres.sh CMD [ARGS...]
#
# Runs CMD against a throwaway PostgreSQL 15 cluster: initdb into a fresh directory under /tmp,
# start it on the first free loopback port from 55432, create database lienthong_test, run CMD
# with LIENTHONG_TEST_POSTGRES=postgresql://postgres@127.0.0.1:PORT/lienthong_test exported, then
# stop the cluster and delete its directory (also on Ctrl-C or TERM). Exits with CMD's status.
#
# The cluster trades durability for speed (fsync off); it holds test data only. PostgreSQL
# refuses to run as root, so as root the server runs as the `postgres` system user the
# postgresql-15 package creates. Needs no stdin, so it works in CI.
set -euo pipefail

readonly PG_BIN=/usr/lib/postgresql/15/bin
readonly FIRST_PORT=55432
readonly PORT_TRIES=50
readonly DB_NAME=lienthong_test

say() { echo "with-postgres: $*" >&2; }
die() { say "$*"; exit 1; }

if [ "$#" -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

# --- PostgreSQL 15 binaries -------------------------------------------------------------------
if [ ! -x "$PG_BIN/pg_ctl" ]; then
  [ "$(id -u)" -eq 0 ] ||
    die "PostgreSQL 15 is not installed ($PG_BIN/pg_ctl missing); run: sudo apt-get install postgresql-15"
  say "installing postgresql-15"
  install_pg() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 \
      </dev/null >&2
  }
  # Refresh the package lists only when the install fails: `update` is slow and often unneeded.
  install_pg || { apt-get update </dev/null >&2 && install_pg; } ||
    die "could not install postgresql-15"
  [ -x "$PG_BIN/pg_ctl" ] || die "postgresql-15 installed but $PG_BIN/pg_ctl is still missing"
fi

# --- Who runs the server ----------------------------------------------------------------------
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no 'postgres' user to run the server"
  PG_USER=postgres
  as_pg() {
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
    fi
  }
else
  PG_USER=$(id -un)
  as_pg() { "$@"; }
fi

# --- Cluster directory and cleanup ------------------------------------------------------------
CLUSTER_DIR=$(mktemp -d /tmp/lienthong-pg.XXXXXX)
DATA_DIR=$CLUSTER_DIR/data
LOG_FILE=$CLUSTER_DIR/server.log

# shellcheck disable=SC2317  # invoked by the EXIT trap
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -f "$DATA_DIR/postmaster.pid" ]; then
    # Immediate mode: nothing in a throwaway cluster is worth a checkpoint.
    (cd "$CLUSTER_DIR" && as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate -w stop) \
      >/dev/null 2>&1 </dev/null || true
  fi
  rm -rf "$CLUSTER_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ "$PG_USER" = "$(id -un)" ] || chown "$PG_USER" "$CLUSTER_DIR"

# The server's commands run from the cluster directory: the caller's working directory may not
# be readable by the postgres user.
in_cluster() { (cd "$CLUSTER_DIR" && as_pg "$@") </dev/null; }

# --- initdb -----------------------------------------------------------------------------------
# C.UTF-8 when the C library has it (Unicode-aware upper()/lower() for Vietnamese), else plain C.
LOCALE_OPT=--no-locale
if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then LOCALE_OPT=--locale=C.UTF-8; fi
in_cluster "$PG_BIN/initdb" -D "$DATA_DIR" -A trust -U postgres -E UTF8 "$LOCALE_OPT" --no-sync \
  >"$CLUSTER_DIR/initdb.log" 2>&1 || { cat "$CLUSTER_DIR/initdb.log" >&2; die "initdb failed"; }

# --- Start on the first free port -------------------------------------------------------------
port_is_free() {
  # A successful connect means something listens there; bash's /dev/tcp needs no extra tools.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

PORT=
for ((i = 0; i < PORT_TRIES; i++)); do
  candidate=$((FIRST_PORT + i))
  port_is_free "$candidate" || continue
  rm -f "$LOG_FILE"
  if in_cluster "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $candidate -k $CLUSTER_DIR -c fsync=off -c full_page_writes=off -c synchronous_commit=off" \
      start >/dev/null 2>&1; then
    PORT=$candidate
    break
  fi
  # Another process may have taken the port between the check and the start: try the next one.
  grep -q "could not bind\|Address already in use" "$LOG_FILE" 2>/dev/null ||
    { cat "$LOG_FILE" >&2 2>/dev/null || true; die "PostgreSQL failed to start"; }
done
[ -n "$PORT" ] || die "no free port in $FIRST_PORT..$((FIRST_PORT + PORT_TRIES - 1))"

"$PG_BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB_NAME" </dev/null ||
  die "could not create database $DB_NAME"

export LIENTHONG_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PORT/$DB_NAME"
say "PostgreSQL 15 running on 127.0.0.1:$PORT (cluster $CLUSTER_DIR); LIENTHONG_TEST_POSTGRES=$LIENTHONG_TEST_POSTGRES"

# CMD runs in the background so a TERM or INT sent to this script reaches it at once (bash defers
# traps while a foreground command runs, and would delete the cluster under a live CMD);
# `<&0` keeps the caller's stdin, which a background job would otherwise lose.
# A background job starts with SIGINT ignored, so both signals are passed on as TERM.
"$@" <&0 &
CHILD=$!
SIGNALLED=
# shellcheck disable=SC2317  # invoked by the traps below
forward() {
  SIGNALLED=$1
  kill -s TERM "$CHILD" 2>/dev/null || true
}
trap 'forward 130' INT
trap 'forward 143' TERM
status=0
while :; do
  wait "$CHILD" && status=0 || status=$?
  # A trapped signal interrupts `wait` (status > 128); wait again until CMD has really ended.
  kill -0 "$CHILD" 2>/dev/null || break
done
exit "${SIGNALLED:-$status}"
