#!/usr/bin/env bash
# make bench: throughput of the NLP stages and the network queries.
# Usage: scripts/bench.sh BUILD SHARED
set -uo pipefail
build=${1:-build}
shared=${2:-../shared}
echo "== NLP: tag + entities (+ parse) words/s on one core"
"$build/bench/nlp_bench" || echo "bench: nlp_bench failed" >&2
echo
echo "== Network: 100,000 actors / 1,000,000 claims, against networkx and a SQLite recursive CTE"
bash scripts/bench-graph.sh "$build"
echo; echo "== Extraction: whole pipeline, NLP alone, resolve + extract alone; words/s on one core (news articles)"
TIEGRAPH_SHARED="$shared" "$build/bench/extract_bench" || echo "bench: extract_bench failed" >&2
echo; echo "== Ingest: 20,000 generated articles (10M words) into SQLite with 1 and 2 jobs, extraction off, resume"
bash scripts/bench-ingest.sh "$build" "$shared"
