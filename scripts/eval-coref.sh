#!/usr/bin/env bash
# Coreference of the resolver on GUM's news documents (MUC, B3), called by make eval.
# Skipped without SHARED/corpora/gum_coref_conll. Usage: scripts/eval-coref.sh BUILD SHARED
set -uo pipefail
build=${1:-build}
shared=${2:-../shared}
tool="$build/tools/eval_coref"
if [ ! -d "$shared/corpora/gum_coref_conll" ] || [ ! -d "$shared/corpora/ud_english_gum" ]; then
  echo "eval-coref: $shared/corpora/gum_coref_conll or ud_english_gum not found: coreference skipped"
  exit 0
fi
[ -x "$tool" ] || { echo "eval-coref: $tool not built (run make build)" >&2; exit 2; }
echo "== coreference: resolver's actor chains vs GUM news gold chains"
"$tool" --shared "$shared"
