#!/usr/bin/env bash
# Scores the NLP models on the standard test splits and compares them with
# Apache OpenNLP 2.1 trained on the same data (when `opennlp` is installed):
#   UPOS accuracy (UD English EWT test), UAS/LAS (EWT test, predicted POS),
#   entity F1 (UNER English EWT test; GUM news documents, evaluation only),
#   words/s on one core.
# OpenNLP models are trained once and cached under BUILD/opennlp/ (never commit them).
# Usage: scripts/eval-nlp.sh BUILD SHARED
set -euo pipefail
build=${1:?usage: eval-nlp.sh BUILD SHARED}
shared=${2:?usage: eval-nlp.sh BUILD SHARED}
root=$(cd "$(dirname "$0")/.." && pwd)
models="$root/models"
ewt="$shared/corpora/ud_english_ewt"
uner="$shared/corpora/uner_english_ewt"
gum="$shared/corpora/ud_english_gum"
work="$build/opennlp"
mkdir -p "$work"
[ -x "$build/tools/eval_nlp" ] || { echo "eval-nlp: missing $build/tools/eval_nlp (build first)" >&2; exit 1; }
[ -f "$models/tagger.bin" ] && [ -f "$models/ner.bin" ] || { echo "eval-nlp: train the models first (scripts/train-models.sh)" >&2; exit 1; }

# Ours. The recognizer gets the knowledge base's names, as in the pipeline.
gaz_args=()
if [ -x "$build/tools/kb_gazetteer" ] && [ -d "$root/data/kb" ]; then
  "$build/tools/kb_gazetteer" --kb "$root/data/kb" --out "$work/kb-gazetteer.tsv" 2>/dev/null
  gaz_args=(--gazetteer "$work/kb-gazetteer.tsv")
fi
"$build/tools/eval_nlp" --tagger "$models/tagger.bin" --ner "$models/ner.bin" "${gaz_args[@]}" \
  --ud-test "$ewt/en_ewt-ud-test.conllu" --uner-test "$uner/en_ewt-ud-test.iob2" \
  --gum "$gum/en_gum-ud-train.conllu" --gum "$gum/en_gum-ud-dev.conllu" --gum "$gum/en_gum-ud-test.conllu" \
  --write-gum-conll03 "$work/gum-news.conll03" --verbose > "$work/ours.tsv"
ours() { awk -F'\t' -v k="$1" '$1 == k {print $2}' "$work/ours.tsv"; }
uas=n/a las=n/a
if [ -f "$models/parser.bin" ] && [ -x "$build/tools/eval_parser" ]; then
  "$build/tools/eval_parser" --model "$models/parser.bin" --tagger "$models/tagger.bin" \
    --test "$ewt/en_ewt-ud-test.conllu" > "$work/parser.txt"
  uas=$(awk '$1 == "UAS" {print $2}' "$work/parser.txt")
  las=$(awk '$1 == "LAS" {print $2}' "$work/parser.txt")
fi

# OpenNLP: UNER as CoNLL-03 columns (token X X tag); EWT text one sentence a line.
o_upos=n/a o_f1=n/a o_gum=n/a o_wps=n/a o_cpu=n/a
if command -v opennlp >/dev/null; then
  to_conll03() {
    awk -F'\t' '/^# newdoc/ {print "-DOCSTART- -X- -X- O"; print ""; next} /^#/ {next}
                NF == 0 {print ""; next} {gsub(/ /, "_", $2); print $2 " X X " $3}' "$1"
  }
  to_conll03 "$uner/en_ewt-ud-train.PRELIMINARY-2022-12-02.PER-ORG-LOC.iob2" > "$work/uner-train.conll03"
  to_conll03 "$uner/en_ewt-ud-test.iob2" > "$work/uner-test.conll03"
  if [ ! -f "$work/ner.bin" ]; then
    opennlp TokenNameFinderTrainer.conll03 -lang eng -types per,loc,org -encoding UTF-8 \
      -data "$work/uner-train.conll03" -model "$work/ner.bin" > "$work/ner-train.log" 2>&1
  fi
  if [ ! -f "$work/pos.bin" ]; then
    opennlp POSTaggerTrainer.conllu -tagset u -lang eng -encoding UTF-8 \
      -data "$ewt/en_ewt-ud-train.conllu" -model "$work/pos.bin" > "$work/pos-train.log" 2>&1
  fi
  o_f1=$(opennlp TokenNameFinderEvaluator.conll03 -lang eng -types per,loc,org -encoding UTF-8 \
    -model "$work/ner.bin" -data "$work/uner-test.conll03" 2>&1 | awk '/TOTAL/ {gsub(/%/, ""); print $NF / 100}')
  o_gum=$(opennlp TokenNameFinderEvaluator.conll03 -lang eng -types per,loc,org -encoding UTF-8 \
    -model "$work/ner.bin" -data "$work/gum-news.conll03" 2>&1 | awk '/TOTAL/ {gsub(/%/, ""); print $NF / 100}')
  o_upos=$(opennlp POSTaggerEvaluator.conllu -tagset u -encoding UTF-8 -model "$work/pos.bin" \
    -data "$ewt/en_ewt-ud-test.conllu" 2>&1 | awk '/Accuracy/ {print $2 * 100}')
  # Speed: POS tagging + name finding over the test text, ten times over
  # (JVM start and model loading included), one thread each.
  awk -F'\t' '/^#/ {next} NF == 0 {if (line != "") print line; line = ""; next}
              $1 ~ /^[0-9]+$/ {gsub(/ /, "_", $2); line = line == "" ? $2 : line " " $2}' \
    "$ewt/en_ewt-ud-test.conllu" > "$work/ewt-test.txt"
  for i in 1 2 3 4 5 6 7 8 9 10; do cat "$work/ewt-test.txt"; done > "$work/ewt-test-x10.txt"
  words=$(wc -w < "$work/ewt-test-x10.txt")
  TIMEFORMAT='%R %U %S'
  { time taskset -c 0 opennlp POSTagger "$work/pos.bin" < "$work/ewt-test-x10.txt" > /dev/null 2>&1; } 2> "$work/time-pos.txt"
  { time taskset -c 0 opennlp TokenNameFinder "$work/ner.bin" < "$work/ewt-test-x10.txt" > /dev/null 2>&1; } 2> "$work/time-ner.txt"
  o_wps=$(cat "$work/time-pos.txt" "$work/time-ner.txt" | awk -v w="$words" '{t += $1} END {printf "%.0f", w / t}')
  o_cpu=$(cat "$work/time-pos.txt" "$work/time-ner.txt" | awk -v w="$words" '{t += $2 + $3} END {printf "%.0f", w / t}')
fi

wps=$(ours words_per_second_tag_ner)
cpu=$(ours words_per_cpu_second_tag_ner)
ratio=n/a cpu_ratio=n/a
if [ "$o_wps" != n/a ]; then
  ratio=$(awk -v a="$wps" -v b="$o_wps" 'BEGIN {printf "%.1fx", a / b}')
  cpu_ratio=$(awk -v a="$cpu" -v b="$o_cpu" 'BEGIN {printf "%.1fx", a / b}')
fi
printf '%-38s %12s %12s %12s\n' metric tiegraph "OpenNLP 2.1" target
printf '%-38s %12s %12s %12s\n' "UPOS accuracy % (EWT test)" "$(ours upos_accuracy)" "$o_upos" ">= 95.0"
printf '%-38s %12s %12s %12s\n' "XPOS accuracy % (EWT test)" "$(ours xpos_accuracy)" n/a -
printf '%-38s %12s %12s %12s\n' "UAS (EWT test, predicted POS)" "$uas" n/a -
printf '%-38s %12s %12s %12s\n' "LAS (EWT test, predicted POS)" "$las" n/a -
printf '%-38s %12s %12s %12s\n' "entity F1 (UNER EWT test)" "$(ours uner_f1)" "$o_f1" ">= 0.70"
type_f1() { awk -F'\t' -v k="$1" '$1 == k {n = split($2, a, " "); for (i = 1; i < n; ++i) if (a[i] == "F1") printf "%.3f", a[i + 1]}' "$work/ours.tsv"; }
printf '%-38s %12s %12s %12s\n' "  UNER test F1 PER / ORG / LOC" "$(type_f1 uner_PER)/$(type_f1 uner_ORG)/$(type_f1 uner_LOC)" n/a -
printf '%-38s %12s %12s %12s\n' "entity F1 (GUM news, 24 docs)" "$(ours gum_news_f1)" "$o_gum" -
printf '%-38s %12s %12s %12s\n' "words/s tag+entities (wall, one core)" "$wps" "$o_wps" ">= 100000"
printf '%-38s %12s %12s %12s\n' "words per CPU second tag+entities" "$cpu" "$o_cpu" ">= 100000"
printf '%-38s %12s %12s\n' "speed ratio tiegraph/OpenNLP" "$ratio" "(CPU: $cpu_ratio)"
echo "(wall-clock figures depend on the machine's load; CPU seconds do not. OpenNLP figures"
echo " include JVM start and model loading over 10 passes of the test text;"
echo " per-type scores: $work/ours.tsv)"
