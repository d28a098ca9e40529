#!/usr/bin/env bash
# Graph benchmark, side by side with networkx and a SQLite recursive CTE.
#   scripts/bench-graph.sh BUILD [ACTORS CLAIMS]
# Builds gen_network and graph_bench in BUILD, generates a power-law network
# (default 100,000 actors, 1,000,000 claims) into BUILD/bench-data/ once
# (never commit it), runs tiegraph's queries and the peers on the same data,
# and prints one table. Peers run on the first queries only (they are slow):
# networkx on GRAPH_NX_SAMPLE (300), SQLite ego on GRAPH_SQL_SAMPLE (30),
# SQLite path on GRAPH_SQL_PATH_SAMPLE (5). Ratios compare the same queries.
# GRAPH_STORE_LOAD=1 also times loading through the Store interface (slow).
set -euo pipefail
BUILD=${1:?usage: scripts/bench-graph.sh BUILD [ACTORS CLAIMS]}
ACTORS=${2:-100000}
CLAIMS=${3:-1000000}
HERE=$(cd "$(dirname "$0")/.." && pwd)
DATA="$BUILD/bench-data"
DB="$DATA/graph_net_${ACTORS}_${CLAIMS}.db"
mkdir -p "$DATA"
cmake --build "$BUILD" --target gen_network graph_bench -j2 >/dev/null
if [[ ! -f "$DB" ]]; then
  "$BUILD/bench/gen_network" --db "$DB" --actors "$ACTORS" --claims "$CLAIMS"
fi
echo "== tiegraph (C++, in-memory CSR)"
"$BUILD/bench/graph_bench" --db "$DB" ${GRAPH_STORE_LOAD:+--store-load} --queries 2000 --k-queries 200 \
  --queries-out "$DATA/graph_queries.json" --json-out "$DATA/graph_results.json"
echo "== peers (networkx $(python3 -c 'import networkx; print(networkx.__version__)'), SQLite recursive CTE)"
status=0
python3 "$HERE/bench/graph_peers.py" --db "$DB" --queries "$DATA/graph_queries.json" \
  --nx-sample "${GRAPH_NX_SAMPLE:-300}" --sql-sample "${GRAPH_SQL_SAMPLE:-30}" \
  --sql-path-sample "${GRAPH_SQL_PATH_SAMPLE:-5}" --json-out "$DATA/graph_peers.json" >/dev/null || status=$?
python3 - "$DATA/graph_results.json" "$DATA/graph_peers.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); peers = json.load(open(sys.argv[2]))
print(f"\nnetwork: {r['actors']} actors, {r['claims']} claims, {r['ties']} ties")
print(f"{'measure':44} {'wall':>10} {'cpu':>10} {'target':>8}")
def row(name, wall, cpu, target):
    print(f"{name:44} {wall:>10} {cpu:>10} {target:>8}")
row("load into memory (sqlite reader + build)", f"{r['load_s']:.2f} s", f"{r['load_cpu_s']:.2f} s", "<= 3 s")
if "load_via_store_s" in r:
    row("load through the Store interface", f"{r['load_via_store_s']:.2f} s", "", "")
row("ego network depth 2, p50", f"{r['ego2']['p50_ms']:.3f} ms", f"{r['ego2']['cpu']['p50_ms']:.3f} ms", "<= 1 ms")
row("ego network depth 2, p99", f"{r['ego2']['p99_ms']:.3f} ms", f"{r['ego2']['cpu']['p99_ms']:.3f} ms", "")
row("shortest path, p50", f"{r['path']['p50_ms']:.3f} ms", f"{r['path']['cpu']['p50_ms']:.3f} ms", "<= 10 ms")
row("shortest path, p99", f"{r['path']['p99_ms']:.3f} ms", f"{r['path']['cpu']['p99_ms']:.3f} ms", "")
row("3 shortest paths (Yen), p50", f"{r['kpaths3']['p50_ms']:.3f} ms", "", "")
row("PageRank, whole graph (CSR power method)", f"{r['pagerank_s']:.3f} s", f"{r['pagerank_cpu_s']:.3f} s", "<= 1 s")
row("PageRank, whole graph (igraph PRPACK)", f"{r['pagerank_igraph_s']:.3f} s", f"{r['pagerank_igraph_cpu_s']:.3f} s", "")
row("communities (igraph Louvain)", f"{r['louvain_s']:.3f} s", "", "")
print(f"\n{'peer':11} {'query':6} {'n':>4} {'bad':>4} {'peer p50':>11} {'ours p50':>11} {'ratio':>8} {'cpu ratio':>10} {'aim':>6}")
for p in peers:
    aim = ">=50x" if p["peer"] == "networkx" else ">=10x"
    print(f"{p['peer']:11} {p['query']:6} {p['queries']:>4} {p['mismatches']:>4} {p['cpu_p50_ms']:>8.3f} ms "
          f"{p['tiegraph_cpu_p50_ms']:>8.3f} ms {p['ratio_p50']:>7.0f}x {p['ratio_cpu_p50']:>9.0f}x {aim:>6}")
print("(peer and ours p50 are CPU times; 'ratio' uses wall times, 'cpu ratio' CPU times; bad = answers that differ)")
PY
exit $status
