#!/usr/bin/env python3
"""The peers of bench/graph_bench.cc: the same ego (depth 2) and shortest-path
queries, on the same database, through networkx and through a SQLite recursive
CTE. Reads the queries (and tiegraph's answers and per-query times) written by
`graph_bench --queries-out`, checks every peer answer against tiegraph's, and
writes timings as JSON. The peers are slow, so each runs on the first N
queries only (--nx-sample, --sql-sample); ratios compare the same queries.
"""
import argparse
import json
import sqlite3
import statistics
import sys
import time

import networkx as nx

EGO_SQL = """
WITH RECURSIVE reach(node, depth) AS (
  SELECT ?1, 0
  UNION
  SELECT c.object, r.depth + 1 FROM reach r JOIN claims c ON c.subject = r.node WHERE r.depth < 2
  UNION
  SELECT c.subject, r.depth + 1 FROM reach r JOIN claims c ON c.object = r.node WHERE r.depth < 2)
SELECT COUNT(DISTINCT node) FROM reach"""

# Breadth-first (the CTE queue is FIFO), so the first row for the target has
# the least depth; LIMIT 1 stops the recursion there.
PATH_SQL = """
WITH RECURSIVE reach(node, depth) AS (
  SELECT ?1, 0
  UNION
  SELECT c.object, r.depth + 1 FROM reach r JOIN claims c ON c.subject = r.node WHERE r.depth < ?3
  UNION
  SELECT c.subject, r.depth + 1 FROM reach r JOIN claims c ON c.object = r.node WHERE r.depth < ?3)
SELECT depth FROM reach WHERE node = ?2 LIMIT 1"""


def p50(values):
    return statistics.median(values) if values else float("nan")


def timed(fn):
    w0, c0 = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - w0, time.process_time() - c0


def summary(name, peer_wall, peer_cpu, mine_wall, mine_cpu, mismatches):
    return {
        "peer": name, "queries": len(peer_wall), "mismatches": mismatches,
        "p50_ms": p50(peer_wall) * 1e3, "cpu_p50_ms": p50(peer_cpu) * 1e3,
        "tiegraph_p50_ms": p50(mine_wall) * 1e3, "tiegraph_cpu_p50_ms": p50(mine_cpu) * 1e3,
        "ratio_p50": p50(peer_wall) / p50(mine_wall), "ratio_cpu_p50": p50(peer_cpu) / p50(mine_cpu),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", required=True)
    ap.add_argument("--queries", required=True, help="graph_bench --queries-out file")
    ap.add_argument("--nx-sample", type=int, default=300)
    ap.add_argument("--sql-sample", type=int, default=30, help="SQLite ego queries")
    ap.add_argument("--sql-path-sample", type=int, default=5, help="SQLite path queries (seconds each)")
    ap.add_argument("--json-out")
    args = ap.parse_args()
    q = json.load(open(args.queries))
    con = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    results = []

    # networkx: load, then the queries.
    def load():
        g = nx.Graph()
        g.add_nodes_from(r[0] for r in con.execute("SELECT id FROM actors"))
        g.add_edges_from(con.execute("SELECT subject, object FROM claims"))
        return g
    g, load_wall, load_cpu = timed(load)
    print(f"networkx load: {load_wall:.1f} s wall, {load_cpu:.1f} s cpu "
          f"({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)", flush=True)

    def nx_ego(actor):
        lengths = nx.single_source_shortest_path_length(g, actor, cutoff=2)
        ties = sum(1 for u, d in lengths.items() if d < 2 for _ in g[u])
        return len(lengths), ties

    for kind, sample, run, check in (
        ("ego2", args.nx_sample, lambda e: nx_ego(e["actor"])[0], "nodes"),
        ("path", args.nx_sample, lambda p: len(nx.bidirectional_shortest_path(g, p["from"], p["to"])) - 1, "length"),
    ):
        items = q["ego" if kind == "ego2" else "path"][:sample]
        wall, cpu, bad = [], [], 0
        for item in items:
            answer, w, c = timed(lambda: run(item))
            wall.append(w)
            cpu.append(c)
            bad += answer != item[check]
        s = summary("networkx", wall, cpu, [i["wall_s"] for i in items], [i["cpu_s"] for i in items], bad)
        s["query"] = kind
        s["load_s"] = load_wall
        results.append(s)
        print(json.dumps(s), flush=True)
    del g

    # SQLite recursive CTE (the store's own indexes on claims(subject, object) and (object, subject)).
    for kind, sample in (("ego2", args.sql_sample), ("path", args.sql_path_sample)):
        items = q["ego" if kind == "ego2" else "path"][:sample]
        wall, cpu, bad = [], [], 0
        for item in items:
            if kind == "ego2":
                answer, w, c = timed(lambda: con.execute(EGO_SQL, (item["actor"],)).fetchone()[0])
                bad += answer != item["nodes"]
            else:
                row, w, c = timed(lambda: con.execute(PATH_SQL, (item["from"], item["to"], 8)).fetchone())
                bad += (row[0] if row else -1) != item["length"]
            wall.append(w)
            cpu.append(c)
        s = summary("sqlite-cte", wall, cpu, [i["wall_s"] for i in items], [i["cpu_s"] for i in items], bad)
        s["query"] = kind
        results.append(s)
        print(json.dumps(s), flush=True)

    if args.json_out:
        json.dump(results, open(args.json_out, "w"), indent=2)
    return 1 if any(r["mismatches"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
