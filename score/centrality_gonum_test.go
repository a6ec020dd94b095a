package score

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/graphs/gen"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

// gonumGnp builds gonum's G(n, p) (gen.Gnp with rand.NewPCG(1, seed)) into a Network. Tie
// weights are 1, 2 or 4 (drawn from PCG(2, seed)), so that distances 1/w and their sums are
// exact in float64 and gonum's exact path-length comparison counts ties correctly.
func gonumGnp(t *testing.T, n int, p float64, seed uint64) *graph.Network {
	t.Helper()
	g := simple.NewUndirectedGraph()
	if err := gen.Gnp(g, n, p, rand.NewPCG(1, seed)); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(2, seed))
	d := &graph.Dataset{}
	for i := 0; i < n; i++ {
		d.Actors = append(d.Actors, graph.Actor{ID: synth.RandomID(i)})
	}
	for _, e := range graphEdges(g) {
		d.Contacts = append(d.Contacts, graph.Contact{Source: synth.RandomID(int(e[0])), Target: synth.RandomID(int(e[1])), Weight: float64(int(1) << rng.IntN(3))})
	}
	nw, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return nw
}

// graphEdges lists g's edges (u < v) in node order.
func graphEdges(g *simple.UndirectedGraph) [][2]int64 {
	var es [][2]int64
	nodes := gonum.NodesOf(g.Nodes())
	for _, u := range nodes {
		for _, v := range gonum.NodesOf(g.From(u.ID())) {
			if u.ID() < v.ID() {
				es = append(es, [2]int64{u.ID(), v.ID()})
			}
		}
	}
	// gonum's node iteration is map ordered; sort for a deterministic dataset.
	slices.SortFunc(es, func(a, b [2]int64) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	return es
}

// distView is the Network's gonum view with weight 1/w (distance) instead of tie strength.
type distView struct{ gonum.WeightedUndirected }

func (v distView) Weight(x, y int64) (float64, bool) {
	w, ok := v.WeightedUndirected.Weight(x, y)
	if x == y || !ok {
		return w, ok
	}
	return 1 / w, true
}

func (v distView) WeightedEdge(u, w int64) gonum.WeightedEdge {
	return v.WeightedEdgeBetween(u, w)
}

func (v distView) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	e := v.WeightedUndirected.WeightedEdgeBetween(x, y)
	if e == nil {
		return nil
	}
	return simple.WeightedEdge{F: e.From(), T: e.To(), W: 1 / e.Weight()}
}

// directed presents an undirected view as a directed graph with both arcs, for gonum's
// PageRank, which takes a graph.Directed.
type directed struct{ gonum.WeightedUndirected }

func (d directed) HasEdgeFromTo(u, v int64) bool { return d.HasEdgeBetween(u, v) }
func (d directed) To(id int64) gonum.Nodes       { return d.From(id) }

type unweightedDirected struct{ directed }

// TestAgainstGonum compares with gonum's network package on the zero-copy view of the
// Network, converting gonum's conventions: raw betweenness over ordered pairs (ours divides
// by (n-1)(n-2)), closeness 1/Σd without the Wasserman-Faust factor (ours multiplies by
// (r-1)²/(n-1)), and maps that leave out zeros.
func TestAgainstGonum(t *testing.T) {
	for _, tc := range []struct {
		name string
		n    int
		p    float64
		seed uint64
	}{
		{"gnp60-connected", 60, 0.1, 1},
		{"gnp80-sparse", 80, 0.025, 2},
		{"gnp120", 120, 0.05, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if testing.Short() && tc.n > 100 {
				t.Skip("short")
			}
			nw := gonumGnp(t, tc.n, tc.p, tc.seed)
			ids := nw.IDs()
			n := float64(nw.Len())
			view := nw.Gonum(graph.Contacts)
			scale := 1 / ((n - 1) * (n - 2))
			fromMap := func(m map[int64]float64, f float64) []float64 {
				out := make([]float64, nw.Len())
				for k, v := range m {
					out[k] = v * f
				}
				return out
			}

			got, _ := Betweenness(nw, Config{})
			checkSlice(t, "betweenness", ids, got, fromMap(network.Betweenness(view), scale), 1e-9)

			dv := distView{view}
			apsp := path.DijkstraAllPaths(dv)
			got, _ = Betweenness(nw, Config{Weighted: true})
			checkSlice(t, "betweenness weighted", ids, got, fromMap(network.BetweennessWeighted(dv, apsp), scale), 1e-9)

			for _, w := range []bool{false, true} {
				var g gonum.Graph = dv
				if !w {
					g = unitView{view}
				}
				p := path.DijkstraAllPaths(g)
				want := make([]float64, nw.Len())
				for id, c := range network.Closeness(g, p) {
					r1 := 0.0 // reachable others
					for u := 0; u < nw.Len(); u++ {
						if d := p.Weight(int64(u), id); u != int(id) && !math.IsInf(d, 0) {
							r1++
						}
					}
					if r1 > 0 {
						want[id] = c * r1 * r1 / (n - 1)
					}
				}
				got, _ = Closeness(nw, Config{Weighted: w})
				checkSlice(t, "closeness", ids, got, want, 1e-9)
				got, _ = Harmonic(nw, Config{Weighted: w})
				checkSlice(t, "harmonic", ids, got, fromMap(network.Harmonic(g, p), 1), 1e-9)
			}

			got, err := PageRank(nw, Config{Weighted: true, Tol: 1e-15})
			if err != nil {
				t.Fatal(err)
			}
			checkSlice(t, "pagerank weighted", ids, got, fromMap(network.PageRank(directed{view}, 0.85, 1e-14), 1), 1e-9)
			got, _ = PageRank(nw, Config{Tol: 1e-15})
			checkSlice(t, "pagerank sparse", ids, got, fromMap(network.PageRankSparse(unweightedDirected{directed{unitView{view}}}, 0.85, 1e-14), 1), 1e-9)
		})
	}
}

// unitView is the view with every tie weight 1 (the unweighted graph).
type unitView struct{ gonum.WeightedUndirected }

func (v unitView) Weight(x, y int64) (float64, bool) {
	w, ok := v.WeightedUndirected.Weight(x, y)
	if x == y || !ok {
		return w, ok
	}
	return 1, true
}

func (v unitView) WeightedEdge(u, w int64) gonum.WeightedEdge { return v.WeightedEdgeBetween(u, w) }

func (v unitView) WeightedEdgeBetween(x, y int64) gonum.WeightedEdge {
	e := v.WeightedUndirected.WeightedEdgeBetween(x, y)
	if e == nil {
		return nil
	}
	return simple.WeightedEdge{F: e.From(), T: e.To(), W: 1}
}
