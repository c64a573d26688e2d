#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server and COMPLAINT_DESK_TEST_PG pointing at
# it, so the shared-database tests run too. Without PostgreSQL (or not as root) the command
# runs alone and those tests are skipped.
set -uo pipefail

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$pgbin" || $(id -u) -ne 0 || -n "${COMPLAINT_DESK_TEST_PG:-}" ]]; then
  exec "$@"
fi

port=${PGPORT_TEST:-54329}
tmp=$(mktemp -d)
chown postgres:postgres "$tmp"
stop() {
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$tmp"
}
trap stop EXIT

runuser -u postgres -- "$pgbin/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 \
  --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off" start >/dev/null
export COMPLAINT_DESK_TEST_PG="postgresql://postgres@127.0.0.1:$port/postgres"
"$@"
