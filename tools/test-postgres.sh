#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 server for the tests, on loopback only, with trust auth.
#   tools/test-postgres.sh start   prints the connection string to export as ADSTUDIO_TEST_POSTGRES
#   tools/test-postgres.sh stop
# The data folder lives under /tmp and belongs to the `postgres` user (initdb refuses to run as root).
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
port="${ADSTUDIO_TEST_POSTGRES_PORT:-55432}"
dir="${ADSTUDIO_TEST_POSTGRES_DIR:-/tmp/adstudio-test-pg}"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-start}" in
  start)
    if [ ! -x "$bin/pg_ctl" ]; then
      echo "PostgreSQL 15 is not installed at $bin (apt-get install -y postgresql-15)." >&2
      exit 1
    fi
    if ! as_postgres "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
      rm -rf "$dir"
      mkdir -p "$dir"
      [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
      as_postgres "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
      # Tests create a database per fixture; fsync off is safe for a throwaway server and much faster.
      as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w start \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    ;;
  stop)
    as_postgres "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
