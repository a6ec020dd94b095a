#!/usr/bin/python3
"""Time one centrality with python-igraph or networkx on an edge list (for compare.sh).

usage: pybench.py igraph|networkx EDGES MEASURE weighted|unweighted REPS [SAMPLE]

EDGES is a CSV with header source,target,weight (written by bench/gobench -write).
Prints one line per repetition: "measure seconds" (loading excluded). With SAMPLE > 0
(networkx path measures only) the measure is computed from SAMPLE sources and the time is
scaled by n/SAMPLE; the line then ends with " extrapolated".
Weighted path measures use distance = 1/weight, the others the weight, as partnerscout.
"""
import csv
import sys
import time


def load(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        return [(a, b, float(w)) for a, b, w in r]


def main():
    tool, path, measure, wmode, reps = sys.argv[1:6]
    sample = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    weighted = wmode == "weighted"
    reps = int(reps)
    edges = load(path)
    if tool == "igraph":
        import igraph

        g = igraph.Graph.TupleList(((a, b) for a, b, _ in edges), directed=False)
        g.es["weight"] = [w for _, _, w in edges]
        g.es["dist"] = [1.0 / w for _, _, w in edges]
        dist = "dist" if weighted else None
        wt = "weight" if weighted else None
        run = {
            "betweenness": lambda: g.betweenness(directed=False, weights=dist),
            "closeness": lambda: g.closeness(weights=dist),
            "harmonic": lambda: g.harmonic_centrality(weights=dist),
            "pagerank": lambda: g.pagerank(weights=wt),
            "eigenvector": lambda: g.eigenvector_centrality(weights=wt),
        }[measure]
        scale, note = 1.0, ""
    else:
        import random

        import networkx as nx

        g = nx.Graph()
        for a, b, w in edges:
            g.add_edge(a, b, weight=w, dist=1.0 / w)
        dist = "dist" if weighted else None
        wt = "weight" if weighted else None
        n = g.number_of_nodes()
        scale, note = 1.0, ""
        nodes = sorted(g)
        if sample and measure in ("betweenness", "closeness", "harmonic"):
            scale, note = n / sample, " extrapolated"
            src = random.Random(1).sample(nodes, sample)
        else:
            src = nodes
        if measure == "betweenness":
            if sample:
                run = lambda: nx.betweenness_centrality(g, k=sample, weight=dist, seed=1)
            else:
                run = lambda: nx.betweenness_centrality(g, weight=dist)
        elif measure == "closeness":
            run = lambda: [nx.closeness_centrality(g, u=u, distance=dist) for u in src]
        elif measure == "harmonic":
            # sources, not nbunch: networkx traverses from every source (all nodes by
            # default) whatever nbunch is, and the time is scaled by n/len(src)
            run = lambda: nx.harmonic_centrality(g, sources=src, distance=dist)
        elif measure == "pagerank":
            run = lambda: nx.pagerank(g, weight=wt)
        elif measure == "eigenvector":
            # the numpy/scipy (ARPACK) variant; the pure-Python power iteration is far slower
            run = lambda: nx.eigenvector_centrality_numpy(g, weight=wt)
        else:
            raise SystemExit("unknown measure " + measure)
    for _ in range(reps):
        t = time.perf_counter()
        run()
        print("%s %.6f%s" % (measure, (time.perf_counter() - t) * scale, note), flush=True)


if __name__ == "__main__":
    main()
