#!/usr/bin/env bash
# End-to-end test of resuming an interrupted `tiegraph ingest`: Ctrl-C
# (SIGINT) mid-way stores the documents in hand and exits 130 with a message;
# SIGKILL mid-way leaves a consistent database; in both cases a rerun skips
# the stored documents, stores the rest, and ends with exactly the documents
# and claims of an uninterrupted ingest (no duplicates, none missing).
# Usage: tests/e2e/ingest_resume_test.sh BUILD_DIR   (from the repository root)
set -uo pipefail
BUILD=${1:?usage: ingest_resume_test.sh BUILD_DIR}
BIN="$BUILD/tiegraph"
[[ "$BIN" = /* ]] || BIN="$PWD/$BIN"
[[ -x "$BIN" ]] || { echo "FAIL: $BIN not built" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
N=160

python3 - "$N" "$TMP/corpus.jsonl" <<'PY'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(11)
people = ["Matteo Salvini", "Marine Le Pen", "Viktor Orban", "Nigel Farage", "Jair Bolsonaro", "Donald Trump",
          "Vladimir Putin", "Olaf Scholz", "Anna Kovacs", "Boris Petrov", "Elena Moretti", "Hugo Weber"]
verbs = ["praised", "criticized", "met", "condemned", "visited"]
with open(out, "w") as f:
    for i in range(n):
        sents = []
        for k in range(10):
            a, b = rng.sample(people, 2)
            sents.append(f"{a} {rng.choice(verbs)} {b} in {rng.randint(2005, 2024)}.")
            sents.append("Officials said the talks covered energy, trade, migration and security for several hours.")
        f.write(json.dumps({"id": f"r{i}", "title": f"Article {i}", "text": f"Article {i}.\n\n" + " ".join(sents)}) + "\n")
PY

# "documents claims" of a database, or "0 0" if it has no tables yet.
counts() {
  python3 - "$1" <<'PY'
import sqlite3, sys
try:
    db = sqlite3.connect(sys.argv[1], timeout=10)
    print(db.execute("SELECT COUNT(*) FROM documents").fetchone()[0], db.execute("SELECT COUNT(*) FROM claims").fetchone()[0])
except Exception:
    print(0, 0)
PY
}
# integrity_check, and every stored document whole: it has mentions and claims.
consistent() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
bare = db.execute("""SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.document = d.id)
                     OR NOT EXISTS (SELECT 1 FROM mentions m WHERE m.document = d.id)""").fetchone()[0]
assert bare == 0, f"{bare} documents stored without their mentions or claims"
PY
}
# Starts an ingest in the background and waits until it has stored at least $2 documents.
start_and_wait() {
  local db=$1 at_least=$2
  "$BIN" --db "$db" ingest --jobs 2 "$TMP/corpus.jsonl" >"$TMP/run.out" 2>"$TMP/run.err" &
  pid=$!
  for _ in $(seq 1 600); do
    read -r d _ <<<"$(counts "$db")"
    [[ $d -ge $at_least ]] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# Reference: one uninterrupted ingest.
"$BIN" --db "$TMP/ref.db" ingest --quiet --jobs 2 "$TMP/corpus.jsonl" || fail "reference ingest"
read -r ref_docs ref_claims <<<"$(counts "$TMP/ref.db")"
[[ $ref_docs == "$N" && $ref_claims -gt $N ]] || fail "reference: $ref_docs documents, $ref_claims claims"

# --- 1. Ctrl-C ----------------------------------------------------------------
if start_and_wait "$TMP/int.db" 10; then
  kill -INT "$pid"
  wait "$pid"; rc=$?
  read -r d _ <<<"$(counts "$TMP/int.db")"
  if [[ $rc == 130 && $d -ge 10 && $d -lt $N ]] && grep -q "interrupted" "$TMP/run.err" && consistent "$TMP/int.db"; then
    pass "SIGINT: exit 130, $d of $N documents stored whole, message: $(grep -m1 interrupted "$TMP/run.err")"
  else
    fail "SIGINT: exit $rc, $d documents"; cat "$TMP/run.err" >&2
  fi
  "$BIN" --db "$TMP/int.db" ingest --jobs 2 "$TMP/corpus.jsonl" >"$TMP/int2.out" 2>"$TMP/int2.err"; rc=$?
  read -r d2 c2 <<<"$(counts "$TMP/int.db")"
  if [[ $rc == 0 && $d2 == "$ref_docs" && $c2 == "$ref_claims" ]] && grep -q "$d already stored" "$TMP/int2.out"; then
    pass "rerun after SIGINT: $d skipped, $((N - d)) stored; $d2 documents and $c2 claims as uninterrupted"
  else
    fail "rerun after SIGINT: exit $rc, $d2 documents / $c2 claims (want $ref_docs / $ref_claims)"; cat "$TMP/int2.out" "$TMP/int2.err" >&2
  fi
else
  fail "SIGINT: the ingest ended or stalled before storing 10 documents"
fi

# --- 2. SIGKILL ---------------------------------------------------------------
if start_and_wait "$TMP/kill.db" 10; then
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null
  read -r d _ <<<"$(counts "$TMP/kill.db")"
  consistent "$TMP/kill.db" && pass "SIGKILL: integrity ok, $d documents stored whole" || fail "SIGKILL left an inconsistent database"
  "$BIN" --db "$TMP/kill.db" ingest --quiet --jobs 2 "$TMP/corpus.jsonl"; rc=$?
  read -r d2 c2 <<<"$(counts "$TMP/kill.db")"
  if [[ $rc == 0 && $d2 == "$ref_docs" && $c2 == "$ref_claims" ]]; then
    pass "rerun after SIGKILL: $d2 documents and $c2 claims, as uninterrupted"
  else
    fail "rerun after SIGKILL: exit $rc, $d2 documents / $c2 claims (want $ref_docs / $ref_claims)"
  fi
else
  fail "SIGKILL: the ingest ended or stalled before storing 10 documents"
fi

if [[ $failures -gt 0 ]]; then
  echo "ingest_resume_test: $failures failure(s)" >&2
  exit 1
fi
echo "ingest_resume_test: all passed"
