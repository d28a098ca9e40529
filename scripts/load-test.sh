#!/usr/bin/env bash
# Load test (issue 8): `tiegraph serve` on the synthetic 1,000,000-claim
# network (bench/gen_network: 100,000 actors, power-law degrees), on
# loopback, under wrk: LOAD_SECONDS (15) seconds, LOAD_THREADS (2) threads,
# LOAD_CONNECTIONS (16) connections, each request the depth-1 ego network
# (/api/ego?actor=) of one of 2,000 actors drawn at random from those with
# claims (half by id, half by name). Prints requests/s, p50/p90/p99 latency
# and errors; exits 1 on any error (and, with LOAD_P99_STRICT=1, when p99 > LOAD_P99_MS, 50).
#   scripts/load-test.sh [BUILD]     (default build; the network is generated
#   once into BUILD/bench-data/, never committed)
set -euo pipefail
BUILD=${1:-build}
ACTORS=${LOAD_ACTORS:-100000}
CLAIMS=${LOAD_CLAIMS:-1000000}
SECONDS_=${LOAD_SECONDS:-15}
THREADS=${LOAD_THREADS:-2}
CONNECTIONS=${LOAD_CONNECTIONS:-16}
P99_MS=${LOAD_P99_MS:-50}
command -v wrk >/dev/null || { echo "load-test: wrk is not installed (apt-get install wrk)"; exit 2; }
[[ -f "$BUILD/CMakeCache.txt" ]] || cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" --target gen_network tiegraph_cli -j"${JOBS:-2}" >/dev/null
DATA="$BUILD/bench-data"
DB="$DATA/graph_net_${ACTORS}_${CLAIMS}.db"
mkdir -p "$DATA"
if [[ ! -f "$DB" ]]; then
  echo "== generating $ACTORS actors, $CLAIMS claims into $DB"
  "$BUILD/bench/gen_network" --db "$DB" --actors "$ACTORS" --claims "$CLAIMS"
fi
work=$(mktemp -d /tmp/tiegraph-load.XXXXXX)
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# 2,000 actors with claims: the request paths.
python3 - "$DB" "$work/paths.lua" <<'PY'
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rng = random.Random(8)
ids = [r[0] for r in db.execute("SELECT DISTINCT subject FROM claims")]
rng.shuffle(ids)
ids = ids[:2000]
names = dict(db.execute(f"SELECT id, name FROM actors WHERE id IN ({','.join(map(str, ids))})"))
with open(sys.argv[2], "w") as out:
    out.write("paths = {\n")
    for k, i in enumerate(ids):
        ref = str(i) if k % 2 == 0 else names[i].replace(" ", "%20")
        out.write(f'  "/api/ego?actor={ref}",\n')
    out.write("}\n")
PY
cat >>"$work/paths.lua" <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter * 7919) % #paths + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
                         "errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
LUA

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start=$(date +%s.%N)
"$BUILD/tiegraph" serve --db "$DB" --port "$port" --web-root "$work/none" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "load-test: the server exited:"; cat "$work/serve.log"; exit 1; }
  sleep 0.1
done
echo "== server up in $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s: $(head -1 "$work/serve.log")"
echo "== wrk: ${SECONDS_} s, $THREADS threads, $CONNECTIONS connections, GET /api/ego?actor= over 2,000 actors"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_}s" --timeout 5s -s "$work/paths.lua" "http://127.0.0.1:$port" \
  | tee "$work/wrk.out"
result=$(grep '^RESULT' "$work/wrk.out")
python3 - "$result" "$P99_MS" "${LOAD_P99_STRICT:-0}" <<'PY'
import sys
r = dict(kv.split("=") for kv in sys.argv[1].split()[1:])
errors = sum(int(v) for k, v in r.items() if k.startswith("errors_"))
p99, limit = float(r["p99_ms"]), float(sys.argv[2])
print(f"load test: {int(r['requests'])} requests in {float(r['seconds']):.1f} s = {float(r['rps']):.0f} requests/s; "
      f"latency p50 {float(r['p50_ms']):.2f} ms, p90 {float(r['p90_ms']):.2f} ms, p99 {p99:.2f} ms, "
      f"max {float(r['max_ms']):.2f} ms; errors {errors}")
# Errors always fail. Latency depends on how busy the machine is, so the p99
# target is reported, and fails the run only with LOAD_P99_STRICT=1.
strict = sys.argv[3] == "1"
p99_ok = p99 <= limit
print(f"load test: p99 target (<= {limit:g} ms) " + ("met" if p99_ok else "MISSED") +
      ("" if strict or p99_ok else " (reported only; LOAD_P99_STRICT=1 makes it fail)"))
ok = errors == 0 and (p99_ok or not strict)
print("load test: " + ("PASS" if ok else "FAIL"))
sys.exit(0 if ok else 1)
PY
