#!/usr/bin/env bash
# e2e: `tiegraph extract` on the bundled article prints JSON Lines in the
# scorer's format, with evidence copied from the text; bad inputs fail clearly.
set -uo pipefail
build=${1:-build}
bin="$build/tiegraph"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAIL: $1"; fail=1; fi; }

article=data/examples/putins-international-friends.jsonl
"$bin" extract "$article" --published 2022-03-01 > "$tmp/out.jsonl" 2> "$tmp/err"
check "extract exits 0" "[ $? -eq 0 ]"
check "extract finds at least 20 claims" "[ $(wc -l < "$tmp/out.jsonl") -ge 20 ]"
python3 - "$tmp/out.jsonl" "$article" <<'PY' && echo "ok: JSON Lines schema and evidence" || { echo "FAIL: JSON Lines schema"; exit 1; }
import json, sys
raw = open(sys.argv[2], encoding="utf-8").read()
text = json.loads(raw)["text"] if sys.argv[2].endswith(".jsonl") else raw
rels = {"praise","criticize","meet","fund","business","collaborate","member","support","oppose","social","aligned","linked"}
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    c = json.loads(line)
    assert c["doc"] == "putins-international-friends", c["doc"]
    for side in ("subject", "object"):
        assert c[side]["name"] and c[side]["type"] in ("Person", "Organization", "Country"), c[side]
    assert c["relation"] in rels, c["relation"]
    assert isinstance(c["negated"], bool)
    assert c["modality"] in ("asserted", "alleged")
    assert c["time"] is None or c["time"][:4].isdigit()
    assert c["evidence"] in text, c["evidence"]
    assert c["quote"] is None or c["quote"] in text
    assert c["subject"]["name"] != c["object"]["name"]
    n += 1
assert n > 0
PY
[ $? -eq 0 ] || fail=1

printf '' > "$tmp/empty.txt"
"$bin" extract "$tmp/empty.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "empty file: exit 1 and a message naming it" "[ $rc -eq 1 ] && grep -q empty.txt '$tmp/err'"
"$bin" extract "$tmp/missing.txt" > /dev/null 2> "$tmp/err"; rc=$?
check "missing file: exit 1 and a message naming it" "[ $rc -eq 1 ] && grep -q missing.txt '$tmp/err'"
"$bin" extract > /dev/null 2>&1; rc=$?
check "no argument: usage error exit 2" "[ $rc -eq 2 ]"
exit $fail
