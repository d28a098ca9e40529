#!/usr/bin/env bash
# Browser and HTTP end-to-end test of `tiegraph serve` and the web UI:
# ingests the bundled articles into a temporary database, serves them on a
# free loopback port (with an ingest token), checks a few API answers of the
# real binary, then runs tests/e2e/web_browser.mjs (playwright-core driving
# Debian's chromium headless). Screenshots go to BUILD/test-artifacts/.
# Fails (never skips) when node, chromium, playwright-core or the built UI is
# missing: `make deps web` provides them.
# Usage: tests/e2e/web_browser_test.sh BUILD_DIR   (run from the repository root)
set -uo pipefail

BUILD=${1:?usage: web_browser_test.sh BUILD_DIR}
[[ "$BUILD" = /* ]] || BUILD="$PWD/$BUILD"
BIN="$BUILD/tiegraph"
WEB="$PWD/web"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
ARTIFACTS="$BUILD/test-artifacts"

die() { echo "FAIL: $*" >&2; exit 1; }
[[ -x "$BIN" ]] || die "$BIN is not built (make build)"
command -v node >/dev/null || die "node is not installed (make deps installs nodejs and npm)"
[[ -x "$CHROMIUM" ]] || die "chromium is not installed at $CHROMIUM (make deps installs it)"
[[ -f "$WEB/dist/index.html" ]] || die "the web UI is not built: web/dist/index.html missing (run: make web)"
[[ -d "$WEB/node_modules/playwright-core" ]] || die "playwright-core is not installed in web/node_modules (run: make web)"
"$BIN" serve --help >/dev/null 2>&1 || die "$BIN has no serve command"

TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; fi
  rm -rf "$TMP"
}
trap cleanup EXIT
mkdir -p "$ARTIFACTS"
rm -f "$ARTIFACTS"/web-*.png  # screenshots of this run only

"$BIN" --db "$TMP/t.db" ingest data/examples/ >"$TMP/ingest.log" 2>&1 || { cat "$TMP/ingest.log" >&2; die "ingest of data/examples failed"; }
# The UI checks need an edge whose evidence is known: by default a small
# fixture that states the Le Pen loan and Pompeo's change of stance plainly is
# ingested beside the bundled article. WEB_TEST_CORPUS=bundled runs the same
# checks on the bundled article alone: the acceptance check of issue 6, which
# depends on how much of the article the extractor recovers (see README).
if [[ "${WEB_TEST_CORPUS:-fixture}" != bundled ]]; then
  "$BIN" --db "$TMP/t.db" ingest tests/e2e/fixtures/web_ui.txt --published 2022-03-15 >>"$TMP/ingest.log" 2>&1 ||
    { cat "$TMP/ingest.log" >&2; die "ingest of the UI fixture failed"; }
fi
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
TOKEN="test-$RANDOM-$RANDOM"
"$BIN" --db "$TMP/t.db" serve --port "$PORT" --token "$TOKEN" --web-root "$WEB/dist" >"$TMP/serve.log" 2>&1 &
SERVER_PID=$!
BASE="http://127.0.0.1:$PORT/"

# get PATH -> "STATUS BODY"
get() {
  python3 - "$BASE" "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    with urllib.request.urlopen(sys.argv[1] + sys.argv[2].lstrip("/"), timeout=10) as r:
        print(r.status, r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code, e.read().decode())
except Exception as e:
    print(0, e)
PY
}
for _ in $(seq 1 100); do
  [[ "$(get api/health)" == 200* ]] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$TMP/serve.log" >&2; die "the server exited"; }
  sleep 0.1
done
[[ "$(get api/health)" == 200* ]] || { cat "$TMP/serve.log" >&2; die "the server does not answer on $BASE"; }
echo "ok: $(head -1 "$TMP/serve.log")"

failures=0
expect() {  # expect PATH STATUS TEXT
  local got
  got=$(get "$1")
  if [[ "$got" == "$2 "* && "$got" == *"$3"* ]]; then echo "ok: GET /$1 -> $2"; else echo "FAIL: GET /$1: expected $2 with '$3', got: ${got:0:300}"; failures=$((failures + 1)); fi
}
expect "api/openapi.json" 200 '"openapi":"3.0.3"'
expect "" 200 '<div id="cy"'
expect "api/actors?q=Le+Pen" 200 'Le Pen'
expect "api/ego?actor=Nobody+Atall+Here" 404 '"status":404'
expect "api/ego?actor=Le+Pen&depth=x" 400 '"status":400'
expect "api/documents/0123abc" 404 '"status":404'
expect "../../etc/passwd" 404 '"status":404'
expect "api/ties?a=Le+Pen&b=Putin" 200 '9 million euro loan'
expect "api/timeline?actor=Pompeo" 200 '"flipped":true'

TIEGRAPH_WEB_DIR="$WEB" TIEGRAPH_TOKEN="$TOKEN" CHROMIUM="$CHROMIUM" \
  timeout 240 node tests/e2e/web_browser.mjs "$BASE" "$ARTIFACTS"
browser=$?
echo "screenshots: $ARTIFACTS/web-*.png"
if [[ $browser != 0 || $failures != 0 ]]; then
  echo "FAIL: web browser test (browser rc=$browser, API failures=$failures)" >&2
  exit 1
fi
echo "web browser test passed"
