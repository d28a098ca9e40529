#!/usr/bin/env bash
# Unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (issue 8):
# configures SANITIZE_BUILD (default build-asan) with -DTIEGRAPH_SANITIZE=ON,
# builds every stage's unit-test binary and the fuzz-corpus replays, and runs
# them. Any sanitizer report fails the run (halt_on_error). End-to-end tests
# (tests/e2e/) are not run here: they drive the CLI and browser, which the
# regular `make test` covers.
#   scripts/sanitize-test.sh [STAGE...]    (default: every stage with tests)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${SANITIZE_BUILD:-build-asan}
JOBS=${SANITIZE_JOBS:-2}
if [[ ! -f "$BUILD/CMakeCache.txt" ]]; then
  cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTIEGRAPH_SANITIZE=ON >/dev/null
fi
if [[ $# -gt 0 ]]; then
  stages=("$@")
else
  stages=()
  for d in tests/*/; do
    s=$(basename "$d")
    compgen -G "tests/$s/*_test.cc" >/dev/null && stages+=("$s")
  done
fi
targets=()
for s in "${stages[@]}"; do targets+=("tiegraph_${s}_tests"); done
replays=()
for src in tests/fuzz/*_fuzzer.cc; do replays+=("$(basename "$src" .cc)_replay"); done
cmake --build "$BUILD" --target "${targets[@]}" "${replays[@]}" -j"$JOBS"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export TIEGRAPH_BUILD_DIR="$PWD/$BUILD"
failed=()
summary=()
for t in "${targets[@]}"; do
  start=$(date +%s)
  status=0
  "$BUILD/tests/$t" --gtest_brief=1 >"$BUILD/$t.log" 2>&1 || status=$?
  took=$(( $(date +%s) - start ))
  passed=$(grep -o '\[  PASSED  \] [0-9]* test' "$BUILD/$t.log" | grep -o '[0-9]*' || echo 0)
  if [[ $status -ne 0 ]]; then
    failed+=("$t")
    summary+=("$t: FAILED (exit $status, ${took} s), log $BUILD/$t.log")
    grep -E 'ERROR: AddressSanitizer|runtime error|SUMMARY|\[  FAILED  \]' "$BUILD/$t.log" | head -20 || true
  else
    summary+=("$t: $passed tests passed in ${took} s")
  fi
done
for r in "${replays[@]}"; do
  name=${r%_replay}
  status=0
  "$BUILD/tests/$r" "tests/fuzz/corpus/$name" >"$BUILD/$r.log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then
    failed+=("$r")
    summary+=("$r: FAILED (exit $status), log $BUILD/$r.log")
    grep -E 'ERROR|runtime error|SUMMARY|invariant' "$BUILD/$r.log" | head -20 || true
  else
    summary+=("$r: $(tail -1 "$BUILD/$r.log")")
  fi
done
echo "== sanitizer (ASan+UBSan) unit tests"
printf '%s\n' "${summary[@]}"
[[ ${#failed[@]} -eq 0 ]] || { echo "failed: ${failed[*]}"; exit 1; }
