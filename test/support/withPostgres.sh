#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL for the HQ suite:
#   test/support/withPostgres.sh npx vitest run --config vitest.config.ts test/node/hq
# Debian's server binaries (apt-get install postgresql), a fresh cluster in a temp dir
# listening on 127.0.0.1 only, a password-protected test role and database, and
# HQ_TEST_DATABASE_URL exported for the command. The cluster is stopped and its files
# removed on exit, however the command ends. With HQ_TEST_DATABASE_URL already set, the
# command just runs against that server.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 <command> [args...]" >&2
  exit 2
fi
if [ -n "${HQ_TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "withPostgres: no PostgreSQL server binaries (apt-get install postgresql)" >&2
  exit 1
fi

# initdb and postgres refuse to run as root: then they run as the postgres user.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/hq-pg.XXXXXX")
[ "$(id -u)" -eq 0 ] && chown postgres: "$pg_dir"
started=0
stop_pg() {
  if [ "$started" -eq 1 ]; then
    as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
trap 'exit 130' INT TERM

# A free loopback port (bound and released; the cluster takes it a moment later).
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
  --auth-local=trust --auth-host=scram-sha-256 >"$pg_dir/initdb.log" 2>&1 || {
  cat "$pg_dir/initdb.log" >&2
  exit 1
}
# Loopback TCP only, the socket in the temp dir; durability off (a test cluster: the
# crash tests kill HQ, never PostgreSQL).
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || {
  cat "$pg_dir/server.log" >&2
  exit 1
}
started=1

as_pg "$pg_bin/psql" -h "$pg_dir" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "create role hq_test login password 'hq_test'" \
  -c "create database hq_test owner hq_test"

export HQ_TEST_DATABASE_URL="postgres://hq_test:hq_test@127.0.0.1:$port/hq_test"
echo "withPostgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"
