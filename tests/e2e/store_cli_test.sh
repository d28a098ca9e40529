#!/usr/bin/env bash
# End-to-end test of ingest, report, export, actors, claims, merge and the
# handling of bad inputs, through the real binary and pipeline.
# Usage: tests/e2e/store_cli_test.sh BUILD_DIR   (run from the repository root)
set -uo pipefail

BUILD=${1:?usage: store_cli_test.sh BUILD_DIR}
BIN="$BUILD/tiegraph"
[[ "$BIN" = /* ]] || BIN="$PWD/$BIN"
[[ -x "$BIN" ]] || { echo "FAIL: $BIN not built" >&2; exit 1; }
EXAMPLES=data/examples
SHARED=${TIEGRAPH_SHARED:-../shared}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/t.db"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# "documents actors mentions claims corrections" of a database (python3's sqlite3, no CLI needed).
counts() {
  python3 - "$1" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(" ".join(str(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
               for t in ("documents", "actors", "mentions", "claims", "corrections")))
EOF
}

# run NAME ARGS...: runs the binary, keeping stdout, stderr and the exit status.
run() {
  local name=$1
  shift
  "$BIN" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
  echo $? >"$TMP/$name.rc"
}
rc() { cat "$TMP/$1.rc"; }
stderr_lines() { grep -c . "$TMP/$1.err"; }

# --- 1. ingest the bundled examples --------------------------------------
run ingest1 --db "$DB" ingest "$EXAMPLES"
n_examples=$(find "$EXAMPLES" -type f | wc -l)
if [[ $(rc ingest1) == 0 ]] && grep -q "$n_examples stored" "$TMP/ingest1.out"; then
  pass "ingest stored $n_examples example(s)"
else
  fail "ingest examples: rc=$(rc ingest1)"; cat "$TMP/ingest1.out" "$TMP/ingest1.err" >&2
fi
read -r docs actors mentions claims corrections <<<"$(counts "$DB")"
[[ $docs == "$n_examples" ]] || fail "expected $n_examples documents, got $docs"
[[ $claims -gt 0 ]] || fail "no claims extracted from the examples"
[[ $actors -gt 1 ]] || fail "fewer than 2 actors extracted"
echo "   database: $docs documents, $actors actors, $mentions mentions, $claims claims"

# --- 2. idempotence ------------------------------------------------------
before=$(counts "$DB")
run ingest2 --db "$DB" ingest "$EXAMPLES"
after=$(counts "$DB")
if [[ $(rc ingest2) == 0 && "$before" == "$after" ]] && grep -q "$n_examples already stored" "$TMP/ingest2.out"; then
  pass "second ingest adds nothing ($after)"
else
  fail "second ingest: rc=$(rc ingest2), counts $before -> $after"; cat "$TMP/ingest2.out" >&2
fi

# --- 3. report -----------------------------------------------------------
run report --db "$DB" report
if [[ $(rc report) == 0 ]] && grep -q "Actors by number of ties" "$TMP/report.out" &&
   grep -q "ties, .* claims" "$TMP/report.out" && grep -q '^      "' "$TMP/report.out"; then
  pass "report ranks actors and shows evidence for the most connected one"
else
  fail "report: rc=$(rc report)"; cat "$TMP/report.out" "$TMP/report.err" >&2
fi
run report_json --db "$DB" report --json
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["ranking"] and j["ties"] and all(t["evidence"]["evidence"] for t in j["ties"])' \
  "$TMP/report_json.out" || fail "report --json"

# --- 4. export jsonl in the scorer's format ------------------------------
run export --db "$DB" export --format jsonl --out "$TMP/claims.jsonl"
if [[ $(rc export) != 0 ]]; then fail "export: rc=$(rc export)"; cat "$TMP/export.err" >&2; fi
if python3 - "$TMP/claims.jsonl" "$DB" <<'EOF'
import json, sqlite3, sys
path, db = sys.argv[1], sqlite3.connect(sys.argv[2])
# Claims whose two ends were merged into one actor are not exported.
n_claims = db.execute("SELECT COUNT(*) FROM claims WHERE subject <> object").fetchone()[0]
relations = {"praise", "criticize", "meet", "fund", "business", "collaborate", "member", "support",
             "oppose", "social", "aligned", "linked"}
texts = {i: t.encode("utf-8") for i, t in db.execute("SELECT id, text FROM documents")}
lines = [l for l in open(path, encoding="utf-8").read().splitlines() if l.strip()]
assert len(lines) == n_claims, f"{len(lines)} lines for {n_claims} claims"
for l in lines:
    c = json.loads(l)
    for side in ("subject", "object"):
        assert c[side]["name"] and c[side]["type"] in ("Person", "Organization", "Country"), c
    assert c["relation"] in relations, c
    assert isinstance(c["negated"], bool) and c["modality"] in ("asserted", "alleged"), c
    assert c["time"] is None or isinstance(c["time"], str)
    assert c["quote"] is None or isinstance(c["quote"], str)
    assert c["doc"] and c["evidence"], c
    text = texts[c["document_id"]]
    assert text[c["evidence_start"]:c["evidence_end"]].decode("utf-8") == c["evidence"], c
EOF
then
  pass "export: $(grep -c . "$TMP/claims.jsonl") JSON lines with the scorer's fields; evidence equals the text at its offsets"
else
  fail "export jsonl format"
fi
if [[ -f "$SHARED/eval/score.py" && -d "$SHARED/eval/gold" ]]; then
  if python3 "$SHARED/eval/score.py" "$SHARED/eval/gold" --system "$TMP/claims.jsonl" >"$TMP/score.out" 2>&1; then
    pass "score.py reads the export: $(grep -m1 '^claims P' "$TMP/score.out")"
  else
    fail "score.py rejects the export"; cat "$TMP/score.out" >&2
  fi
fi

# --- 5. queries ----------------------------------------------------------
run actors --db "$DB" actors --json
top=$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a[0]["name"])' "$TMP/actors.out" 2>/dev/null)
[[ -n "$top" ]] || fail "actors --json"
run claims --db "$DB" claims --actor "$top" --json
python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); assert c and all(sys.argv[2] in (x["subject"]["name"], x["object"]["name"]) for x in c)' \
  "$TMP/claims.out" "$top" && pass "claims --actor \"$top\"" || fail "claims --actor \"$top\""
run bad_relation --db "$DB" claims --relation nonsense
[[ $(rc bad_relation) == 2 && $(stderr_lines bad_relation) == 1 ]] || fail "claims --relation nonsense should be a usage error (2)"
run no_actor --db "$DB" claims --actor "Nobody Whatsoever Zzyzx"
[[ $(rc no_actor) == 1 ]] && grep -q "Zzyzx" "$TMP/no_actor.err" || fail "claims for an unknown actor"
run no_db --db "$TMP/none.db" actors
[[ $(rc no_db) == 1 && ! -e "$TMP/none.db" ]] && grep -q "none.db" "$TMP/no_db.err" || fail "actors on a missing database"

# --- 6. bad inputs: one stderr line naming the input, non-zero exit, DB unchanged
printf '' >"$TMP/empty.txt"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00' >"$TMP/image.png"
printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x3e\x00' >"$TMP/program"
printf 'Vladimir Putin met Viktor Orban in Budapest \xff\xfe last year.\n' >"$TMP/latin1.txt"
printf '{"id": "broken", "title": "x", "text": "Putin met\n' >"$TMP/broken.jsonl"
for input in "$TMP/empty.txt" "$TMP/image.png" "$TMP/program" "$TMP/latin1.txt" "$TMP/missing.txt" "$TMP/broken.jsonl"; do
  name=$(basename "$input")
  before=$(counts "$DB")
  run "bad_$name" --db "$DB" ingest "$input"
  after=$(counts "$DB")
  if [[ $(rc "bad_$name") != 0 && $(stderr_lines "bad_$name") == 1 && "$before" == "$after" ]] &&
     grep -q "$name" "$TMP/bad_$name.err"; then
    pass "bad input $name: $(head -c 160 "$TMP/bad_$name.err")"
  else
    fail "bad input $name: rc=$(rc "bad_$name"), stderr lines=$(stderr_lines "bad_$name"), counts $before -> $after"
    cat "$TMP/bad_$name.err" >&2
  fi
done
# Nothing ingestible into a new database: no database file is created.
run bad_new --db "$TMP/new.db" ingest "$TMP/empty.txt"
[[ $(rc bad_new) != 0 && ! -e "$TMP/new.db" ]] && pass "no database created when nothing could be ingested" ||
  fail "a failed ingest created $TMP/new.db"
# One bad line among good ones: the good record is stored, the bad one named, exit 1.
{
  printf '{"id": "good-1", "title": "t", "published": "2021-05-04", "url": "https://example.org/a", "text": "Matteo Salvini praised Vladimir Putin in Moscow."}\n'
  printf '{"id": "bad-2", "text": \n'
} >"$TMP/mixed.jsonl"
before_docs=$(counts "$DB" | cut -d' ' -f1)
run mixed --db "$DB" ingest "$TMP/mixed.jsonl"
after_docs=$(counts "$DB" | cut -d' ' -f1)
if [[ $(rc mixed) == 1 && $after_docs == $((before_docs + 1)) && $(stderr_lines mixed) == 1 ]] &&
   grep -q "mixed.jsonl" "$TMP/mixed.err"; then
  pass "mixed JSON Lines: good record stored, bad line reported ($(head -c 120 "$TMP/mixed.err"))"
else
  fail "mixed JSON Lines: rc=$(rc mixed), documents $before_docs -> $after_docs"; cat "$TMP/mixed.err" >&2
fi
run bad_date --db "$DB" ingest --published yesterday "$EXAMPLES"
[[ $(rc bad_date) == 2 ]] || fail "--published yesterday should be a usage error (2)"

# --- 7. merge survives re-ingest ------------------------------------------
run actors2 --db "$DB" actors --json
read -r a_id b_id <<<"$(python3 -c 'import json,sys; a=json.load(open(sys.argv[1])); print(a[0]["id"], a[1]["id"])' "$TMP/actors2.out")"
before_actors=$(counts "$DB" | cut -d' ' -f2)
run merge --db "$DB" merge "#$a_id" "#$b_id"
after=$(counts "$DB")
if [[ $(rc merge) == 0 && $(echo "$after" | cut -d' ' -f2) == $((before_actors - 1)) && $(echo "$after" | cut -d' ' -f5) == 1 ]]; then
  pass "merge #$a_id #$b_id: $(cat "$TMP/merge.out")"
else
  fail "merge: rc=$(rc merge), $after"; cat "$TMP/merge.err" >&2
fi
run ingest3 --db "$DB" ingest "$EXAMPLES"
[[ "$(counts "$DB")" == "$after" ]] || fail "re-ingest after merge changed the database"
run export2 --db "$DB" export --format jsonl
python3 -c 'import json,sys; assert all(json.loads(l)["subject"]["id"] != json.loads(l)["object"]["id"] for l in open(sys.argv[1]) if l.strip())' \
  "$TMP/export2.out" || fail "export after merge lists a claim of an actor with itself"
run split --db "$DB" split "#$a_id"
[[ $(rc split) == 0 ]] || { fail "split: rc=$(rc split)"; cat "$TMP/split.err" >&2; }

if [[ $failures -gt 0 ]]; then
  echo "store_cli_test: $failures failure(s)" >&2
  exit 1
fi
echo "store_cli_test: all passed"
