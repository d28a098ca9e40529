#!/usr/bin/env bash
# Measures the ingest rate of 1 and 2 `tiegraph ingest --pg` workers writing
# into one PostgreSQL 15 (started by scripts/pg-test.sh).
#
#   scripts/pg-ingest-rate.sh [BUILD_DIR] [DOCS]
#
# The input is composed under a temporary folder (never in the repository):
# DOCS JSON Lines records (default 400), each of 12 sentences drawn from the
# UD English treebanks of ../shared/corpora plus one sentence of the bundled
# example article (so that actors and claims are found), then split in two
# halves. Run 1: one worker ingests both halves; run 2 (empty database): two
# workers ingest one half each at the same time. Prints documents/second and
# the database counts after each run.
set -euo pipefail
BUILD=${1:-build}
DOCS=${2:-400}
SHARED=${TIEGRAPH_SHARED:-../shared}
BIN=$(cd "$BUILD" && pwd)/tiegraph
WORK=$(mktemp -d "${TMPDIR:-/tmp}/tiegraph-rate.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

python3 - "$SHARED/corpora" data/examples "$WORK" "$DOCS" <<'PY'
import glob, json, os, random, sys
corpora, examples, work, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
sents = []
for path in sorted(glob.glob(os.path.join(corpora, "ud_english_*", "*train.conllu"))):
    for line in open(path, encoding="utf-8"):
        if line.startswith("# text = "):
            sents.append(line[9:].strip())
political = []
for path in sorted(glob.glob(os.path.join(examples, "*.txt")) + glob.glob(os.path.join(examples, "*.jsonl"))):
    raw = open(path, encoding="utf-8").read()
    texts = [json.loads(l)["text"] for l in raw.splitlines() if l.strip()] if path.endswith(".jsonl") else [raw]
    for para in "\n".join(texts).split("\n"):
        political += [s.strip() + "." for s in para.split(". ") if len(s.split()) > 6]
rng = random.Random(7)
halves = [open(os.path.join(work, f"part{i}.jsonl"), "w", encoding="utf-8") for i in (1, 2)]
for i in range(n):
    body = rng.sample(sents, 12)
    body.insert(rng.randrange(13), rng.choice(political))
    rec = {"id": f"rate-{i}", "title": f"rate {i}", "published": "2022-03-01", "text": " ".join(body)}
    halves[i % 2].write(json.dumps(rec) + "\n")
for h in halves:
    h.close()
print(f"corpus: {n} documents from {len(sents)} treebank and {len(political)} example sentences", file=sys.stderr)
PY

RATE_SCRIPT=$(cat <<'INNER'
set -euo pipefail
PSQL=/usr/lib/postgresql/15/bin/psql
[[ -x $PSQL ]] || PSQL=psql
reset() { PGOPTIONS="-c client_min_messages=warning" $PSQL -q "$TIEGRAPH_PG_URL" -c 'DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;' >/dev/null; }
counts() { $PSQL -tA "$TIEGRAPH_PG_URL" -c "SELECT (SELECT COUNT(*) FROM documents) || ' documents, ' || (SELECT COUNT(*) FROM actors) || ' actors, ' || (SELECT COUNT(*) FROM claims) || ' claims'"; }
reset
t0=$(date +%s.%N)
"$BIN" --pg "$TIEGRAPH_PG_URL" ingest --quiet "$WORK/part1.jsonl" "$WORK/part2.jsonl"
t1=$(date +%s.%N)
python3 -c "import sys; n=int(sys.argv[1]); s=float(sys.argv[3])-float(sys.argv[2]); print(f'1 worker : {n} documents in {s:.2f} s = {n/s:.1f} documents/s')" "$DOCS" "$t0" "$t1"
echo "           database: $(counts)"
reset
t0=$(date +%s.%N)
"$BIN" --pg "$TIEGRAPH_PG_URL" ingest --quiet "$WORK/part1.jsonl" & p1=$!
"$BIN" --pg "$TIEGRAPH_PG_URL" ingest --quiet "$WORK/part2.jsonl" & p2=$!
wait $p1; wait $p2
t1=$(date +%s.%N)
python3 -c "import sys; n=int(sys.argv[1]); s=float(sys.argv[3])-float(sys.argv[2]); print(f'2 workers: {n} documents in {s:.2f} s = {n/s:.1f} documents/s')" "$DOCS" "$t0" "$t1"
echo "           database: $(counts)"
INNER
)
export BIN WORK DOCS
echo "machine: $(nproc) cores" >&2
PG_FSYNC=${PG_FSYNC:-on} bash scripts/pg-test.sh "$BUILD" -- bash -c "$RATE_SCRIPT"
