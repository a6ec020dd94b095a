package report

import (
	"math"
	"math/rand/v2"
	"slices"

	gonum "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
)

// A Point is a position on a map, each coordinate in [0,1] (x to the right, y down).
type Point struct{ X, Y float64 }

// Positions maps actor IDs to their places on a map.
type Positions map[string]Point

// layoutUpdates is the number of force-directed updates; the layout converges well before.
const layoutUpdates = 400

// Layout places the nodes of the given maps with the force-directed algorithm of Eades
// (1984), as implemented by gonum's layout.EadesR2 (Barnes-Hut repulsion, logarithmic
// spring attraction along every tie, contact and suggested, with unit weight), and scales
// the result into [0,1]² with equal scaling on both axes. With several maps it lays out the
// union of their nodes and ties, so that the maps can be drawn with the same positions and
// compared. Initial positions come from a PCG generator seeded with seed, and nodes are
// visited in ID order, so the same maps and seed give the same positions on every run.
func Layout(seed uint64, maps ...*Map) Positions {
	var ids []string
	for _, m := range maps {
		for _, v := range m.Nodes {
			ids = append(ids, v.ID)
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	pos := make(Positions, len(ids))
	switch len(ids) {
	case 0:
		return pos
	case 1:
		pos[ids[0]] = Point{0.5, 0.5}
		return pos
	}
	index := make(map[string]int64, len(ids))
	for i, id := range ids {
		index[id] = int64(i)
	}
	g := &layoutGraph{nodes: make([]gonum.Node, len(ids)), adj: make([][]int64, len(ids))}
	for i := range ids {
		g.nodes[i] = simple.Node(i)
	}
	for _, m := range maps {
		for _, e := range m.Edges {
			a, okA := index[e.A]
			b, okB := index[e.B]
			if !okA || !okB || a == b {
				continue
			}
			g.adj[a] = append(g.adj[a], b)
			g.adj[b] = append(g.adj[b], a)
		}
	}
	for i := range g.adj {
		slices.Sort(g.adj[i])
		g.adj[i] = slices.Compact(g.adj[i])
	}

	eades := layout.EadesR2{Repulsion: 2, Rate: 0.02, Updates: layoutUpdates, Theta: 0.2,
		Src: rand.NewPCG(seed, 0x9e3779b97f4a7c15)}
	opt := layout.NewOptimizerR2(g, eades.Update)
	for opt.Update() {
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	xy := make([]Point, len(ids))
	for i := range ids {
		c := opt.Coord2(int64(i))
		xy[i] = Point{c.X, c.Y}
		minX, maxX = math.Min(minX, c.X), math.Max(maxX, c.X)
		minY, maxY = math.Min(minY, c.Y), math.Max(maxY, c.Y)
	}
	span := math.Max(maxX-minX, maxY-minY)
	for i, id := range ids {
		p := Point{0.5, 0.5}
		if span > 0 && !math.IsNaN(span) && !math.IsInf(span, 0) {
			// Centre the drawing in the unit square, same scale on both axes.
			p.X = 0.5 + (xy[i].X-(minX+maxX)/2)/span
			p.Y = 0.5 + (xy[i].Y-(minY+maxY)/2)/span
		}
		pos[id] = p
	}
	return pos
}

// layoutGraph is a small undirected graph whose node iterators visit nodes in ID order,
// which makes gonum's layout deterministic (simple.UndirectedGraph iterates a map).
type layoutGraph struct {
	nodes []gonum.Node
	adj   [][]int64 // sorted neighbour IDs
}

func (g *layoutGraph) Node(id int64) gonum.Node {
	if id < 0 || id >= int64(len(g.nodes)) {
		return nil
	}
	return g.nodes[id]
}

func (g *layoutGraph) Nodes() gonum.Nodes { return iterator.NewOrderedNodes(g.nodes) }

func (g *layoutGraph) From(id int64) gonum.Nodes {
	if g.Node(id) == nil {
		return gonum.Empty
	}
	nodes := make([]gonum.Node, len(g.adj[id]))
	for k, j := range g.adj[id] {
		nodes[k] = g.nodes[j]
	}
	return iterator.NewOrderedNodes(nodes)
}

func (g *layoutGraph) HasEdgeBetween(x, y int64) bool {
	if g.Node(x) == nil || g.Node(y) == nil {
		return false
	}
	_, found := slices.BinarySearch(g.adj[x], y)
	return found
}

func (g *layoutGraph) Edge(u, v int64) gonum.Edge {
	if !g.HasEdgeBetween(u, v) {
		return nil
	}
	return simple.Edge{F: g.nodes[u], T: g.nodes[v]}
}

var _ gonum.Graph = (*layoutGraph)(nil)
