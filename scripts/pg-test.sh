#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL 15 server.
#
#   scripts/pg-test.sh [BUILD_DIR] [-- COMMAND...]
#
# Starts Debian's PostgreSQL 15 (/usr/lib/postgresql/15/bin) on a free
# loopback port with a fresh data directory under $TMPDIR (as the `postgres`
# user when run as root: initdb refuses root), creates database `tiegraph`,
# exports TIEGRAPH_PG_URL=postgresql://tiegraph@127.0.0.1:PORT/tiegraph, runs
# COMMAND (default: the store test suite of BUILD_DIR against both back ends),
# (fsync off unless PG_FSYNC=on), then stops the server and removes the data directory, whatever happened.
# Exit status: COMMAND's; 77 when no PostgreSQL 15 is installed.
set -euo pipefail

BUILD=${1:-build}
[[ $# -gt 0 ]] && shift
[[ ${1:-} == "--" ]] && shift
if [[ $# -eq 0 ]]; then
  set -- "$BUILD/tests/tiegraph_store_tests" --gtest_filter='*StoreSuite*'
fi

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x $PGBIN/initdb ]]; then
  echo "pg-test: no PostgreSQL 15 at $PGBIN (apt-get install postgresql-15)" >&2
  exit 77
fi

# A free loopback port: ask the kernel for one.
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
DATA=$(mktemp -d "${TMPDIR:-/tmp}/tiegraph-pg.XXXXXX")

as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres "$DATA"
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

stop() {
  as_server_user "$PGBIN/pg_ctl" -D "$DATA/db" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$DATA"
}
trap stop EXIT

chmod 755 "$DATA"
as_server_user "$PGBIN/initdb" -D "$DATA/db" -U tiegraph --auth=trust -E UTF8 --locale=C.UTF-8 >"$DATA/initdb.log" 2>&1 ||
  { cat "$DATA/initdb.log" >&2; exit 1; }
as_server_user "$PGBIN/pg_ctl" -D "$DATA/db" -l "$DATA/db/server.log" -w -t 60 \
  -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DATA -c fsync=${PG_FSYNC:-off}" start >/dev/null ||
  { cat "$DATA/db/server.log" >&2; exit 1; }
as_server_user "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U tiegraph tiegraph

export TIEGRAPH_PG_URL="postgresql://tiegraph@127.0.0.1:$PORT/tiegraph"
echo "pg-test: PostgreSQL 15 on 127.0.0.1:$PORT ($DATA)" >&2
set +e
"$@"
rc=$?
set -e
exit $rc
