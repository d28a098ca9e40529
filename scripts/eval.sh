#!/usr/bin/env bash
# make eval: score claim extraction.
#  1. the dev article(s) in SHARED/eval/articles against SHARED/eval/gold (skipped without ../shared);
#  2. our own annotated documents in tests/gold/ (articles/ + gold/), always.
# Usage: scripts/eval.sh BUILD SHARED
set -uo pipefail
build=${1:-build}
shared=${2:-../shared}
bin="$build/tiegraph"
scorer="$shared/eval/score.py"
[ -x "$bin" ] || { echo "eval: $bin not built (run make build)" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

published_of() {  # the gold file's publication date of an article, if any
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("published") or "")' "$1" 2>/dev/null
}

score_set() {  # name articles_dir gold_dir
  local name=$1 articles=$2 gold=$3 out
  out=$(mktemp "$tmp/claims.XXXXXX.jsonl")
  : > "$out"
  for a in "$articles"/*; do
    [ -f "$a" ] || continue
    stem=$(basename "${a%.*}")
    pub=$(published_of "$gold/$stem.json")
    "$bin" extract "$a" ${pub:+--published "$pub"} >> "$out" || echo "eval: extract failed on $a" >&2
  done
  echo "== $name: $(ls "$articles" | wc -l) article(s), $(wc -l < "$out") claims extracted"
  python3 "$scorer_to_use" "$gold" --system "$out" || status=1
}
status=0

if [ -f "$scorer" ]; then
  scorer_to_use=$scorer
  score_set "dev article (shared/eval)" "$shared/eval/articles" "$shared/eval/gold"
else
  echo "eval: $shared/eval not found: dev article skipped"
  scorer_to_use=""
fi
if [ -d tests/gold/articles ] && [ -n "$(ls tests/gold/articles 2>/dev/null)" ]; then
  if [ -z "$scorer_to_use" ]; then
    echo "eval: no scorer (needs $shared/eval/score.py): own test documents skipped"
  else
    score_set "own test documents (tests/gold, GUM news)" tests/gold/articles tests/gold/gold
  fi
fi
bash scripts/eval-coref.sh "$build" "$shared" || status=1
exit $status
