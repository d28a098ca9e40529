#!/usr/bin/env bash
# The network commands (ties, path, rank, timeline, communities) on a small
# database ingested from a hand-written text: their --json output parses and
# holds the expected actors, relations and evidence; the human output prints;
# unknown names exit 1 with close candidates, ambiguous names and bad option
# values exit 2. The assertions hold for the rule-based fallback extractor
# and for the trained models alike (only plain "X praised/met/condemned Y in
# YEAR" sentences).
# Usage: tests/e2e/graph_cli_test.sh BUILD_DIR   (from the repository root)
set -uo pipefail
BUILD=${1:?usage: graph_cli_test.sh BUILD_DIR}
BIN="$BUILD/tiegraph"
[[ "$BIN" = /* ]] || BIN="$PWD/$BIN"
[[ -x "$BIN" ]] || { echo "FAIL: $BIN not built" >&2; exit 1; }
PY=/usr/bin/python3
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
DB="$TMP/net.db"

cat >"$TMP/ties.txt" <<'EOF'
Vladimir Putin praised Marine Le Pen in 2014. Marine Le Pen met Vladimir Putin in 2017. In 2016 Marine Le Pen praised Vladimir Putin.
In 2023 Marine Le Pen condemned Vladimir Putin. In 2024 Marine Le Pen criticized Vladimir Putin.
Matteo Salvini met Marine Le Pen in 2019. Jean-Marie Le Pen praised Matteo Salvini in 2018.
Viktor Orban met Matteo Salvini in 2021.
EOF
"$BIN" --db "$DB" ingest --quiet --published 2024-06-01 "$TMP/ties.txt" || fail "ingest"

# run NAME EXPECTED_EXIT ARGS...: runs tiegraph, keeps stdout in $TMP/NAME.out
# and stderr in $TMP/NAME.err, and checks the exit status.
run() {
  local name=$1 want=$2
  shift 2
  "$BIN" --db "$DB" "$@" >"$TMP/$name.out" 2>"$TMP/$name.err"
  local got=$?
  if [[ $got -ne $want ]]; then
    fail "tiegraph $* exited $got, expected $want: $(head -c 400 "$TMP/$name.err")"
  fi
}

run ties 0 ties "Marine Le Pen" --json
run ties_human 0 ties "Marine Le Pen"
run ties_depth 0 ties Orban --depth 3 --json
run ties_neg 0 ties "Marine Le Pen" --sign - --json
run ties_rel 0 ties "Marine Le Pen" --relation meet --relation praise --json
run ties_since 0 ties "Marine Le Pen" --since 2023 --json
run ties_until 0 ties "Marine Le Pen" --until 2016 --json
run ties_country 0 ties "Marine Le Pen" --country it --json
run path 0 path "Vladimir Putin" "Viktor Orban" --k 2 --json
run path_human 0 path "Vladimir Putin" "Viktor Orban"
run rank 0 rank --json
run rank_deg 0 rank --by degree --limit 3 --json
run friends 0 rank --toward "Vladimir Putin" --json
run friends_human 0 rank --toward "Vladimir Putin"
run timeline 0 timeline "Marine Le Pen" --toward "Vladimir Putin" --json
run timeline_pivot 0 timeline "Marine Le Pen" --pivot 2022-02-24 --json
run timeline_human 0 timeline "Marine Le Pen" --toward "Vladimir Putin" --pivot 2022-02-24
run communities 0 communities --json
run communities_human 0 communities

# Errors: unknown -> 1 with candidates; ambiguous and bad values -> 2.
run unknown 1 ties "Zbigniew Nobodyski"
run typo 1 path "Matteo Salvinni" "Vladimir Putin"
grep -q "Matteo Salvini" "$TMP/typo.err" || fail "typo: no close candidate listed: $(cat "$TMP/typo.err")"
run accents 0 ties "viktor orbán" --json
grep -q '"name": "Viktor Orban"' "$TMP/accents.out" || fail "accents: 'viktor orbán' did not find Viktor Orban"
run ambiguous 2 timeline "Le Pen"
grep -q "Jean-Marie Le Pen" "$TMP/ambiguous.err" && grep -q "Marine Le Pen" "$TMP/ambiguous.err" ||
  fail "ambiguous: candidates not listed: $(cat "$TMP/ambiguous.err")"
run bad_by 2 rank --by fame
run bad_sign 2 ties Putin --sign maybe
run bad_relation 2 ties Putin --relation hugs
run bad_date 2 timeline Putin --pivot 24/02/2022
run bad_depth 2 ties Putin --depth 0
run by_and_toward 2 rank --by degree --toward Putin
"$BIN" --db "$TMP/missing.db" ties Putin >/dev/null 2>"$TMP/no_db.err"
[[ $? -eq 1 ]] || fail "ties on a missing database: exit status not 1"
grep -q "ingest" "$TMP/no_db.err" || fail "missing database: no hint to ingest: $(cat "$TMP/no_db.err")"
[[ -e "$TMP/missing.db" ]] && fail "a query created the missing database"

for cmd in ties path rank timeline communities; do
  "$BIN" "$cmd" --help >"$TMP/help.$cmd" 2>&1 || fail "$cmd --help exit status"
  grep -q "Examples:" "$TMP/help.$cmd" || fail "$cmd --help has no examples"
done

$PY - "$TMP" <<'PY' || fail "json checks"
import json, sys
d = sys.argv[1]
problems = []
def load(name):
    with open(f"{d}/{name}.out", encoding="utf-8") as f:
        return json.load(f)
def check(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        problems.append(what)
def names(nodes):
    return {n["name"] for n in nodes}
def relations(ties):
    return {t["relation"] for t in ties}

PUTIN, LEPEN, SALVINI, ORBAN, JMLP = ("Vladimir Putin", "Marine Le Pen", "Matteo Salvini", "Viktor Orban",
                                      "Jean-Marie Le Pen")

t = load("ties")
check(t["centre"]["name"] == LEPEN, "ties: centre is Marine Le Pen")
check({PUTIN, SALVINI} <= names(t["nodes"]), "ties: Putin and Salvini are her neighbours")
check(ORBAN not in names(t["nodes"]), "ties: Orban (two steps away) is not at depth 1")
check({"praise", "criticize", "meet"} <= relations(t["ties"]), "ties: praise, criticize and meet ties")
ev = [c for tie in t["ties"] for c in tie["evidence"]]
check(all(c["evidence"] and c["document"]["id"] for c in ev), "ties: every claim has a sentence and a document")
check(any("condemned Vladimir Putin" in c["evidence"] for c in ev), "ties: the condemnation sentence is evidence")
check(all(tie["count"] == len(tie["evidence"]) for tie in t["ties"]), "ties: every claim of a tie is listed")
check(any(c["date"] == "2023" for c in ev), "ties: the 2023 claim is dated 2023")

t = load("ties_depth")
byname = {n["name"]: n["depth"] for n in t["nodes"]}
check(byname.get(ORBAN) == 0 and byname.get(SALVINI) == 1 and byname.get(LEPEN) == 2 and byname.get(PUTIN) == 3,
      f"ties --depth 3: depths from Orban {byname}")

t = load("ties_neg")
check(t["ties"] and all(tie["sign"] < 0 for tie in t["ties"]), "ties --sign -: only hostile ties")
check(relations(t["ties"]) == {"criticize"}, "ties --sign -: the criticism")

t = load("ties_rel")
check(relations(t["ties"]) <= {"meet", "praise"} and "meet" in relations(t["ties"]),
      "ties --relation meet --relation praise: only those relations")
check(t["filter"].get("relations") == ["meet", "praise"], "ties: the filter is echoed")

t = load("ties_since")
check(relations(t["ties"]) == {"criticize"}, "ties --since 2023: only the later criticism")
t = load("ties_until")
check(relations(t["ties"]) == {"praise"}, "ties --until 2016: only the early praise")
t = load("ties_country")
check(names(t["nodes"]) == {LEPEN, SALVINI}, "ties --country it: only the Italian neighbour")

p = load("path")
check(p["from"]["name"] == PUTIN and p["to"]["name"] == ORBAN, "path: ends")
check(len(p["paths"]) >= 1, "path: found")
if p["paths"]:
    first = p["paths"][0]
    check([n["name"] for n in first["nodes"]] == [PUTIN, LEPEN, SALVINI, ORBAN],
          "path: Putin -> Le Pen -> Salvini -> Orban")
    check(first["length"] == 3 and len(first["hops"]) == 3, "path: three hops")
    check(all(h["ties"] and all(tie["evidence"] for tie in h["ties"]) for h in first["hops"]),
          "path: every hop has ties with evidence")

r = load("rank")
check(r["by"] == "pagerank" and len(r["scores"]) >= 5, "rank: pagerank over every actor")
check(all(a["score"] >= b["score"] for a, b in zip(r["scores"], r["scores"][1:])), "rank: ordered by score")
check(abs(sum(s["score"] for s in r["scores"]) - 1.0) < 1e-6, "rank: pagerank sums to 1")
r = load("rank_deg")
check(len(r["scores"]) == 3, "rank --limit 3")
check(r["scores"][0]["actor"]["name"] in (LEPEN, SALVINI), "rank --by degree: Le Pen or Salvini on top")

f = load("friends")
check(f["toward"]["name"] == PUTIN, "rank --toward: centre")
fr = {x["actor"]["name"]: x for x in f["friends"]}
check(LEPEN in fr, "rank --toward Putin: Le Pen ranked")
if LEPEN in fr:
    check(fr[LEPEN]["reciprocal"] > 0, "rank --toward Putin: his praise of her is reciprocal > 0")
    check(all(tie["evidence"] for tie in fr[LEPEN]["ties"]), "rank --toward: ties with evidence")

tl = load("timeline")
dates = [e["date"] for e in tl["entries"]]
check(dates == sorted(dates) and len(dates) >= 4, f"timeline: dated entries in order {dates}")
check(all(e["toward"]["name"] == PUTIN for e in tl["entries"]), "timeline --toward: only claims about Putin")
fl = tl["flip"]
check(fl is not None and fl["flipped"] and not fl["pivot_given"], "timeline: a flip is found")
if fl:
    check("2017" < fl["pivot"] <= "2023", f"timeline: found pivot {fl['pivot']} between the praise and the condemnation")
    check(fl["mean_before"] > 0 > fl["mean_after"], "timeline: positive before, negative after")
    check(any("condemned" in c["evidence"] for c in fl["after"]), "timeline: evidence after the pivot")
    check(any("praised" in c["evidence"] for c in fl["before"]), "timeline: evidence before the pivot")
tl = load("timeline_pivot")
fl = tl["flip"]
check(fl is not None and fl["pivot"] == "2022-02-24" and fl["pivot_given"], "timeline --pivot: given pivot kept")
check(fl is not None and fl["flipped"], "timeline --pivot 2022-02-24: flipped")

c = load("communities")
check(len(c["communities"]) >= 1, "communities: at least one")
members = [m["name"] for g in c["communities"] for m in g["members"]]
check(len(members) == len(set(members)), "communities: each actor in one community")
check({PUTIN, LEPEN} <= set(members), "communities: the tied actors are grouped")
sys.exit(1 if problems else 0)
PY

grep -q "condemned Vladimir Putin" "$TMP/ties_human.out" || fail "ties: human output lacks the evidence"
grep -q "pivot 2022-02-24" "$TMP/timeline_human.out" || fail "timeline: human output lacks the pivot"
grep -q "FLIP" "$TMP/timeline_human.out" || fail "timeline: human output lacks the flip"
grep -q "Viktor Orban" "$TMP/path_human.out" || fail "path: human output"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "graph CLI: all checks passed"
