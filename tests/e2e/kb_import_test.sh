#!/usr/bin/env bash
# `tiegraph kb import`: an actor that no built-in list has, from a CSV and
# from an FtM file, is recognised and linked in an article ingested later;
# an ftm export imports back.
# Usage: tests/e2e/kb_import_test.sh BUILD_DIR   (from the repository root)
set -uo pipefail
BUILD=${1:?usage: kb_import_test.sh BUILD_DIR}
BIN="$BUILD/tiegraph"
[[ "$BIN" = /* ]] || BIN="$PWD/$BIN"
[[ -x "$BIN" ]] || { echo "FAIL: $BIN not built" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
DB="$TMP/t.db"

cat >"$TMP/mine.csv" <<'CSV'
name,type,aliases,country,id
Zorvan Kettleby,Person,Kettleby,GB,my-list:zorvan
Brackwater Holdings,Organization,Brackwater,GB,
CSV
printf '%s\n' '{"id":"ofac-123","schema":"Person","properties":{"name":["Quillon Marsh-Abara"],"alias":["Q. Marsh-Abara"],"nationality":["ng"]}}' \
  '{"id":"ofac-124","schema":"Sanction","properties":{"entity":["ofac-123"]}}' >"$TMP/sanctions.ftm.json"
"$BIN" --db "$DB" kb import "$TMP/mine.csv" "$TMP/sanctions.ftm.json" >"$TMP/import.log" || fail "kb import"
grep -q "2 actors" "$TMP/import.log" && grep -q "1 actors" "$TMP/import.log" || fail "import summary: $(cat "$TMP/import.log")"
"$BIN" --db "$DB" kb list 2>/dev/null | grep -q "Zorvan Kettleby" || fail "kb list"

cat >"$TMP/article.txt" <<'TXT'
Zorvan Kettleby met Vladimir Putin in Moscow last year. Kettleby praised Putin. Quillon Marsh-Abara funded Brackwater Holdings.
TXT
"$BIN" --db "$DB" ingest --quiet --published 2022-03-01 "$TMP/article.txt" || fail "ingest"
actors=$("$BIN" --db "$DB" actors 2>&1)
for name in "Zorvan Kettleby" "Quillon Marsh-Abara" "Brackwater Holdings"; do
  echo "$actors" | grep -q "$name" && echo "ok: $name recognised" || fail "$name not recognised: $actors"
done
kb_ref=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT kb_ref FROM actors WHERE name='Zorvan Kettleby'\").fetchone()[0])" "$DB" 2>/dev/null)
[[ $kb_ref == "my-list:zorvan" ]] && echo "ok: linked to the user's list ($kb_ref)" || fail "kb_ref of Zorvan Kettleby: '$kb_ref'"

# ftm export -> kb import round trip.
"$BIN" --db "$DB" export --format ftm --out "$TMP/net.ftm.json" || fail "export ftm"
TIEGRAPH_USER_KB="$TMP/other.jsonl" "$BIN" --db "$DB" kb import "$TMP/net.ftm.json" >"$TMP/re.log" || fail "re-import"
grep -q "Zorvan Kettleby" <(TIEGRAPH_USER_KB="$TMP/other.jsonl" "$BIN" --db "$DB" kb list 2>/dev/null) &&
  echo "ok: ftm export imports back" || fail "ftm round trip"
"$BIN" --db "$DB" kb import "$TMP/missing.csv" >/dev/null 2>&1
[[ $? == 2 ]] || fail "missing file is a usage error"
exit $((failures > 0))
