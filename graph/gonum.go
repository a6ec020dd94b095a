package graph

import (
	"math"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
)

// Gonum returns a zero-copy view of layer l that satisfies gonum's graph interfaces, so that
// gonum's algorithms can run on the Network. Node IDs are actor indices; edge weights are tie
// strengths (not distances). Weight reports (0, true) for a node with itself and (+Inf,
// false) for a pair without a tie, as gonum's simple.NewWeightedUndirectedGraph(0, Inf) does.
func (n *Network) Gonum(l Layer) gonum.WeightedUndirected { return view{n: n, c: n.layer(l)} }

var _ gonum.WeightedUndirected = view{}

type view struct {
	n *Network
	c *csr
}

// node is an actor index as a gonum node.
type node int64

func (x node) ID() int64 { return int64(x) }

func (v view) valid(id int64) bool { return id >= 0 && id < int64(len(v.n.ids)) }

func (v view) Node(id int64) gonum.Node {
	if !v.valid(id) {
		return nil
	}
	return node(id)
}

func (v view) Nodes() gonum.Nodes {
	if len(v.n.ids) == 0 {
		return gonum.Empty
	}
	return &rangeNodes{n: int64(len(v.n.ids)), i: -1}
}

func (v view) From(id int64) gonum.Nodes {
	if !v.valid(id) {
		return gonum.Empty
	}
	lo, hi := v.c.off[id], v.c.off[id+1]
	if lo == hi {
		return gonum.Empty
	}
	return &listNodes{list: v.c.nbr[lo:hi], i: -1}
}

func (v view) weight(x, y int64) (float64, bool) {
	if !v.valid(x) || !v.valid(y) {
		return 0, false
	}
	lo, hi := v.c.off[x], v.c.off[x+1]
	k, ok := slices.BinarySearch(v.c.nbr[lo:hi], int32(y))
	if !ok {
		return 0, false
	}
	return v.c.w[int(lo)+k], true
}

func (v view) HasEdgeBetween(x, y int64) bool { _, ok := v.weight(x, y); return ok }

func (v view) Edge(u, w int64) gonum.Edge { return v.WeightedEdgeBetween(u, w) }

func (v view) EdgeBetween(x, y int64) gonum.Edge { return v.WeightedEdgeBetween(x, y) }

func (v view) WeightedEdge(u, w int64) gonum.WeightedEdge { return v.WeightedEdgeBetween(u, w) }

func (v view) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	w, ok := v.weight(x, y)
	if !ok {
		return nil
	}
	return wedge{f: node(x), t: node(y), w: w}
}

func (v view) Weight(x, y int64) (float64, bool) {
	if x == y && v.valid(x) {
		return 0, true
	}
	w, ok := v.weight(x, y)
	if !ok {
		return math.Inf(1), false
	}
	return w, true
}

// wedge is a weighted edge of the view.
type wedge struct {
	f, t node
	w    float64
}

func (e wedge) From() gonum.Node         { return e.f }
func (e wedge) To() gonum.Node           { return e.t }
func (e wedge) ReversedEdge() gonum.Edge { return wedge{f: e.t, t: e.f, w: e.w} }
func (e wedge) Weight() float64          { return e.w }

var _ gonum.WeightedEdge = wedge{}

// rangeNodes iterates over node IDs 0..n-1 without allocating them.
type rangeNodes struct{ n, i int64 }

func (r *rangeNodes) Len() int {
	if r.i >= r.n {
		return 0
	}
	return int(r.n - r.i - 1)
}
func (r *rangeNodes) Next() bool {
	if r.i < r.n {
		r.i++
	}
	return r.i < r.n
}
func (r *rangeNodes) Node() gonum.Node {
	if r.i < 0 || r.i >= r.n {
		return nil
	}
	return node(r.i)
}
func (r *rangeNodes) Reset() { r.i = -1 }

// NodeSlice returns the nodes not yet iterated and exhausts the iterator (gonum.NodeSlicer).
func (r *rangeNodes) NodeSlice() []gonum.Node {
	var out []gonum.Node
	for r.Next() {
		out = append(out, node(r.i))
	}
	return out
}

// listNodes iterates over a neighbour list of the view.
type listNodes struct {
	list []int32
	i    int
}

func (l *listNodes) Len() int {
	if l.i >= len(l.list) {
		return 0
	}
	return len(l.list) - l.i - 1
}
func (l *listNodes) Next() bool {
	if l.i < len(l.list) {
		l.i++
	}
	return l.i < len(l.list)
}
func (l *listNodes) Node() gonum.Node {
	if l.i < 0 || l.i >= len(l.list) {
		return nil
	}
	return node(l.list[l.i])
}
func (l *listNodes) Reset() { l.i = -1 }

// NodeSlice returns the nodes not yet iterated and exhausts the iterator (gonum.NodeSlicer).
func (l *listNodes) NodeSlice() []gonum.Node {
	var out []gonum.Node
	for l.Next() {
		out = append(out, node(l.list[l.i]))
	}
	return out
}

var (
	_ gonum.NodeSlicer = (*rangeNodes)(nil)
	_ gonum.NodeSlicer = (*listNodes)(nil)
)
