package graph_test

import (
	"fmt"
	"math"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/graph/testgraph"

	"github.com/partnerscout/partnerscout/graph"
)

// TestGonumViewBetweenness runs gonum's Betweenness and weighted shortest paths on the
// zero-copy view and on an independently built simple graph with the same ties, read
// straight from the CSV records. The results must agree to 1e-12 relative: gonum sums over
// map iteration order, so two runs on the same simple graph already differ in the last bits
// (STYLE.md §6 measured up to 2.3e-15), and bit-identical output cannot be asked of it.
func TestGonumViewBetweenness(t *testing.T) {
	for _, dir := range []string{"../testdata/karate", "../testdata/florentine", "../testdata/golden/random3"} {
		t.Run(dir, func(t *testing.T) {
			d, err := graph.ReadDir(dir, graph.Limits{})
			if err != nil {
				t.Fatal(err)
			}
			n, err := graph.Build(d, graph.Options{})
			if err != nil {
				t.Fatal(err)
			}
			// The independent graph: node IDs by sorted actor ID, weights summed per pair.
			ids := make([]string, 0)
			for _, a := range d.Actors {
				ids = append(ids, a.ID)
			}
			for _, c := range d.Contacts {
				ids = append(ids, c.Source, c.Target)
			}
			slices.Sort(ids)
			ids = slices.Compact(ids)
			pos := func(id string) int64 { k, _ := slices.BinarySearch(ids, id); return int64(k) }
			g := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
			for i := range ids {
				g.AddNode(simple.Node(i))
			}
			for _, c := range d.Contacts {
				a, b := pos(c.Source), pos(c.Target)
				w := c.Weight
				if e := g.WeightedEdge(a, b); e != nil {
					w += e.Weight()
				}
				g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(a), T: simple.Node(b), W: w})
			}
			if n.Len() != len(ids) {
				t.Fatalf("network has %d actors, independent graph %d", n.Len(), len(ids))
			}
			v := n.Gonum(graph.Contacts)
			got, want := network.Betweenness(v), network.Betweenness(g)
			if len(got) != len(want) {
				t.Errorf("betweenness: %d nonzero values on the view, %d on simple", len(got), len(want))
			}
			for id, w := range want {
				if math.Abs(got[id]-w) > 1e-12*math.Max(1, math.Abs(w)) {
					t.Errorf("betweenness of %s: view %.17g, simple %.17g", ids[id], got[id], w)
				}
			}
			gotW, wantW := network.BetweennessWeighted(v, path.DijkstraAllPaths(v)), network.BetweennessWeighted(g, path.DijkstraAllPaths(g))
			if len(gotW) != len(wantW) {
				t.Errorf("weighted betweenness: %d nonzero values on the view, %d on simple", len(gotW), len(wantW))
			}
			for id, w := range wantW {
				if math.Abs(gotW[id]-w) > 1e-12*math.Max(1, math.Abs(w)) {
					t.Errorf("weighted betweenness of %s: view %.17g, simple %.17g", ids[id], gotW[id], w)
				}
			}
		})
	}
}

// viewBuilder is a testgraph.Builder for the view: nodes of any IDs are renumbered 0..n-1
// in ID order (actor IDs are zero-padded numbers, so sorted-ID order is numeric order), self
// loops are dropped (a contact to oneself is an error), a repeated pair keeps its last weight
// (as simple graphs do), and cases with non-positive weights are skipped.
func viewBuilder(nodes []gonum.Node, edges []testgraph.WeightedLine, _, _ float64) (gonum.Graph, []gonum.Node, []testgraph.Edge, float64, float64, bool) {
	var ids []int64
	for _, x := range nodes {
		ids = append(ids, x.ID())
	}
	type pair struct{ a, b int64 }
	last := map[pair]float64{}
	var order []pair
	for _, e := range edges {
		f, t := e.From().ID(), e.To().ID()
		ids = append(ids, f, t)
		if f == t {
			continue
		}
		if !(e.Weight() > 0) || math.IsInf(e.Weight(), 0) {
			return nil, nil, nil, 0, 0, false
		}
		p := pair{min(f, t), max(f, t)}
		if _, ok := last[p]; !ok {
			order = append(order, p)
		}
		last[p] = e.Weight()
	}
	if len(order) == 0 && len(edges) != 0 {
		return nil, nil, nil, 0, 0, false
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	name := func(id int64) string { k, _ := slices.BinarySearch(ids, id); return fmt.Sprintf("%020d", k) }
	d := &graph.Dataset{}
	for _, id := range ids {
		d.Actors = append(d.Actors, graph.Actor{ID: name(id)})
	}
	var es []testgraph.Edge
	for _, p := range order {
		d.Contacts = append(d.Contacts, graph.Contact{Source: name(p.a), Target: name(p.b), Weight: last[p]})
		a, _ := slices.BinarySearch(ids, p.a)
		b, _ := slices.BinarySearch(ids, p.b)
		es = append(es, simple.WeightedEdge{F: simple.Node(a), T: simple.Node(b), W: last[p]})
	}
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		return nil, nil, nil, 0, 0, false
	}
	v := n.Gonum(graph.Contacts)
	var ns []gonum.Node
	for i := range ids {
		ns = append(ns, v.Node(int64(i)))
	}
	for k, e := range es {
		we := e.(simple.WeightedEdge)
		es[k] = v.WeightedEdge(we.F.ID(), we.T.ID())
	}
	return v, ns, es, 0, math.Inf(1), true
}

// TestGonumContract runs gonum's graph contract tests (testgraph) on the view.
func TestGonumContract(t *testing.T) {
	const usesEmpty, reversesEdges = true, true
	t.Run("EdgeExistence", func(t *testing.T) { testgraph.EdgeExistence(t, viewBuilder, reversesEdges) })
	t.Run("NodeExistence", func(t *testing.T) { testgraph.NodeExistence(t, viewBuilder) })
	t.Run("ReturnAdjacentNodes", func(t *testing.T) { testgraph.ReturnAdjacentNodes(t, viewBuilder, usesEmpty, reversesEdges) })
	t.Run("ReturnAllNodes", func(t *testing.T) { testgraph.ReturnAllNodes(t, viewBuilder, usesEmpty) })
	t.Run("ReturnNodeSlice", func(t *testing.T) { testgraph.ReturnNodeSlice(t, viewBuilder, usesEmpty) })
	t.Run("Weight", func(t *testing.T) { testgraph.Weight(t, viewBuilder) })
}
