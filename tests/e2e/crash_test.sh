#!/usr/bin/env bash
# Crash trials (issue 8): `tiegraph ingest` of 2,000 small articles is killed
# with SIGKILL at random moments, CRASH_TRIALS times (default 20). After each
# kill: PRAGMA integrity_check is ok; every document is either absent or
# whole (its mentions, claims and document actors match, count for count, a
# clean reference ingest of the same files); nothing refers to an absent
# document. Reruns then complete the ingest: the database must equal the
# reference (same documents, same per-document counts, no duplicates).
#   tests/e2e/crash_test.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?usage: crash_test.sh BUILD_DIR}
BIN="$(cd "$BUILD" && pwd)/tiegraph"
HERE=$(cd "$(dirname "$0")" && pwd)
TRIALS=${CRASH_TRIALS:-20}
DOCS=${CRASH_DOCS:-2000}
SEED=${CRASH_SEED:-$RANDOM}
work=$(mktemp -d /tmp/tiegraph-crash.XXXXXX)
trap 'rm -rf "$work"' EXIT
RANDOM=$SEED
echo "crash test: $DOCS documents, $TRIALS trials, seed $SEED"

python3 "$HERE/gen_articles.py" "$work/docs" "$DOCS"

now_ms() { date +%s%3N; }
start=$(now_ms)
"$BIN" ingest "$work/docs" --db "$work/ref.db" --quiet
ref_ms=$(( $(now_ms) - start ))
echo "reference ingest: ${ref_ms} ms"

# check.py DB REF MODE: MODE "partial" = every present document whole; "full" = equal to the reference.
cat >"$work/check.py" <<'PY'
import sqlite3, sys
db_path, ref_path, mode = sys.argv[1:4]

def counts(path):
    db = sqlite3.connect(path)
    ok = db.execute("PRAGMA integrity_check").fetchone()[0]
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        # Killed before the schema's transaction committed: nothing stored yet.
        return ok, [], {}, 0, [0, 0, 0]
    if "documents" not in tables:
        print(f"the schema is partly created: tables {sorted(tables)}")
        sys.exit(1)
    docs = [r[0] for r in db.execute("SELECT id FROM documents")]
    per = {d: [0, 0, 0] for d in docs}
    orphans = 0
    for col, table in enumerate(["mentions", "claims", "document_actors"]):
        for d, n in db.execute(f"SELECT document, count(*) FROM {table} GROUP BY document"):
            if d in per:
                per[d][col] = n
            else:
                orphans += n
    totals = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "mentions", "claims")]
    return ok, docs, per, orphans, totals

ref_ok, ref_docs, ref, _, ref_totals = counts(ref_path)
ok, docs, per, orphans, totals = counts(db_path)
errors = []
if ok != "ok":
    errors.append(f"integrity_check: {ok}")
if len(docs) != len(set(docs)):
    errors.append("duplicate document ids")
if orphans:
    errors.append(f"{orphans} rows refer to absent documents")
torn = [d for d in docs if per[d] != ref.get(d)]
if torn:
    errors.append(f"{len(torn)} documents not whole, e.g. {torn[0]}: {per[torn[0]]} vs reference {ref.get(torn[0])}")
if mode == "full" and (sorted(docs) != sorted(ref_docs) or totals != ref_totals):
    errors.append(f"after the rerun: documents/mentions/claims {totals} vs reference {ref_totals}")
if errors:
    print("; ".join(errors))
    sys.exit(1)
print(len(docs))
PY

ref_docs=$(python3 "$work/check.py" "$work/ref.db" "$work/ref.db" full)
[[ "$ref_docs" -eq "$DOCS" ]] || { echo "FAIL: reference ingest stored $ref_docs of $DOCS documents"; exit 1; }
python3 - "$work/ref.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
m, c = (db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("mentions", "claims"))
print(f"reference: {m} mentions, {c} claims")
if m == 0 or c == 0:
    sys.exit("FAIL: the reference ingest found no mentions or claims; the trials would prove nothing")
PY

failed=0
partial_total=0
# Trials run in chains of KILLS_PER_CHAIN: a fresh database, then that many
# ingests each killed at a random moment (each resuming from what the one
# before left), each kill checked; then a rerun to completion that must equal
# the reference. So every kill is followed by reruns, and kills also hit
# ingests that resume a half-filled database. CRASH_KILLS_PER_CHAIN=1 gives
# one full rerun per kill (slower).
KILLS_PER_CHAIN=${CRASH_KILLS_PER_CHAIN:-5}
max_delay_ms=$(( 6 * ref_ms / (5 * KILLS_PER_CHAIN) ))
((max_delay_ms > 200)) || max_delay_ms=200
db="$work/trial.db"
trial=0
chain=0
mid_way=0  # kills that left a partly filled database
while ((trial < TRIALS)); do
  chain=$((chain + 1))
  rm -f "$db" "$db-wal" "$db-shm"
  for ((k = 0; k < KILLS_PER_CHAIN && trial < TRIALS; k++)); do
    trial=$((trial + 1))
    delay_ms=$(( 50 + (RANDOM * 32768 + RANDOM) % max_delay_ms ))
    "$BIN" ingest "$work/docs" --db "$db" --quiet >/dev/null 2>"$work/trial.err" &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null || true
    status=0
    wait "$pid" 2>/dev/null || status=$?
    if ((status != 0 && status != 137)); then
      echo "FAIL trial $trial: the ingest failed by itself (exit $status): $(head -3 "$work/trial.err")"
      failed=1
      continue 2
    fi
    present=0  # 0 if killed before the database was created
    if [[ -f "$db" ]] && ! present=$(python3 "$work/check.py" "$db" "$work/ref.db" partial); then
      echo "FAIL trial $trial (chain $chain, killed at ${delay_ms} ms): $present"
      failed=1
      continue 2
    fi
    partial_total=$((partial_total + present))
    ((present > 0 && present < DOCS)) && mid_way=$((mid_way + 1))
    echo "trial $trial (chain $chain): killed at ${delay_ms} ms with $present/$DOCS documents stored, all whole, integrity ok"
  done
  if ! "$BIN" ingest "$work/docs" --db "$db" --quiet >/dev/null 2>"$work/rerun.err"; then
    echo "FAIL chain $chain: the rerun failed: $(head -3 "$work/rerun.err")"; failed=1; continue
  fi
  if ! after=$(python3 "$work/check.py" "$db" "$work/ref.db" full); then
    echo "FAIL chain $chain: after the rerun: $after"; failed=1; continue
  fi
  echo "chain $chain: rerun completed -> $after documents, counts equal to the reference, no duplicates"
done
echo "crash test: $TRIALS kill -9 trials in $chain chains; $mid_way left a partly filled database;" \
  "$partial_total stored documents checked whole after kills; reference ingest ${ref_ms} ms"
if ((mid_way == 0)); then
  echo "FAIL: no kill landed while documents were being stored; the trials proved nothing"
  failed=1
fi
exit $failed
