#!/usr/bin/env python3
"""Reads a tiegraph GraphML or GEXF export with networkx and python-igraph and
compares it with what the test expects (expected.json: nodes and edges by id
with their attributes). Exit 0 when every check passes; prints what differs.

    check_graph.py graphml|gexf FILE EXPECTED.json
"""
import json
import re
import sys
import tempfile

import networkx as nx


def fail(msg):
    print("check_graph: " + msg)
    sys.exit(1)


def compare(kind, got_nodes, got_edges, expected):
    if len(got_nodes) != len(expected["nodes"]):
        fail(f"{kind}: {len(got_nodes)} nodes, expected {len(expected['nodes'])}")
    if len(got_edges) != len(expected["edges"]):
        fail(f"{kind}: {len(got_edges)} edges, expected {len(expected['edges'])}")
    for nid, attrs in expected["nodes"].items():
        if nid not in got_nodes:
            fail(f"{kind}: node {nid} missing")
        for k, v in attrs.items():
            if got_nodes[nid].get(k, "") != v:
                fail(f"{kind}: node {nid} {k} = {got_nodes[nid].get(k)!r}, expected {v!r}")
    for eid, attrs in expected["edges"].items():
        if eid not in got_edges:
            fail(f"{kind}: edge {eid} missing")
        for k, v in attrs.items():
            if got_edges[eid].get(k, "" if not isinstance(v, bool) else None) != v:
                fail(f"{kind}: edge {eid} {k} = {got_edges[eid].get(k)!r}, expected {v!r}")
    print(f"{kind}: {len(got_nodes)} nodes, {len(got_edges)} edges, attributes match")


def check_graphml(path, expected):
    g = nx.read_graphml(path, force_multigraph=True)
    if not g.is_directed():
        fail("networkx: graph is not directed")
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = {}
    for u, v, key, d in g.edges(keys=True, data=True):
        d = dict(d, source=u, target=v)
        edges[d.get("id", key)] = d
    compare("networkx " + nx.__version__ + " graphml", nodes, edges, expected)

    import igraph
    ig = igraph.Graph.Read_GraphML(path)
    if not ig.is_directed():
        fail("igraph: graph is not directed")
    nodes = {}
    for v in ig.vs:
        nodes[v["id"]] = {a: v[a] for a in ig.vs.attributes() if a != "id"}
    edges = {}
    for e in ig.es:
        d = {a: e[a] for a in ig.es.attributes()}
        d["source"] = ig.vs[e.source]["id"]
        d["target"] = ig.vs[e.target]["id"]
        edges[d["id"]] = d
    compare("python-igraph " + igraph.__version__ + " graphml", nodes, edges, expected)


def check_gexf(path, expected):
    versions = getattr(nx.readwrite.gexf.GEXF, "versions", {})
    how = "native GEXF 1.3"
    if "1.3" not in versions:
        # networkx < 3 knows GEXF up to 1.2draft; 1.3 changed the namespace
        # and nothing this export uses, so read it under the 1.2 namespace.
        text = open(path, encoding="utf-8").read()
        text = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
        tmp = tempfile.NamedTemporaryFile("w", suffix=".gexf", delete=False, encoding="utf-8")
        tmp.write(text)
        tmp.close()
        path = tmp.name
        how = "GEXF 1.3 read as 1.2draft"
    g = nx.read_gexf(path)
    if not g.is_directed():
        fail("networkx: gexf graph is not directed")
    nodes = {n: dict(d) for n, d in g.nodes(data=True)}
    edges = {}
    triples = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    for u, v, key, d in triples:
        d = dict(d, source=u, target=v)
        spells = d.get("spells")
        if spells:
            d["spell_start"], d["spell_end"] = str(spells[0][0]), str(spells[0][1])
        edges[d.get("id", key)] = d
    compare(f"networkx {nx.__version__} gexf ({how})", nodes, edges, expected)


def main():
    fmt, path, expected_path = sys.argv[1:4]
    expected = json.load(open(expected_path, encoding="utf-8"))
    if fmt == "graphml":
        check_graphml(path, expected["graphml"])
    elif fmt == "gexf":
        check_gexf(path, expected["gexf"])
    else:
        fail("unknown format " + fmt)


if __name__ == "__main__":
    main()
