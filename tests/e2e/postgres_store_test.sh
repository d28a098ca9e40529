#!/usr/bin/env bash
# The store suite against a real PostgreSQL 15 (scripts/pg-test.sh starts one
# on a loopback port and stops it), then the CLI on it: ingest --pg twice from
# two processes at once, actors, export.
# Usage: tests/e2e/postgres_store_test.sh BUILD_DIR   (from the repository root)
# Skips (exit 0 with a note) when PostgreSQL 15 or libpqxx is not installed.
set -uo pipefail
BUILD=${1:?usage: postgres_store_test.sh BUILD_DIR}
BUILD=$(cd "$BUILD" && pwd)
if [[ ! -x /usr/lib/postgresql/15/bin/initdb ]]; then
  echo "SKIP: PostgreSQL 15 not installed (apt-get install postgresql-15)"
  exit 0
fi

INNER=$(cat <<'SH'
set -uo pipefail
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
"$BUILD/tests/tiegraph_store_tests" --gtest_filter='*StoreSuite*:PostgresOpen*' --gtest_brief=1 || fail "store suite"
if "$BUILD/tests/tiegraph_store_tests" --gtest_filter='*StoreSuite*postgres' --gtest_list_tests | grep -q postgres &&
   "$BUILD/tests/tiegraph_store_tests" --gtest_filter='*StoreSuite*postgres' 2>&1 | grep -q SKIPPED; then
  fail "the PostgreSQL half of the store suite was skipped"
fi
BIN="$BUILD/tiegraph"
if [[ -x $BIN ]]; then
  TMP=$(mktemp -d)
  python3 - "$TMP" <<'PY'
import json, sys
d = sys.argv[1]
texts = ["Marine Le Pen met Vladimir Putin in Moscow in 2017. Le Pen praised Putin.",
         "Matteo Salvini praised Vladimir Putin. Salvini met Putin in Moscow.",
         "Viktor Orban met Vladimir Putin in Budapest. Orban criticized the European Union.",
         "Nigel Farage praised Vladimir Putin."]
for part in (0, 1):
    with open(f"{d}/part{part}.jsonl", "w") as f:
        for i, t in enumerate(texts):
            if i % 2 == part:
                f.write(json.dumps({"id": f"pg-{i}", "title": f"t{i}", "published": "2022-03-01", "text": t}) + "\n")
PY
  "$BIN" --pg "$TIEGRAPH_PG_URL" ingest --quiet "$TMP/part0.jsonl" & a=$!
  "$BIN" --pg "$TIEGRAPH_PG_URL" ingest --quiet "$TMP/part1.jsonl" & b=$!
  wait $a || fail "ingest worker 1"
  wait $b || fail "ingest worker 2"
  n=$(/usr/lib/postgresql/15/bin/psql -tA "$TIEGRAPH_PG_URL" -c "SELECT COUNT(*) FROM documents")
  [[ $n == 4 ]] && echo "ok: two workers stored 4 documents" || fail "documents after two workers: $n"
  dup=$(/usr/lib/postgresql/15/bin/psql -tA "$TIEGRAPH_PG_URL" -c \
        "SELECT COUNT(*) FROM (SELECT norm_name, type FROM actors GROUP BY 1, 2 HAVING COUNT(*) > 1) d")
  [[ $dup == 0 ]] && echo "ok: no duplicate actors" || fail "$dup duplicated actors"
  "$BIN" --pg "$TIEGRAPH_PG_URL" actors | grep -q "Putin" && echo "ok: actors --pg" || fail "actors --pg lists no Putin"
  "$BIN" --pg "$TIEGRAPH_PG_URL" export --format graphml --out "$TMP/pg.graphml" && grep -q "<graphml" "$TMP/pg.graphml" &&
    echo "ok: export --pg" || fail "export --format graphml --pg"
  rm -rf "$TMP"
else
  echo "note: $BIN not built; CLI part skipped"
fi
exit $((failures > 0))
SH
)
export BUILD
bash scripts/pg-test.sh "$BUILD" -- bash -c "$INNER"
