#!/usr/bin/python3
"""Golden values for partnerscout's score tests, from networkx, python-igraph and
exact rational arithmetic.

How to run (from anywhere; paths are relative to this file):

    apt-get install -y python3-networkx python3-igraph    # Debian 12 (bookworm)
    /usr/bin/python3 testdata/golden/build_datasets.py    # only to rebuild the inputs
    /usr/bin/python3 testdata/golden/gen_networkx.py

The committed files were produced by: Python 3.11.2, networkx 2.8.8 (Debian
python3-networkx 2.8.8-1), python-igraph 0.10.2 (Debian python3-igraph
0.10.2-1+b1), numpy 1.24.2, scipy 1.10.1. The script writes the versions it ran
with to versions.txt. It reads the input CSV files (the same files the Go tests
load) and writes, in this folder:

    <graph>.csv                      one row per actor, one column per measure
    davis_projection_{count,newman,jaccard}.csv   edge lists a,b,weight
    karate_linkpred.csv              link prediction scores, all non-adjacent pairs
    versions.txt

See README.md for the layout, the conventions and the known differences
between networkx, igraph and exact arithmetic.
"""

import csv
import heapq
import itertools
import math
import os
import sys
from fractions import Fraction

import igraph
import networkx as nx
import numpy
import scipy
from networkx.algorithms import bipartite

# networkx iterates over Python sets of string node ids in places (projections,
# neighbour sets), so float sums depend on the string hash seed. Re-run with a
# fixed seed so the output is byte-for-byte reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0"))

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.dirname(HERE)

PAGERANK_TOL = 1e-13
EIG_TOL = 1e-12
MAX_ITER = 100000


def fmt(x):
    """Format a value: ints as ints, floats as %.17g, NaN as NaN."""
    if isinstance(x, bool):
        raise TypeError("bool")
    if isinstance(x, int):
        return str(x)
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "+Inf" if x > 0 else "-Inf"
    return "%.17g" % x


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([c if isinstance(c, str) else fmt(c) for c in r])


def read_rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------------------
# Loading. Every graph has nodes = actor ids (strings) and, per edge,
#   weight  float(weight)            (1 when the file has no weight column)
#   wexact  Fraction(weight string)  (exact decimal value)
#   dist    1.0 / weight             (the distance used by weighted path measures)


def add_contact(G, a, b, wstr):
    if a == b:
        raise ValueError("self-loop %s" % a)
    wx = Fraction(wstr)
    if G.has_edge(a, b):  # repeated rows add their weights (DESIGN.md)
        wx += G[a][b]["wexact"]
    G.add_edge(a, b, wexact=wx)


def finish(G):
    for _, _, d in G.edges(data=True):
        d["weight"] = float(d["wexact"])
        d["dist"] = 1.0 / d["weight"]
    return G


def load_contacts(folder):
    G = nx.Graph()
    ap = os.path.join(folder, "actors.csv")
    if os.path.exists(ap):
        G.add_nodes_from(r["id"] for r in read_rows(ap))
    for r in read_rows(os.path.join(folder, "contacts.csv")):
        add_contact(G, r["source"], r["target"], r.get("weight") or "1")
    return finish(G)


def load_davis_bipartite():
    rows = read_rows(os.path.join(TESTDATA, "davis", "attendance.csv"))
    women = [r["id"] for r in read_rows(os.path.join(TESTDATA, "davis", "actors.csv"))]
    B = nx.Graph()
    B.add_nodes_from(women, bipartite=0)
    B.add_nodes_from((r["event"] for r in rows), bipartite=1)
    B.add_edges_from((r["actor"], r["event"]) for r in rows)
    return B, sorted(women)


def davis_count_graph():
    B, women = load_davis_bipartite()
    P = bipartite.weighted_projected_graph(B, women)
    G = nx.Graph()
    G.add_nodes_from(women)
    for a, b, d in P.edges(data=True):
        G.add_edge(a, b, wexact=Fraction(d["weight"]))
    return finish(G)


# ---------------------------------------------------------------------------
# Exact weighted betweenness: Brandes (2001) with Dijkstra on Fraction distances
# 1/w, integer path counts and Fraction dependencies; normalised like networkx
# (sum over ordered pairs divided by (n-1)(n-2)).


def exact_betweenness(G, weighted):
    nodes = sorted(G)
    bc = {v: Fraction(0) for v in nodes}
    for s in nodes:
        S = []
        P = {v: [] for v in nodes}
        sigma = {v: 0 for v in nodes}
        sigma[s] = 1
        dist = {s: Fraction(0)}
        done = set()
        heap = [(Fraction(0), s)]
        while heap:
            d, v = heapq.heappop(heap)
            if v in done:
                continue
            done.add(v)
            S.append(v)
            for w in sorted(G[v]):
                step = Fraction(1) / G[v][w]["wexact"] if weighted else Fraction(1)
                nd = d + step
                if w in done:
                    continue
                if w not in dist or nd < dist[w]:
                    dist[w] = nd
                    sigma[w] = sigma[v]
                    P[w] = [v]
                    heapq.heappush(heap, (nd, w))
                elif nd == dist[w]:
                    sigma[w] += sigma[v]
                    P[w].append(v)
        delta = {v: Fraction(0) for v in nodes}
        while S:
            w = S.pop()
            for v in P[w]:
                delta[v] += Fraction(sigma[v], sigma[w]) * (1 + delta[w])
            if w != s:
                bc[w] += delta[w]
    n = len(nodes)
    if n > 2:
        scale = Fraction(1, (n - 1) * (n - 2))
        bc = {v: b * scale for v, b in bc.items()}
    return bc


def igraph_betweenness(G, weighted):
    nodes = sorted(G)
    idx = {v: i for i, v in enumerate(nodes)}
    edges = [(idx[a], idx[b]) for a, b in G.edges()]
    g = igraph.Graph(n=len(nodes), edges=edges, directed=False)
    w = [G[a][b]["dist"] for a, b in G.edges()] if weighted else None
    raw = g.betweenness(directed=False, weights=w)
    n = len(nodes)
    scale = 2.0 / ((n - 1) * (n - 2))
    return {v: raw[idx[v]] * scale for v in nodes}


def igraph_pagerank(G, weighted):
    nodes = sorted(G)
    idx = {v: i for i, v in enumerate(nodes)}
    g = igraph.Graph(n=len(nodes), edges=[(idx[a], idx[b]) for a, b in G.edges()], directed=False)
    w = [G[a][b]["weight"] for a, b in G.edges()] if weighted else None
    pr = g.pagerank(damping=0.85, directed=False, weights=w)
    return {v: pr[idx[v]] for v in nodes}


# ---------------------------------------------------------------------------
# Eigenvector centrality is only well defined (unique up to scale) when the
# largest adjacency eigenvalue is simple. Return (values or None, note).


def eigenvector(G, weight, notes, gname):
    nodes = sorted(G)
    A = nx.to_numpy_array(G, nodelist=nodes, weight=weight) if weight else \
        nx.to_numpy_array(G, nodelist=nodes, weight=None)
    vals, vecs = numpy.linalg.eigh(A)
    lmax = vals[-1]
    mult = int(numpy.sum(numpy.abs(vals - lmax) < 1e-9 * max(1.0, abs(lmax))))
    col = "eigenvector" + ("_w" if weight else "")
    if mult > 1:
        notes.append("%s %s: omitted, largest eigenvalue %.6f has multiplicity %d "
                     "(not unique)" % (gname, col, lmax, mult))
        return None
    try:
        x = nx.eigenvector_centrality(G, max_iter=MAX_ITER, tol=EIG_TOL, weight=weight)
    except nx.PowerIterationFailedConvergence as e:
        notes.append("%s %s: omitted, networkx did not converge: %s" % (gname, col, e))
        return None
    ref = vecs[:, -1]
    ref = ref / numpy.linalg.norm(ref)
    if ref.sum() < 0:
        ref = -ref
    diff = max(abs(x[v] - ref[i]) for i, v in enumerate(nodes))
    notes.append("%s %s: networkx vs numpy.linalg.eigh max |diff| = %.3g" % (gname, col, diff))
    return x


# ---------------------------------------------------------------------------


COLUMNS = [
    "degree", "degree_centrality", "strength",
    "betweenness", "betweenness_w_networkx", "betweenness_w_exact", "betweenness_w_igraph",
    "closeness", "closeness_w", "harmonic", "harmonic_w",
    "eigenvector", "eigenvector_w", "pagerank", "pagerank_w",
    "constraint", "constraint_w", "effective_size", "effective_size_w",
]


def measures(G, gname, notes):
    nodes = sorted(G)
    m = {}
    m["degree"] = dict(G.degree())
    m["degree_centrality"] = nx.degree_centrality(G)
    m["strength"] = dict(G.degree(weight="weight"))
    m["betweenness"] = nx.betweenness_centrality(G, normalized=True, weight=None)
    m["betweenness_w_networkx"] = nx.betweenness_centrality(G, normalized=True, weight="dist")
    ex = exact_betweenness(G, weighted=True)
    m["betweenness_w_exact"] = {v: float(b) for v, b in ex.items()}
    m["betweenness_w_igraph"] = igraph_betweenness(G, weighted=True)
    m["closeness"] = nx.closeness_centrality(G, distance=None, wf_improved=True)
    m["closeness_w"] = nx.closeness_centrality(G, distance="dist", wf_improved=True)
    m["harmonic"] = nx.harmonic_centrality(G, distance=None)
    m["harmonic_w"] = nx.harmonic_centrality(G, distance="dist")
    m["eigenvector"] = eigenvector(G, None, notes, gname)
    m["eigenvector_w"] = eigenvector(G, "weight", notes, gname)
    m["pagerank"] = nx.pagerank(G, alpha=0.85, tol=PAGERANK_TOL, max_iter=MAX_ITER, weight=None)
    m["pagerank_w"] = nx.pagerank(G, alpha=0.85, tol=PAGERANK_TOL, max_iter=MAX_ITER, weight="weight")
    m["constraint"] = nx.constraint(G, weight=None)
    m["constraint_w"] = nx.constraint(G, weight="weight")
    m["effective_size"] = nx.effective_size(G, weight=None)
    m["effective_size_w"] = nx.effective_size(G, weight="weight")

    # Cross-checks (reported, not written).
    exu = exact_betweenness(G, weighted=False)
    d = max(abs(float(exu[v]) - m["betweenness"][v]) for v in nodes)
    notes.append("%s betweenness (unweighted): networkx vs exact max |diff| = %.3g" % (gname, d))
    igu = igraph_betweenness(G, weighted=False)
    d = max(abs(igu[v] - m["betweenness"][v]) for v in nodes)
    notes.append("%s betweenness (unweighted): networkx vs igraph max |diff| = %.3g" % (gname, d))
    for col, ref in (("betweenness_w_networkx", "betweenness_w_exact"),
                     ("betweenness_w_igraph", "betweenness_w_exact")):
        bad = [(v, m[col][v], m[ref][v]) for v in nodes if abs(m[col][v] - m[ref][v]) > 1e-12]
        worst = max((abs(a - b) for _, a, b in bad), default=0.0)
        notes.append("%s %s vs exact: %d actors differ by > 1e-12 (max |diff| %.3g)%s" % (
            gname, col, len(bad), worst,
            "".join("\n    %s: %s=%.17g exact=%.17g" % (v, col, a, b) for v, a, b in bad)))
    for wname, wt in (("pagerank", False), ("pagerank_w", True)):
        ip = igraph_pagerank(G, wt)
        d = max(abs(ip[v] - m[wname][v]) for v in nodes)
        notes.append("%s %s: networkx vs igraph (PRPACK) max |diff| = %.3g" % (gname, wname, d))
    nan = [c for c in ("constraint", "constraint_w", "effective_size", "effective_size_w")
           if any(math.isnan(m[c][v]) for v in nodes)]
    if nan:
        notes.append("%s: NaN in %s for %s" % (gname, ", ".join(nan), ", ".join(
            v for v in nodes if math.isnan(m["constraint"][v]) or math.isnan(m["effective_size"][v]))))
    return m


def write_measures(G, gname, notes):
    m = measures(G, gname, notes)
    cols = [c for c in COLUMNS if m[c] is not None]
    write_csv(gname + ".csv", ["actor"] + cols, [[v] + [m[c][v] for c in cols] for v in sorted(G)])
    notes.append("%s: %d actors, %d ties, %d components, columns: %d" % (
        gname, G.number_of_nodes(), G.number_of_edges(),
        nx.number_connected_components(G), len(cols)))


def davis_projections(notes):
    B, women = load_davis_bipartite()
    assert len(women) == 18 and B.number_of_edges() == 89
    projs = {
        "count": bipartite.weighted_projected_graph(B, women),
        "newman": bipartite.collaboration_weighted_projected_graph(B, women),
        "jaccard": bipartite.overlap_weighted_projected_graph(B, women, jaccard=True),
    }
    for name, P in projs.items():
        rows = sorted((min(a, b), max(a, b), d["weight"]) for a, b, d in P.edges(data=True))
        write_csv("davis_projection_%s.csv" % name, ["a", "b", "weight"], rows)
        notes.append("davis projection %s: %d pairs" % (name, len(rows)))
    # Cross-check of the published co-attendance matrix with the count projection.
    mat = read_rows(os.path.join(TESTDATA, "davis", "coattendance_count.csv"))
    diffs = []
    for r in mat:
        a = r["actor"]
        for b in women:
            want = int(r[b])
            if a == b:
                got = B.degree(a)
            else:
                got = projs["count"][a][b]["weight"] if projs["count"].has_edge(a, b) else 0
            if want != got:
                diffs.append((a, b, want, got))
    notes.append("davis coattendance_count.csv vs networkx weighted_projected_graph: %d differing cells %s"
                 % (len(diffs), diffs))


def karate_linkpred(notes):
    G = load_contacts(os.path.join(TESTDATA, "karate"))
    nodes = sorted(G)
    pairs = [(a, b) for a, b in itertools.combinations(nodes, 2) if not G.has_edge(a, b)]
    jac = {(a, b): s for a, b, s in nx.jaccard_coefficient(G, pairs)}
    aa = {(a, b): s for a, b, s in nx.adamic_adar_index(G, pairs)}
    ra = {(a, b): s for a, b, s in nx.resource_allocation_index(G, pairs)}
    pa = {(a, b): s for a, b, s in nx.preferential_attachment(G, pairs)}
    rows = [(a, b, len(list(nx.common_neighbors(G, a, b))), jac[(a, b)], aa[(a, b)],
             ra[(a, b)], pa[(a, b)]) for a, b in pairs]
    write_csv("karate_linkpred.csv", ["a", "b", "common_neighbors", "jaccard", "adamic_adar",
                                      "resource_allocation", "preferential_attachment"], rows)
    notes.append("karate link prediction: %d non-adjacent pairs" % len(rows))


def main():
    notes = []
    graphs = {
        "karate": load_contacts(os.path.join(TESTDATA, "karate")),
        "florentine": load_contacts(os.path.join(TESTDATA, "florentine")),
        "davis_count": davis_count_graph(),
        "random1": load_contacts(os.path.join(HERE, "random1")),
        "random2": load_contacts(os.path.join(HERE, "random2")),
        "random3": load_contacts(os.path.join(HERE, "random3")),
    }
    k = graphs["karate"]
    assert k.number_of_nodes() == 34 and k.number_of_edges() == 78
    f = graphs["florentine"]
    assert f.number_of_nodes() == 16 and f.number_of_edges() == 20
    for name, G in graphs.items():
        write_measures(G, name, notes)
    davis_projections(notes)
    karate_linkpred(notes)
    with open(os.path.join(HERE, "versions.txt"), "w") as fh:
        fh.write("python %s\nnetworkx %s\nigraph %s\nnumpy %s\nscipy %s\n" % (
            sys.version.split()[0], nx.__version__, igraph.__version__,
            numpy.__version__, scipy.__version__))
    print("\n".join(notes))


if __name__ == "__main__":
    main()
