#!/usr/bin/env bash
# pg-test-server.sh — a throwaway PostgreSQL server for Covet's tests.
#
# Usage:
#   scripts/pg-test-server.sh start <dir>   initdb (first time) + start; prints the URL
#   scripts/pg-test-server.sh stop  <dir>   fast shutdown; safe to call twice or on a dir
#                                           that never started
#   scripts/pg-test-server.sh url   <dir>   prints the URL of a started server
#
# `start` creates <dir> if needed and lays it out as
#   <dir>/data   the cluster (initdb --auth=trust, UTF8, C locale, fsync=off)
#   <dir>/sock   the private unix-socket directory (no TCP: listen_addresses='')
#   <dir>/log    the server log (read it when start fails)
#   <dir>/url    the connection URL, one line, also printed on stdout
# and creates the database `covet_test`. The URL looks like
#   postgresql:///covet_test?host=<dir>/sock&port=54329&user=postgres
# Tests find the server through COVET_TEST_POSTGRES_URL, e.g.
#   export COVET_TEST_POSTGRES_URL="$(scripts/pg-test-server.sh start /tmp/covet-pg)"
#   ./covet_tests; scripts/pg-test-server.sh stop /tmp/covet-pg
# Calling `start` on a running server just prints its URL again.
#
# Because the server only listens on its own socket directory, several servers
# (one per <dir>) can run at once with the same port number. Override the port
# with COVET_PG_PORT (default 54329). With COVET_PG_TCP=1 the server also
# listens on 127.0.0.1:<port> and the URL printed is the TCP one,
#   postgresql://postgres@127.0.0.1:54329/covet_test
# (the benchmark measures over loopback, as an application would connect);
# the port must then be free on 127.0.0.1. <dir> must be a short absolute-or-relative
# path (unix socket paths are limited to ~100 bytes) that the `postgres` user
# can reach: when run as root, the server runs as `postgres` (initdb refuses
# root) and <dir> is chown'ed to it, so prefer something under /tmp.
#
# Binaries: the newest /usr/lib/postgresql/<version>/bin (Debian's
# `postgresql` package), or PG_BIN if set. Exit status is non-zero on failure,
# with the reason on stderr; stdout carries only the URL.
set -euo pipefail

die() { echo "pg-test-server: $*" >&2; exit 1; }

[[ $# -eq 2 ]] || die "usage: $0 start|stop|url <dir>"
cmd=$1
dir=$2
port=${COVET_PG_PORT:-54329}

find_bin() {
  if [[ -n ${PG_BIN:-} ]]; then echo "$PG_BIN"; return; fi
  local v
  v=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
  [[ -n $v && -x /usr/lib/postgresql/$v/bin/postgres ]] ||
    die "no PostgreSQL server binaries in /usr/lib/postgresql (apt-get install postgresql), or set PG_BIN"
  echo "/usr/lib/postgresql/$v/bin"
}

# Runs a command as the unprivileged server user when we are root.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

absdir() { mkdir -p "$1" && (cd "$1" && pwd -P); }

tcp=${COVET_PG_TCP:-0}

url_for() {
  if [[ $tcp == 1 ]]; then
    echo "postgresql://postgres@127.0.0.1:$port/covet_test"
  else
    echo "postgresql:///covet_test?host=$1/sock&port=$port&user=postgres"
  fi
}

case $cmd in
  start)
    bin=$(find_bin)
    if [[ -d $dir && -n $(ls -A "$dir") && ! -d $dir/data && ! -d $dir/sock ]]; then
      die "'$dir' is not empty and was not made by this script; give a new or empty directory"
    fi
    dir=$(absdir "$dir")
    sock=$dir/sock
    (( ${#sock} + 20 < 104 )) || die "socket path '$sock' is too long for a unix socket; use a shorter <dir>"
    mkdir -p "$sock"
    if [[ $(id -u) -eq 0 ]]; then
      getent passwd postgres >/dev/null || die "no 'postgres' user (apt-get install postgresql)"
      chown postgres: "$dir" "$sock"
      runuser -u postgres -- test -w "$dir" ||
        die "user 'postgres' cannot reach '$dir' (a parent directory is not traversable); use a dir under /tmp"
    fi
    if [[ ! -f $dir/data/PG_VERSION ]]; then
      as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync \
        >"$dir/initdb.log" 2>&1 || die "initdb failed; see $dir/initdb.log"
      cat >>"$dir/data/postgresql.conf" <<EOF
# --- covet test settings (pg-test-server.sh) ---
listen_addresses = ''
unix_socket_directories = '$sock'
port = $port
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 32MB
dynamic_shared_memory_type = mmap
max_connections = 40
# the test support empties a schema of ~150 tables in one statement and
# create_all makes one in one transaction: each holds a lock per table and
# index, more than the default 64 per transaction leaves room for
max_locks_per_transaction = 256
log_min_messages = warning
EOF
    fi
    if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      listen=()
      [[ $tcp == 1 ]] && listen=(-o "-c listen_addresses=127.0.0.1")
      as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 "${listen[@]}" start >/dev/null ||
        die "the server did not start; see $dir/log"
    fi
    for _ in $(seq 1 60); do
      as_pg "$bin/pg_isready" -q -h "$sock" -p "$port" && break
      sleep 0.5
    done
    as_pg "$bin/pg_isready" -q -h "$sock" -p "$port" || die "server not ready; see $dir/log"
    if [[ $(as_pg "$bin/psql" -h "$sock" -p "$port" -U postgres -d postgres -Atc \
            "SELECT 1 FROM pg_database WHERE datname = 'covet_test'") != 1 ]]; then
      as_pg "$bin/createdb" -h "$sock" -p "$port" -U postgres covet_test ||
        die "createdb covet_test failed"
    fi
    url=$(url_for "$dir")
    echo "$url" >"$dir/url"
    echo "$url"
    ;;
  stop)
    [[ -d $dir/data ]] || exit 0
    bin=$(find_bin)
    dir=$(cd "$dir" && pwd -P)
    if as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || die "pg_ctl stop failed; see $dir/log"
    fi
    ;;
  url)
    [[ -f $dir/url ]] || die "no server started in '$dir'"
    cat "$dir/url"
    ;;
  *)
    die "unknown command '$cmd'; use start, stop or url"
    ;;
esac
