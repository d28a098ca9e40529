#!/usr/bin/env bash
# Every export of the bundled network (data/examples ingested) through a real
# consumer: GraphML by networkx and python-igraph, GEXF by networkx (Debian's
# python3), FtM back through `kb import`, Neo4j and CSV by Python's csv
# module, DOT by Graphviz if installed. Counts are compared with the store's.
# Usage: tests/e2e/exports_test.sh BUILD_DIR   (from the repository root)
set -uo pipefail
BUILD=${1:?usage: exports_test.sh BUILD_DIR}
BIN="$BUILD/tiegraph"
[[ "$BIN" = /* ]] || BIN="$PWD/$BIN"
[[ -x "$BIN" ]] || { echo "FAIL: $BIN not built" >&2; exit 1; }
PY=/usr/bin/python3
$PY -c 'import networkx, igraph' 2>/dev/null || { echo "SKIP: python3-networkx / python3-igraph missing"; exit 0; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
DB="$TMP/t.db"

"$BIN" --db "$DB" ingest --quiet data/examples || fail "ingest data/examples"
read -r ACTORS CLAIMS < <($PY -c "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); print(d.execute('SELECT COUNT(*) FROM actors').fetchone()[0], d.execute('SELECT COUNT(*) FROM claims').fetchone()[0])" "$DB")
echo "bundled network: $ACTORS actors, $CLAIMS claims"
[[ $CLAIMS -gt 0 ]] || fail "no claims in the bundled network"
for f in graphml gexf ftm csv dot; do
  "$BIN" --db "$DB" export --format $f --out "$TMP/net.$f" 2>/dev/null || fail "export $f"
done
"$BIN" --db "$DB" export --format neo4j --out "$TMP/neo4j" 2>/dev/null || fail "export neo4j"

$PY - "$TMP" "$ACTORS" "$CLAIMS" <<'PY' || fail "consumers"
import csv, sys, networkx as nx, igraph
d, actors, claims = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def same(what, got, want):
    if got != want:
        sys.exit(f"{what}: {got}, expected {want}")
    print(f"ok: {what} = {got if not isinstance(got, list) else f'{len(got)} values'}")
g = nx.read_graphml(f"{d}/net.graphml", force_multigraph=True)
same("networkx graphml nodes", g.number_of_nodes(), actors)
same("networkx graphml edges", g.number_of_edges(), claims)
ig = igraph.Graph.Read_GraphML(f"{d}/net.graphml")
same("igraph graphml nodes", ig.vcount(), actors)
same("igraph graphml edges", ig.ecount(), claims)
same("igraph graphml relations", sorted(ig.es["relation"]), sorted(r for _, _, r in g.edges(data="relation")))
text = open(f"{d}/net.gexf", encoding="utf-8").read()
if "1.3" not in getattr(nx.readwrite.gexf.GEXF, "versions", {}):
    text = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
open(f"{d}/read.gexf", "w", encoding="utf-8").write(text)
x = nx.read_gexf(f"{d}/read.gexf")
same("networkx gexf nodes", x.number_of_nodes(), actors)
same("networkx gexf edges", x.number_of_edges(), claims)
same("gexf labels", sorted(n for _, n in x.nodes(data="label")), sorted(n for _, n in g.nodes(data="label")))
rows = list(csv.reader(open(f"{d}/net.csv", newline="", encoding="utf-8")))
same("csv rows", len(rows) - 1, claims)
nodes = list(csv.reader(open(f"{d}/neo4j/nodes.csv", newline="", encoding="utf-8")))
rels = list(csv.reader(open(f"{d}/neo4j/rels.csv", newline="", encoding="utf-8")))
same("neo4j headers", (nodes[0][0], rels[0][:3]), ("id:ID(Actor)", [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"]))
same("neo4j nodes", len(nodes) - 1, actors)
same("neo4j rels", len(rels) - 1, claims)
PY
if command -v dot >/dev/null; then
  dot -Tsvg "$TMP/net.dot" -o "$TMP/net.svg" && echo "ok: dot renders" || fail "dot"
else
  edges=$(grep -c -- ' -> ' "$TMP/net.dot")
  [[ $edges == "$CLAIMS" ]] && echo "ok: dot edges = $edges (graphviz not installed)" || fail "dot edges $edges"
fi
TIEGRAPH_USER_KB="$TMP/kb.jsonl" "$BIN" --db "$DB" kb import "$TMP/net.ftm" >"$TMP/kb.log" 2>&1 || fail "kb import of the ftm export"
imported=$(TIEGRAPH_USER_KB="$TMP/kb.jsonl" "$BIN" --db "$DB" kb list 2>/dev/null | wc -l)
[[ $imported -gt 0 && $imported -le $ACTORS ]] && echo "ok: ftm export imports back ($imported actors)" ||
  fail "ftm round trip: $imported actors"
exit $((failures > 0))
