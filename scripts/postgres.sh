#!/usr/bin/env bash
# Make a local PostgreSQL available for the concurrency tests and print its URL on stdout.
# Uses TEST_POSTGRES_URL when set; otherwise starts Debian's cluster (installing it when root).
set -euo pipefail
if [ -n "${TEST_POSTGRES_URL:-}" ]; then echo "$TEST_POSTGRES_URL"; exit 0; fi
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing postgresql" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null 2>&1 || {
      apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql >/dev/null
    }
  else
    echo "PostgreSQL is needed for the concurrency tests: sudo apt-get install postgresql, or set TEST_POSTGRES_URL" >&2
    exit 1
  fi
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -n 1)
if [ "$status" != "online" ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "Start PostgreSQL first: sudo pg_ctlcluster $version $cluster start (or set TEST_POSTGRES_URL)" >&2
    exit 1
  fi
  pg_ctlcluster "$version" "$cluster" start >&2
fi
run_psql() { if [ "$(id -u)" = "0" ]; then su postgres -c "psql -p $port -qtAX -c \"$1\""; else psql -p "$port" -qtAX -c "$1"; fi; }
if [ "$(run_psql "SELECT 1 FROM pg_roles WHERE rolname='needlepoint_test'")" != "1" ]; then
  run_psql "CREATE ROLE needlepoint_test LOGIN CREATEDB PASSWORD 'needlepoint_test'" >&2
fi
echo "postgres://needlepoint_test:needlepoint_test@127.0.0.1:${port}/needlepoint_test"
