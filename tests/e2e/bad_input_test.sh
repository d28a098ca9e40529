#!/usr/bin/env bash
# Bad inputs for `tiegraph ingest` (issue 8): each gets a clear message naming
# the file (and line or byte), the batch goes on, memory stays bounded.
#   empty file; PNG, ELF, zip; invalid UTF-8 (byte offset); UTF-16 with BOM
#   (decoded); a 200 MB text file and a single 50 MB line (split into parts of
#   at most 1 MiB, peak RSS measured); a 50 MB JSON line (refused, the next
#   record stored); HTML nested 100,000 levels deep with scripts and entities
#   (refused quickly) and 2,000 levels (stored, scripts dropped, entities
#   decoded); malformed and wrongly typed JSON records (file:line); zero-width
#   and bidi characters; a folder with unreadable files and symlink loops.
# Big fixtures are generated here, in a temporary folder, never committed.
# The two big files are ingested with --no-extract (loading and storing only:
# extracting 40 million words would take minutes); the memory bound of
# extraction follows from the 1 MiB document limit and the bounded queues.
# Usage: tests/e2e/bad_input_test.sh BUILD_DIR   (from the repository root)
set -uo pipefail
BUILD=${1:?usage: bad_input_test.sh BUILD_DIR}
BIN="$BUILD/tiegraph"
[[ "$BIN" = /* ]] || BIN="$PWD/$BIN"
[[ -x "$BIN" ]] || { echo "FAIL: $BIN not built" >&2; exit 1; }
TMP=$(mktemp -d)
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }
RSS_LIMIT_MB=${RSS_LIMIT_MB:-200}

# ingest NAME ARGS...: runs `tiegraph --db $TMP/NAME.db ingest ARGS`, keeping output, exit status, peak RSS (MiB) and seconds.
ingest() {
  local name=$1
  shift
  /usr/bin/time -f "%M %e" -o "$TMP/$name.time" "$BIN" --db "$TMP/$name.db" ingest --jobs 2 "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
  echo $? >"$TMP/$name.rc"
}
rc() { cat "$TMP/$1.rc"; }
rss_mb() { echo $(($(tail -1 "$TMP/$1.time" | cut -d' ' -f1) / 1024)); }
secs() { tail -1 "$TMP/$1.time" | cut -d' ' -f2; }
docs() { python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM documents").fetchone()[0])' "$TMP/$1.db" 2>/dev/null || echo 0; }
# expect_failure NAME PATTERN WHAT: exit 1, stderr matches PATTERN, nothing stored.
expect_failure() {
  if [[ $(rc "$1") == 1 && $(docs "$1") == 0 ]] && grep -Eq "$2" "$TMP/$1.err"; then
    pass "$3: $(head -c 200 "$TMP/$1.err" | head -1)"
  else
    fail "$3: exit $(rc "$1"), $(docs "$1") documents, stderr: $(head -c 300 "$TMP/$1.err")"
  fi
}

# --- empty, binary, invalid UTF-8 ----------------------------------------------
printf '' >"$TMP/empty.txt"
ingest empty "$TMP/empty.txt"
expect_failure empty "empty.txt: empty file" "empty file"
printf '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00' >"$TMP/image.png"
cp "$BIN" "$TMP/program.txt"  # an ELF file, whatever its name says
python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],"w"); z.writestr("a.txt","Putin met Orban."); z.close()' "$TMP/archive.zip"
for f in image.png program.txt archive.zip; do
  ingest "bin_$f" "$TMP/$f"
  expect_failure "bin_$f" "$f: binary file" "binary $f"
done
printf 'Vladimir Putin met Viktor Orban in Budapest \xff\xfe last year.\n' >"$TMP/latin1.txt"
ingest utf8 "$TMP/latin1.txt"
expect_failure utf8 "latin1.txt: invalid UTF-8 at byte 44" "invalid UTF-8 (file and byte offset)"

# --- UTF-16 with BOM: decoded --------------------------------------------------
python3 -c 'import sys; open(sys.argv[1],"wb").write(b"\xff\xfe" + "Viktor Orbán met Vladimir Putin in Budapest in 2019.\n".encode("utf-16-le"))' "$TMP/u16le.txt"
python3 -c 'import sys; open(sys.argv[1],"wb").write(b"\xfe\xff" + "Marine Le Pen praised Vladimir Putin in 2017.\n".encode("utf-16-be"))' "$TMP/u16be.txt"
ingest u16 "$TMP/u16le.txt" "$TMP/u16be.txt"
if [[ $(rc u16) == 0 && $(docs u16) == 2 ]] && python3 - "$TMP/u16.db" <<'PY'
import sqlite3, sys
texts = sorted(t for (t,) in sqlite3.connect(sys.argv[1]).execute("SELECT text FROM documents"))
assert texts == ["Marine Le Pen praised Vladimir Putin in 2017.\n", "Viktor Orbán met Vladimir Putin in Budapest in 2019.\n"], texts
PY
then pass "UTF-16 LE and BE with BOM decoded to UTF-8 and stored"; else fail "UTF-16: exit $(rc u16)"; cat "$TMP/u16.err" >&2; fi

# --- 200 MB text file: parts of at most 1 MiB, bounded memory -------------------
python3 - "$TMP/big.txt" <<'PY'
import sys
# 200 MiB of distinct paragraphs (identical parts would be stored once, as duplicates).
with open(sys.argv[1], "w") as f:
    size, i = 0, 0
    while size < 200 * 1048576:
        para = f"Paragraph {i}: Viktor Orban met Vladimir Putin in Budapest. The talks covered gas supplies and trade. " * 8 + "\n\n"
        f.write(para)
        size += len(para)
        i += 1
PY
ingest big --no-extract "$TMP/big.txt"
size=$(stat -c %s "$TMP/big.txt")
if [[ $(rc big) == 0 && $(docs big) -ge 200 && $(rss_mb big) -le $RSS_LIMIT_MB ]] && python3 - "$TMP/big.db" "$size" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
n, longest, total = db.execute("SELECT COUNT(*), MAX(LENGTH(CAST(text AS BLOB))), SUM(LENGTH(CAST(text AS BLOB))) FROM documents").fetchone()
assert longest <= 1048576, longest
assert total == int(sys.argv[2]), (total, sys.argv[2])  # every byte kept, none twice
PY
then pass "200 MB text file: $(docs big) parts of <= 1 MiB holding every byte, peak RSS $(rss_mb big) MiB (limit $RSS_LIMIT_MB), $(secs big) s"
else fail "200 MB text: exit $(rc big), $(docs big) documents, peak RSS $(rss_mb big) MiB"; head -3 "$TMP/big.err" >&2; fi
rm -f "$TMP/big.txt" "$TMP/big.db"*

# --- a single 50 MB line: split at word boundaries; in JSON Lines: refused -----
python3 - "$TMP/line.txt" "$TMP/line.jsonl" <<'PY'
import json, sys
# 50 MiB of words without a newline, distinct all along.
words = " ".join(f"Putin{i} Orban Budapest gas trade talks" for i in range(1500000))[:50 * 1048576]
open(sys.argv[1], "w").write(words + "\n")
with open(sys.argv[2], "w") as f:
    f.write(json.dumps({"id": "huge", "text": words}) + "\n")
    f.write(json.dumps({"id": "small", "text": "Viktor Orban met Vladimir Putin in Budapest."}) + "\n")
PY
ingest line --no-extract "$TMP/line.txt"
if [[ $(rc line) == 0 && $(docs line) -ge 50 && $(rss_mb line) -le $RSS_LIMIT_MB ]] && python3 - "$TMP/line.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for (t,) in db.execute("SELECT text FROM documents"):
    assert len(t.encode()) <= 1048576
    assert t.endswith((" ", "\n")), t[-20:]  # cut after a space, never inside a word
PY
then pass "single 50 MB line: $(docs line) parts cut at spaces, peak RSS $(rss_mb line) MiB, $(secs line) s"
else fail "50 MB line: exit $(rc line), $(docs line) documents, peak RSS $(rss_mb line) MiB"; head -3 "$TMP/line.err" >&2; fi
ingest jline "$TMP/line.jsonl"
if [[ $(rc jline) == 1 && $(docs jline) == 1 && $(rss_mb jline) -le $RSS_LIMIT_MB ]] && grep -Eq "line.jsonl:1: line of 50.0 MiB is over" "$TMP/jline.err"; then
  pass "50 MB JSON line refused, next record stored, peak RSS $(rss_mb jline) MiB: $(head -1 "$TMP/jline.err")"
else
  fail "50 MB JSON line: exit $(rc jline), $(docs jline) documents, peak RSS $(rss_mb jline) MiB"; cat "$TMP/jline.err" >&2
fi
rm -f "$TMP/line.txt" "$TMP/line.jsonl"

# --- HTML nested 100,000 levels deep, with scripts and entities ----------------
deep_html() {
  python3 - "$1" "$2" <<'PY'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
head = "<!DOCTYPE html><html><head><title>Deep &amp; nested</title><script>var s = '<div><div>';</script></head><body>"
body = "<div><script>document.write('<b>')</script>&eacute;&#233;&amp;" * n
body += "<p>Viktor Orb&aacute;n met Vladimir Putin in Budapest &mdash; &quot;a friend&quot;.</p>" + "</div>" * n
open(out, "w").write(head + body + "</body></html>")
PY
}
deep_html 100000 "$TMP/deep.html"
ingest deep "$TMP/deep.html"
if [[ $(rc deep) == 1 && $(docs deep) == 0 ]] && grep -q "deep.html: HTML nested more than 4096 levels deep" "$TMP/deep.err" &&
   awk -v s="$(secs deep)" 'BEGIN { exit !(s < 10) }'; then
  pass "HTML nested 100,000 deep: refused in $(secs deep) s: $(head -1 "$TMP/deep.err")"
else
  fail "deep HTML: exit $(rc deep), $(secs deep) s"; cat "$TMP/deep.err" >&2
fi
deep_html 2000 "$TMP/nested.html"
ingest nested "$TMP/nested.html"
if [[ $(rc nested) == 0 && $(docs nested) == 1 ]] && python3 - "$TMP/nested.db" <<'PY'
import sqlite3, sys
(t,) = sqlite3.connect(sys.argv[1]).execute("SELECT text FROM documents").fetchone()
assert "document.write" not in t and "var s" not in t, "script text kept"
assert "Viktor Orbán met Vladimir Putin in Budapest — \"a friend\"." in t, t[-200:]
assert "éé&" in t
PY
then pass "HTML nested 2,000 deep with scripts and entities: stored, scripts dropped, entities decoded ($(secs nested) s)"
else fail "nested HTML: exit $(rc nested)"; cat "$TMP/nested.err" >&2; fi

# --- JSON Lines with malformed and wrongly typed records -------------------------
cat >"$TMP/records.jsonl" <<'EOF2'
{"id": "ok-1", "title": "fine", "text": "Viktor Orban met Vladimir Putin in Budapest."}
{"id": "num", "text": 42}
[1, 2, 3]
{"id": "cut", "text": "Marine Le Pen
{"id": "title", "title": ["not", "a", "string"], "text": "Putin met Orban."}
"just a string"

{"id": "notext", "title": "no text"}
{"id": 7, "text": "Nigel Farage praised Donald Trump in 2016."}
{"id": "ok-2", "published": "2020-01-02T10:00:00Z", "text": "Marine Le Pen praised Vladimir Putin in 2017."}
EOF2
ingest records "$TMP/records.jsonl"
expected_lines="records.jsonl:2:|records.jsonl:3:|records.jsonl:4:|records.jsonl:5:|records.jsonl:6:|records.jsonl:8:|records.jsonl:9:"
named=$(grep -Eo "records.jsonl:[0-9]+:" "$TMP/records.err" | sort -t: -k2n | paste -sd'|')
if [[ $(rc records) == 1 && $(docs records) == 2 && "$named" == "$expected_lines" ]]; then
  pass "malformed / wrongly typed JSON records: 7 named by file:line, 2 good ones stored, exit 1"
else
  fail "JSON records: exit $(rc records), $(docs records) documents, lines named: $named"; cat "$TMP/records.err" >&2
fi

# --- zero-width and bidi characters -----------------------------------------------
python3 - "$TMP/bidi.txt" <<'PY'
import sys
text = ("Viktor\u200b Orban\u200d met \u202eVladimir Putin\u202c in \u2067Budapest\u2069 in 2019.\ufeff "
        "\u200fMarine Le Pen\u200e praised Vladimir Putin in 2017.\u2066\u2068\u200c\n")
open(sys.argv[1], "w", encoding="utf-8").write(text)
PY
ingest bidi "$TMP/bidi.txt"
if [[ $(rc bidi) == 0 && $(docs bidi) == 1 ]] && python3 - "$TMP/bidi.db" "$TMP/bidi.txt" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
(t,) = db.execute("SELECT text FROM documents").fetchone()
assert t == open(sys.argv[2], encoding="utf-8").read(), "text changed"
for s, e, ev in db.execute("SELECT evidence_start, evidence_end, evidence FROM claims"):
    assert t.encode()[s:e].decode() == ev  # offsets stay valid around the invisible characters
PY
then pass "zero-width and bidi characters: stored unchanged, evidence offsets valid"
else fail "bidi: exit $(rc bidi)"; cat "$TMP/bidi.err" >&2; fi

# --- a folder with unreadable files and symlink loops -----------------------------
mkdir -p "$TMP/tree/sub" "$TMP/tree/locked"
printf 'Viktor Orban met Vladimir Putin in Budapest in 2019.\n' >"$TMP/tree/good.txt"
printf 'Marine Le Pen praised Vladimir Putin in 2017.\n' >"$TMP/tree/sub/also.txt"
printf 'Nigel Farage praised Donald Trump.\n' >"$TMP/tree/locked/hidden.txt"
printf 'Jair Bolsonaro met Donald Trump.\n' >"$TMP/tree/secret.txt"
ln -s loop_b "$TMP/tree/loop_a"
ln -s loop_a "$TMP/tree/loop_b"
ln -s . "$TMP/tree/sub/self"        # a link back to a folder: not followed
ln -s ../tree "$TMP/tree/sub/up"
ln -s missing.txt "$TMP/tree/dangling.txt"
chmod 000 "$TMP/tree/secret.txt" "$TMP/tree/locked"
ingest tree "$TMP/tree"
if [[ $(rc tree) == 1 ]] && grep -q "loop_a: broken or looping symbolic link" "$TMP/tree.err" &&
   grep -q "loop_b: broken or looping symbolic link" "$TMP/tree.err" && grep -q "dangling.txt: broken" "$TMP/tree.err"; then
  pass "symlink loops and a dangling link named, folder links not followed, exit 1"
else
  fail "folder: exit $(rc tree)"; cat "$TMP/tree.err" >&2
fi
# Unreadable files need a user that permissions apply to: as root (whom chmod
# 000 does not stop), the check runs as `nobody` through setpriv, or is skipped.
run_as=()
if [[ $(id -u) == 0 ]]; then
  if command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    run_as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chmod 755 "$TMP"
    mkdir -p "$TMP/userdb" && chmod 777 "$TMP/userdb"
  else
    echo "skip: unreadable file and folder: running as root without setpriv; root reads files whatever their mode"
  fi
fi
if [[ $(id -u) != 0 || ${#run_as[@]} -gt 0 ]]; then
  db="$TMP/tree_user.db"
  [[ ${#run_as[@]} -gt 0 ]] && db="$TMP/userdb/tree.db"
  "${run_as[@]}" "$BIN" --db "$db" ingest --jobs 2 "$TMP/tree" >"$TMP/tree_user.out" 2>"$TMP/tree_user.err"; rc=$?
  n=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM documents").fetchone()[0])' "$db" 2>/dev/null)
  if [[ $rc == 1 && $n == 2 ]] && grep -q "secret.txt: cannot open: Permission denied" "$TMP/tree_user.err" &&
     grep -q "locked: cannot read folder" "$TMP/tree_user.err"; then
    pass "unreadable file and folder named${run_as:+ (run as nobody)}; the 2 readable documents stored once each"
  else
    fail "unreadable: exit $rc, $n documents"; cat "$TMP/tree_user.err" >&2
  fi
fi
[[ $(id -u) == 0 && $(docs tree) == 4 ]] && pass "as root, the same folder gives its 4 documents once each"

# --- a batch goes on past every bad input and sums up -------------------------------
ingest batch "$TMP/empty.txt" "$TMP/image.png" "$TMP/latin1.txt" "$TMP/u16le.txt" "$TMP/deep.html" "$TMP/records.jsonl" "$TMP/no-such-file.txt"
if [[ $(rc batch) == 1 && $(docs batch) == 3 ]] && grep -q "3 stored, 0 already stored, 12 failed" "$TMP/batch.out" &&
   grep -q "no-such-file.txt: no such file" "$TMP/batch.err"; then
  pass "mixed batch: $(head -1 "$TMP/batch.out")"
else
  fail "mixed batch: exit $(rc batch), $(docs batch) documents: $(head -1 "$TMP/batch.out")"; cat "$TMP/batch.err" >&2
fi

if [[ $failures -gt 0 ]]; then
  echo "bad_input_test: $failures failure(s)" >&2
  exit 1
fi
echo "bad_input_test: all passed"
