#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets of tests/fuzz/ with clang, ASan and
# UBSan in FUZZ_BUILD (default build-fuzz), then runs each for FUZZ_SECONDS
# (default 60) on its seed corpus tests/fuzz/corpus/<target>/. New inputs go
# to FUZZ_BUILD/corpus/<target>/ (never committed); a crash leaves its input
# in FUZZ_BUILD/artifacts/ and makes this script exit 1. Copy a crash input
# into tests/fuzz/corpus/<target>/ once it is fixed: `make test` replays it.
#   scripts/fuzz.sh [TARGET...]     (default: every *_fuzzer)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${FUZZ_SECONDS:-60}
BUILD=${FUZZ_BUILD:-build-fuzz}
JOBS=${FUZZ_JOBS:-2}

if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang \
    -DTIEGRAPH_FUZZ=ON >/dev/null
fi
if [[ $# -gt 0 ]]; then
  targets=("$@")
else
  targets=()
  for src in tests/fuzz/*_fuzzer.cc; do targets+=("$(basename "$src" .cc)"); done
fi
cmake --build "$BUILD" --target "${targets[@]}" -j"$JOBS"

# Inputs larger than this are not generated (the pipeline target also cuts at 8 KB).
declare -A max_len=([html_loader_fuzzer]=65536 [jsonl_loader_fuzzer]=65536 [segment_tokenize_fuzzer]=16384
                    [pipeline_fuzzer]=4096)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
summary=()
for t in "${targets[@]}"; do
  corpus="$BUILD/corpus/$t"
  mkdir -p "$corpus" "$BUILD/artifacts"
  log="$BUILD/fuzz-$t.log"
  echo "== $t: ${SECONDS_PER_TARGET} s"
  status=0
  "$BUILD/fuzz/$t" "$corpus" "tests/fuzz/corpus/$t" -max_total_time="$SECONDS_PER_TARGET" \
    -max_len="${max_len[$t]:-16384}" -timeout=20 -rss_limit_mb=3072 -print_final_stats=1 \
    -artifact_prefix="$BUILD/artifacts/$t-" >"$log" 2>&1 || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  if [[ $status -ne 0 ]]; then
    failed=1
    echo "!! $t failed (exit $status); log $log, inputs in $BUILD/artifacts/:"
    grep -E 'ERROR|SUMMARY|runtime error|invariant|Test unit written' "$log" | head -20 || true
    summary+=("$t: FAILED after $runs executions")
  else
    summary+=("$t: $runs executions, coverage $cov edges, no crash")
  fi
done
echo "== fuzz summary (${SECONDS_PER_TARGET} s per target)"
printf '%s\n' "${summary[@]}"
exit $failed
