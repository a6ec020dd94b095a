#!/usr/bin/python3
"""Write the reference datasets of partnerscout's testdata/ as CSV.

Run from the repository root (or anywhere; paths are relative to this file):

    /usr/bin/python3 testdata/golden/build_datasets.py

Produced with Debian 12 packages python3-networkx 2.8.8 and python3 3.11.2.
It (re)writes:

    testdata/davis/{actors,events,attendance,coattendance_count}.csv
    testdata/florentine/{actors,contacts}.csv
    testdata/karate/{actors,contacts}.csv
    testdata/golden/random{1,2,3}/{actors,contacts}.csv

The output is deterministic (fixed seeds, sorted rows). The README.md of each
dataset folder gives the sources. Golden values are written by gen_networkx.py,
which reads these CSV files back.
"""

import csv
import os
import random
import sys

import networkx as nx

# networkx iterates over Python sets of string node ids in places (projections,
# neighbour sets), so float sums depend on the string hash seed. Re-run with a
# fixed seed so the output is byte-for-byte reproducible.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv,
              dict(os.environ, PYTHONHASHSEED="0"))

HERE = os.path.dirname(os.path.abspath(__file__))
TESTDATA = os.path.dirname(HERE)


def write_csv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow(r)


# ---------------------------------------------------------------------------
# Davis, Gardner & Gardner (1941), Deep South, p.148: 18 women x 14 events.
# Women in the order of the published table; id = lower-case first name.
DAVIS_WOMEN = [
    ("evelyn", "Evelyn Jefferson"),
    ("laura", "Laura Mandeville"),
    ("theresa", "Theresa Anderson"),
    ("brenda", "Brenda Rogers"),
    ("charlotte", "Charlotte McDowd"),
    ("frances", "Frances Anderson"),
    ("eleanor", "Eleanor Nye"),
    ("pearl", "Pearl Oglethorpe"),
    ("ruth", "Ruth DeSand"),
    ("verne", "Verne Sanderson"),
    ("myra", "Myra Liddel"),
    ("katherina", "Katherina Rogers"),
    ("sylvia", "Sylvia Avondale"),
    ("nora", "Nora Fayette"),
    ("helen", "Helen Lloyd"),
    ("dorothy", "Dorothy Murchison"),
    ("olivia", "Olivia Carleton"),
    ("flora", "Flora Price"),
]
# Column headings of the published table (month/day, no year printed).
DAVIS_EVENT_DATES = ["6/27", "3/2", "4/12", "9/26", "2/25", "5/19", "3/15",
                     "9/16", "4/8", "6/10", "2/23", "4/7", "11/21", "8/3"]
DAVIS_YEAR = 1936  # convention, see testdata/davis/README.md


def davis_iso(md):
    m, d = md.split("/")
    return "%04d-%02d-%02d" % (DAVIS_YEAR, int(m), int(d))


def build_davis():
    B = nx.davis_southern_women_graph()
    full2id = {full: i for i, full in DAVIS_WOMEN}
    assert sorted(B.graph["top"]) == sorted(full2id), "women differ"
    events = ["E%d" % (k + 1) for k in range(14)]
    assert sorted(B.graph["bottom"]) == sorted(events)
    out = os.path.join(TESTDATA, "davis")
    write_csv(os.path.join(out, "actors.csv"), ["id", "name"], DAVIS_WOMEN)
    write_csv(os.path.join(out, "events.csv"), ["id", "name", "date"],
              [(e, "Event %d (%s)" % (k + 1, DAVIS_EVENT_DATES[k]),
                davis_iso(DAVIS_EVENT_DATES[k])) for k, e in enumerate(events)])
    rows = []
    for wid, full in DAVIS_WOMEN:
        for k, e in enumerate(events):
            if B.has_edge(full, e):
                rows.append((wid, e, davis_iso(DAVIS_EVENT_DATES[k])))
    assert len(rows) == 89
    write_csv(os.path.join(out, "attendance.csv"), ["actor", "event", "date"], rows)
    # Women-by-women co-attendance (Breiger 1974): M = A A^T, diagonal = events attended.
    att = {w: {e for (a, e, _) in rows if a == w} for w, _ in DAVIS_WOMEN}
    ids = [w for w, _ in DAVIS_WOMEN]
    mat = [[a] + [len(att[a] & att[b]) for b in ids] for a in ids]
    write_csv(os.path.join(out, "coattendance_count.csv"), ["actor"] + ids, mat)


# ---------------------------------------------------------------------------
# Padgett's Florentine families: marriage ties (networkx florentine_families_graph,
# 20 ties among 15 families) plus the isolated Pucci family. Attributes: wealth in
# 1427 in thousands of lira, number of priorates 1282-1344 (Breiger & Pattison 1986;
# UCINET PADGW; statnet's flo data), in alphabetical family order.
FLORENTINE_ATTR = [
    # family, wealth, priorates
    ("Acciaiuoli", 10, 53),
    ("Albizzi", 36, 65),
    ("Barbadori", 55, 0),
    ("Bischeri", 44, 12),
    ("Castellani", 20, 22),
    ("Ginori", 32, 0),
    ("Guadagni", 8, 21),
    ("Lamberteschi", 42, 0),
    ("Medici", 103, 53),
    ("Pazzi", 48, 0),
    ("Peruzzi", 49, 42),
    ("Pucci", 3, 0),
    ("Ridolfi", 27, 38),
    ("Salviati", 10, 35),
    ("Strozzi", 146, 74),
    ("Tornabuoni", 48, 0),
]


def build_florentine():
    F = nx.florentine_families_graph()
    fams = [f for f, _, _ in FLORENTINE_ATTR]
    assert sorted(F.nodes()) == sorted(set(fams) - {"Pucci"})
    assert F.number_of_edges() == 20
    out = os.path.join(TESTDATA, "florentine")
    write_csv(os.path.join(out, "actors.csv"), ["id", "name", "capacity", "priorates"],
              [(f.lower(), f, w, p) for f, w, p in FLORENTINE_ATTR])
    edges = sorted(tuple(sorted((u.lower(), v.lower()))) for u, v in F.edges())
    write_csv(os.path.join(out, "contacts.csv"), ["source", "target"], edges)


# ---------------------------------------------------------------------------
# Zachary's karate club: 34 members, 78 ties, weight = number of contexts of
# interaction (Zachary 1977, matrix C), as in networkx 2.8.8 karate_club_graph.
def kid(i):
    return "%02d" % (i + 1)


def build_karate():
    G = nx.karate_club_graph()
    assert G.number_of_nodes() == 34 and G.number_of_edges() == 78
    out = os.path.join(TESTDATA, "karate")
    write_csv(os.path.join(out, "actors.csv"), ["id", "club"],
              [(kid(v), G.nodes[v]["club"]) for v in sorted(G)])
    edges = sorted((kid(min(u, v)), kid(max(u, v)), d["weight"]) for u, v, d in G.edges(data=True))
    write_csv(os.path.join(out, "contacts.csv"), ["source", "target", "weight"], edges)


# ---------------------------------------------------------------------------
# Random graphs for the golden tests.
def first_seed(make, ok, start=1):
    s = start
    while True:
        G = make(s)
        if ok(G):
            return s, G
        s += 1


def write_random(name, G, width, weights=None):
    out = os.path.join(HERE, name)
    vid = lambda v: "v%0*d" % (width, v)
    write_csv(os.path.join(out, "actors.csv"), ["id"], [(vid(v),) for v in sorted(G)])
    rows = []
    for u, v in sorted(tuple(sorted(e)) for e in G.edges()):
        if weights is None:
            rows.append((vid(u), vid(v)))
        else:
            rows.append((vid(u), vid(v), weights[(u, v)]))
    hdr = ["source", "target"] + ([] if weights is None else ["weight"])
    write_csv(os.path.join(out, "contacts.csv"), hdr, rows)


def build_random():
    # random1: G(60, 0.08), first seed >= 1 giving a connected graph.
    s1, G1 = first_seed(lambda s: nx.gnp_random_graph(60, 0.08, seed=s), nx.is_connected)
    write_random("random1", G1, 2)
    # random2: G(80, 0.03), first seed >= 1 with >= 3 components of size >= 2 and >= 3 isolates.
    def ok2(G):
        comps = [len(c) for c in nx.connected_components(G)]
        return sum(1 for c in comps if c >= 2) >= 3 and sum(1 for c in comps if c == 1) >= 3
    s2, G2 = first_seed(lambda s: nx.gnp_random_graph(80, 0.03, seed=s), ok2)
    write_random("random2", G2, 2)
    # random3: G(40, 0.12) connected, weights k/8 for k uniform in 1..40, i.e. in
    # [0.125, 5]: exactly representable binary fractions whose reciprocals 8/k give
    # many tied path lengths (a test of exact tie handling in weighted betweenness).
    s3, G3 = first_seed(lambda s: nx.gnp_random_graph(40, 0.12, seed=s), nx.is_connected)
    rng = random.Random(3)
    weights = {}
    for u, v in sorted(tuple(sorted(e)) for e in G3.edges()):
        k = rng.randint(1, 40)
        weights[(u, v)] = repr(k / 8)
    write_random("random3", G3, 2, weights)
    return s1, s2, s3


if __name__ == "__main__":
    build_davis()
    build_florentine()
    build_karate()
    print("random seeds:", build_random())
