#!/usr/bin/env bash
# Trains every model in models/ from the shared corpora, deterministically
# (fixed seeds, fixed epochs): the tagger, the entity recognizer and, when
# its trainer exists, the dependency parser.
# Usage: scripts/train-models.sh BUILD SHARED     (e.g. build ../shared)
#        TRAIN_MODELS="tagger ner" scripts/train-models.sh ...   (a subset; default: all)
# Needs: BUILD/tools/train_tagger, train_ner, kb_gazetteer (and train_parser if present).
set -euo pipefail
build=${1:?usage: train-models.sh BUILD SHARED}
shared=${2:?usage: train-models.sh BUILD SHARED}
root=$(cd "$(dirname "$0")/.." && pwd)
ewt="$shared/corpora/ud_english_ewt"
uner="$shared/corpora/uner_english_ewt"
out="$root/models"
mkdir -p "$out"
for f in "$ewt/en_ewt-ud-train.conllu" "$ewt/en_ewt-ud-dev.conllu" \
         "$uner/en_ewt-ud-train.PRELIMINARY-2022-12-02.PER-ORG-LOC.iob2" "$uner/en_ewt-ud-dev.iob2"; do
  [ -r "$f" ] || { echo "train-models: missing $f" >&2; exit 1; }
done
for t in train_tagger train_ner; do
  [ -x "$build/tools/$t" ] || { echo "train-models: missing $build/tools/$t (build first)" >&2; exit 1; }
done
start=$(date +%s)
want=" ${TRAIN_MODELS:-tagger ner parser} "

if [[ $want == *" tagger "* ]]; then
  echo "== tagger (UD English EWT train, dev for the log)"
  "$build/tools/train_tagger" --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    --epochs 8 --seed 1 --min-weight 0.05 --out "$out/tagger.bin"
fi

# The recognizer's gazetteer features are trained on the knowledge base's
# names, the same list the pipeline gives it at run time; its lexicon of
# place names (Phoenix country dictionary, MIT) is stored in the model.
gaz_args=()
if [ -x "$build/tools/kb_gazetteer" ] && [ -d "$root/data/kb" ]; then
  "$build/tools/kb_gazetteer" --kb "$root/data/kb" --out "$build/nlp-gazetteer.tsv"
  gaz_args=(--gazetteer "$build/nlp-gazetteer.tsv")
fi
if [[ $want == *" ner "* ]]; then
  [ -x "$build/tools/kb_gazetteer" ] || { echo "train-models: missing $build/tools/kb_gazetteer" >&2; exit 1; }
  "$build/tools/kb_gazetteer" --places-from "$shared/corpora/petrarch2_dictionaries/Phoenix.Countries.actors.txt" \
    --out "$build/nlp-places.tsv"
  # Hyper-parameters (structured training, 4 epochs, 4 jackknife folds for
  # the training POS tags, a lowercase copy of the sentences with entities)
  # were chosen on UNER dev with train alone; the shipped model is then
  # trained on train + dev (dev is no longer held out: score on test only).
  echo "== entity recognizer (UNER English EWT train + dev, jackknifed POS tags)"
  "$build/tools/train_ner" --train "$uner/en_ewt-ud-train.PRELIMINARY-2022-12-02.PER-ORG-LOC.iob2" \
    --train "$uner/en_ewt-ud-dev.iob2" --pos-train "$ewt/en_ewt-ud-train.conllu" \
    --tagger "$out/tagger.bin" --folds 4 --fold-epochs 6 --lowercase-copy --lexicon "$build/nlp-places.tsv" \
    --epochs 4 --seed 7 "${gaz_args[@]}" --out "$out/ner.bin"
fi

if [[ $want == *" parser "* ]] && [ -f "$root/tools/train/train_parser.cc" ] && [ -x "$build/tools/train_parser" ]; then
  echo "== parser (UD English EWT train)"
  "$build/tools/train_parser" --train "$ewt/en_ewt-ud-train.conllu" --dev "$ewt/en_ewt-ud-dev.conllu" \
    --tagger "$out/tagger.bin" --out "$out/parser.bin"
fi
echo "== models"
ls -l "$out"/*.bin
du -ch "$out"/*.bin | tail -1
echo "train-models: done in $(( $(date +%s) - start )) s"
