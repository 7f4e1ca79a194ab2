#!/usr/bin/env bash
# A throwaway PostgreSQL server for the test suite, on 127.0.0.1 and a free port.
#
#   scripts/pg-test-server.sh run -- CMD ARGS...   start, run CMD with BACKCHANNEL_TEST_PG_URL
#                                                  set, stop (also when CMD fails); CMD's status
#   scripts/pg-test-server.sh start                start; print the URL on stdout and, on stderr,
#                                                  the data folder and the stop command
#   scripts/pg-test-server.sh stop DIR             stop the server in DIR and delete DIR
#
# The cluster lives in a fresh temporary folder with fsync off and *trust* authentication on
# 127.0.0.1 only: for tests on this machine, never for a real workspace (docs/server-mode.md).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user
# that Debian's package creates; as anyone else it belongs to you.
set -euo pipefail

DB=backchannel_test

die() {
  echo "pg-test-server: $*" >&2
  exit 2
}

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
  elif command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  else
    die "PostgreSQL is not installed (Debian: apt-get install postgresql; or run scripts/test-deps.sh as root)"
  fi
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  # Ask the kernel for a free port; the tiny race with another process is retried by start.
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local bin dir port attempt
  bin=$(bindir)
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "no 'postgres' user to own the cluster (install Debian's postgresql)"
  fi
  # As root the cluster's owner must reach the folder: /tmp, whatever TMPDIR says.
  if [ "$(id -u)" = 0 ]; then
    dir=$(mktemp -d /tmp/backchannel-pg.XXXXXX)
  else
    dir=$(mktemp -d "${TMPDIR:-/tmp}/backchannel-pg.XXXXXX")
  fi
  chmod 700 "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
  fi
  # C.UTF-8 sorts text by code point, as a workspace file does (docs/server-mode.md); plain
  # C where the system lacks that locale.
  if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1; then
    rm -rf "${dir:?}/data"
    if ! as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C \
      --no-sync >>"$dir/initdb.log" 2>&1; then
      cat "$dir/initdb.log" >&2
      rm -rf "$dir"
      die "initdb failed"
    fi
  fi
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -s start -o \
      "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      >/dev/null 2>&1; then
      echo "$port" >"$dir/port"
      break
    fi
    port=
  done
  if [ -z "$port" ]; then
    tail -n 20 "$dir/server.log" >&2 || true
    rm -rf "$dir"
    die "the server did not start"
  fi
  if ! as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$DB" >&2; then
    stop "$dir"
    die "createdb failed"
  fi
  PG_TEST_DIR=$dir
  PG_TEST_URL="postgresql+psycopg://postgres@127.0.0.1:$port/$DB"
}

stop() {
  local dir=$1
  [ -d "$dir/data" ] || die "$dir is not a test cluster"
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start)
    start
    echo "$PG_TEST_URL"
    echo "data folder: $PG_TEST_DIR; stop with: $0 stop $PG_TEST_DIR" >&2
    ;;
  stop)
    [ $# -eq 2 ] || die "usage: $0 stop DIR"
    stop "$2"
    ;;
  run)
    shift
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || die "usage: $0 run -- CMD ARGS..."
    start
    trap 'stop "$PG_TEST_DIR"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    echo "PostgreSQL for the tests: $PG_TEST_URL" >&2
    status=0
    BACKCHANNEL_TEST_PG_URL=$PG_TEST_URL "$@" || status=$?
    exit "$status"
    ;;
  *)
    die "usage: $0 start | stop DIR | run -- CMD ARGS..."
    ;;
esac
