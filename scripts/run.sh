#!/usr/bin/env bash
# make run: ingest the bundled articles (data/examples/) into DB, print the
# network report, then serve it on 127.0.0.1:PORT when the build has `serve`.
# Usage: scripts/run.sh BUILD DB PORT
set -uo pipefail
cd "$(dirname "$0")/.."

BUILD=${1:-build}
DB=${2:-tiegraph.db}
PORT=${3:-8080}
BIN="$BUILD/tiegraph"
if [[ ! -x "$BIN" ]]; then
  echo "run.sh: $BIN is not built (run: make build)" >&2
  exit 1
fi

"$BIN" --db "$DB" ingest data/examples/
rc=$?
if [[ $rc == 2 ]]; then exit 2; fi
if [[ $rc != 0 ]]; then echo "run.sh: some inputs failed (see above); reporting what was stored" >&2; fi
echo
"$BIN" --db "$DB" report || exit $?

if "$BIN" serve --help >/dev/null 2>&1; then
  echo
  echo "Serving $DB at http://127.0.0.1:$PORT/ (Ctrl-C to stop)"
  exec "$BIN" --db "$DB" serve --host 127.0.0.1 --port "$PORT"
fi
echo
echo "(the web server is not built yet: explore with $BIN --db $DB actors | claims --actor NAME | export --format jsonl)"
