#!/usr/bin/env bash
# End-to-end test of `tiegraph ingest` over many documents: the same database
# whatever --jobs, compressed inputs (.gz and .zst, JSON Lines and text),
# periodic progress lines when stderr is not a terminal, --quiet silence,
# and the exit statuses (0 all stored, 1 some inputs failed, 2 usage).
# Usage: tests/e2e/ingest_parallel_test.sh BUILD_DIR   (from the repository root)
set -uo pipefail
BUILD=${1:?usage: ingest_parallel_test.sh BUILD_DIR}
BIN="$BUILD/tiegraph"
[[ "$BIN" = /* ]] || BIN="$PWD/$BIN"
[[ -x "$BIN" ]] || { echo "FAIL: $BIN not built" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# N articles as JSON Lines with a few claims each between varied actors.
gen() {
  python3 - "$1" "$2" <<'PY'
import json, random, sys
n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(5)
people = ["Matteo Salvini", "Marine Le Pen", "Viktor Orban", "Nigel Farage", "Jair Bolsonaro", "Donald Trump",
          "Vladimir Putin", "Olaf Scholz", "Anna Kovacs", "Boris Petrov", "Elena Moretti", "Hugo Weber"]
verbs = ["praised", "criticized", "met", "condemned", "visited", "thanked"]
with open(out, "w") as f:
    for i in range(n):
        sents = []
        for k in range(8):
            a, b = rng.sample(people, 2)
            sents.append(f"{a} {rng.choice(verbs)} {b} in {rng.randint(2005, 2024)}.")
            sents.append("The meeting lasted for several hours and covered energy, trade and security questions.")
        f.write(json.dumps({"id": f"a{i}", "title": f"Article {i}", "published": "2021-06-01",
                            "text": f"Article {i}.\n\n" + " ".join(sents)}) + "\n")
PY
}
# Claims as comparable rows: document, subject, relation, object, time, evidence offsets, actor ids.
dump() {
  python3 - "$1" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for row in db.execute("""SELECT c.document, c.subject, s.name, c.relation, c.object, o.name, c.time,
                          c.evidence_start, c.evidence_end FROM claims c JOIN actors s ON s.id = c.subject
                          JOIN actors o ON o.id = c.object ORDER BY c.id"""):
    print(row)
print("documents", db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
PY
}
docs() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM documents").fetchone()[0])' "$1"; }

gen 150 "$TMP/corpus.jsonl"

# --- 1. --jobs 1 and --jobs 2 give the same database ---------------------
"$BIN" --db "$TMP/j1.db" ingest --quiet --jobs 1 "$TMP/corpus.jsonl"; rc1=$?
"$BIN" --db "$TMP/j2.db" ingest --jobs 2 --progress-interval 0.2 "$TMP/corpus.jsonl" >"$TMP/j2.out" 2>"$TMP/j2.err"; rc2=$?
if [[ $rc1 == 0 && $rc2 == 0 && $(docs "$TMP/j2.db") == 150 ]] && cmp -s <(dump "$TMP/j1.db") <(dump "$TMP/j2.db"); then
  pass "--jobs 1 and --jobs 2: same 150 documents, same claims and actor ids ($(dump "$TMP/j1.db" | wc -l) rows)"
else
  fail "--jobs 1 vs 2: rc $rc1/$rc2, documents $(docs "$TMP/j1.db")/$(docs "$TMP/j2.db")"
  diff <(dump "$TMP/j1.db") <(dump "$TMP/j2.db") | head -5 >&2
fi

# --- 2. progress on a redirected stderr: plain periodic lines -------------
lines=$(grep -c "docs/s" "$TMP/j2.err")
if [[ $lines -ge 2 ]] && ! grep -q $'\r' "$TMP/j2.err" && grep -q "150 stored" "$TMP/j2.out"; then
  pass "non-terminal progress: $lines plain lines, e.g. \"$(grep -m1 "docs/s" "$TMP/j2.err")\""
else
  fail "non-terminal progress: $lines lines"; cat "$TMP/j2.err" >&2
fi

# --- 3. --quiet prints nothing ---------------------------------------------
"$BIN" --db "$TMP/q.db" ingest --quiet --jobs 2 --progress-interval 0.05 "$TMP/corpus.jsonl" >"$TMP/q.out" 2>"$TMP/q.err"; rc=$?
if [[ $rc == 0 && ! -s "$TMP/q.out" && ! -s "$TMP/q.err" ]]; then
  pass "--quiet: no output, exit 0"
else
  fail "--quiet: rc $rc, stdout $(wc -c <"$TMP/q.out") bytes, stderr $(wc -c <"$TMP/q.err") bytes"
fi

# --- 4. compressed inputs ---------------------------------------------------
mkdir -p "$TMP/z"
head -n 20 "$TMP/corpus.jsonl" | gzip -c >"$TMP/z/part.jsonl.gz"
sed -n 21,40p "$TMP/corpus.jsonl" | zstd -q -c >"$TMP/z/part.jsonl.zst"
printf 'Viktor Orban met Vladimir Putin in Moscow in 2019.\n' | gzip -c >"$TMP/z/note.txt.gz"
printf 'Marine Le Pen praised Vladimir Putin in 2017.\n' | zstd -q -c >"$TMP/z/note2.txt.zst"
"$BIN" --db "$TMP/z.db" ingest --jobs 2 "$TMP/z" >"$TMP/z.out" 2>"$TMP/z.err"; rc=$?
if [[ $rc == 0 && $(docs "$TMP/z.db") == 42 ]]; then
  pass "compressed: .jsonl.gz (20) + .jsonl.zst (20) + .txt.gz + .txt.zst = 42 documents"
else
  fail "compressed: rc $rc, $(docs "$TMP/z.db") documents"; cat "$TMP/z.err" >&2
fi
python3 - "$TMP/z.db" <<'PY' && pass "compressed text files keep their text and claims" || fail "compressed text content"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
texts = [t for (t,) in db.execute("SELECT text FROM documents")]
assert any(t.startswith("Viktor Orban met Vladimir Putin") for t in texts)
assert any(t.startswith("Marine Le Pen praised") for t in texts)
assert db.execute("SELECT COUNT(*) FROM claims").fetchone()[0] > 40
PY
# A corrupt compressed file is a failed input named on stderr; the rest is stored.
printf 'not gzip at all' >"$TMP/z/broken.jsonl.gz"
head -c 100 "$TMP/z/part.jsonl.zst" >"$TMP/z/cut.jsonl.zst"
"$BIN" --db "$TMP/z2.db" ingest --jobs 2 "$TMP/z" >"$TMP/z2.out" 2>"$TMP/z2.err"; rc=$?
if [[ $rc == 1 && $(docs "$TMP/z2.db") -ge 42 ]] && grep -q "broken.jsonl.gz" "$TMP/z2.err" && grep -q "cut.jsonl.zst" "$TMP/z2.err"; then
  pass "corrupt .gz and truncated .zst named, exit 1: $(head -c 200 "$TMP/z2.err" | tr '\n' '|')"
else
  fail "corrupt compressed: rc $rc"; cat "$TMP/z2.err" >&2
fi

# --- 5. exit statuses -------------------------------------------------------
"$BIN" --db "$TMP/j1.db" ingest --quiet "$TMP/corpus.jsonl"; rc=$?
[[ $rc == 0 ]] && pass "rerun with everything stored: exit 0" || fail "rerun: exit $rc"
printf '' >"$TMP/empty.txt"
"$BIN" --db "$TMP/e.db" ingest --quiet "$TMP/corpus.jsonl" "$TMP/empty.txt" 2>"$TMP/e.err"; rc=$?
[[ $rc == 1 && $(docs "$TMP/e.db") == 150 ]] && grep -q empty.txt "$TMP/e.err" && pass "one failed input among good ones: exit 1, the rest stored" ||
  fail "failed input: exit $rc"
for args in "--jobs -1 $TMP/corpus.jsonl" "--no-such-flag $TMP/corpus.jsonl" "" "--published someday $TMP/corpus.jsonl"; do
  # shellcheck disable=SC2086
  "$BIN" --db "$TMP/u.db" ingest $args >/dev/null 2>&1; rc=$?
  [[ $rc == 2 ]] && pass "usage error ($args): exit 2" || fail "usage error ($args): exit $rc"
done
"$BIN" ingest --help | grep -q "Exit status: 0" && pass "--help documents the exit statuses" || fail "--help lacks exit statuses"

if [[ $failures -gt 0 ]]; then
  echo "ingest_parallel_test: $failures failure(s)" >&2
  exit 1
fi
echo "ingest_parallel_test: all passed"
