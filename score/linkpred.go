package score

import (
	"container/heap"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/partnerscout/partnerscout/graph"
)

// A Predictor is a link-prediction score: how likely two actors who are not tied now are to
// become tied, judged from the network alone (Liben-Nowell and Kleinberg, "The link-prediction
// problem for social networks", JASIST 58(7), 2007, doi:10.1002/asi.20591). Every predictor
// is symmetric and >= 0, and 0 means "no evidence" (for example no common neighbour, or no
// path), so a caller can stream only the nonzero scores and count the rest as ties at 0.
//
// Below, Γ(x) is the set of x's neighbours, k_x = |Γ(x)| its degree, w_xy the tie weight
// and s_x = Σ_z w_xz the strength. The weighted forms ([LinkConfig].Weighted) follow Lü and
// Zhou ("Link prediction in weighted networks: the role of weak ties", EPL 89, 2010,
// doi:10.1209/0295-5075/89/18001) with exponent 1, with the pair weight halved as in Murata
// and Moriyasu (2007), so that on unit weights each weighted form equals its unweighted twin
// (except Adamic-Adar, whose weighted form needs ln(1+s) to stay finite for weak ties).
type Predictor int

// The predictors.
const (
	// Distance is 1/d(x,y), d the shortest-path length (weighted: distance 1/w per tie, as
	// everywhere in this package), 0 when y is unreachable. It orders pairs like the paper's
	// -d(x,y).
	Distance Predictor = iota
	// CommonNeighbors is |Γ(x) ∩ Γ(y)|; weighted Σ_{z ∈ Γ(x)∩Γ(y)} (w_xz + w_zy)/2.
	CommonNeighbors
	// Jaccard is |Γ(x) ∩ Γ(y)| / |Γ(x) ∪ Γ(y)| (networkx jaccard_coefficient); weighted, the
	// Ruzicka (weighted Jaccard) similarity of the two weight vectors,
	// Σ_z min(w_xz, w_yz) / Σ_z max(w_xz, w_yz).
	Jaccard
	// AdamicAdar is Σ_{z ∈ Γ(x)∩Γ(y)} 1/ln k_z (networkx adamic_adar_index); weighted
	// Σ_z (w_xz + w_zy)/2 / ln(1 + s_z).
	AdamicAdar
	// ResourceAllocation is Σ_{z ∈ Γ(x)∩Γ(y)} 1/k_z (Zhou, Lü and Zhang 2009; networkx
	// resource_allocation_index); weighted Σ_z (w_xz + w_zy)/2 / s_z.
	ResourceAllocation
	// PreferentialAttachment is k_x · k_y; weighted s_x · s_y.
	PreferentialAttachment
	// Katz is Σ_{l=1}^{L} β^l |paths_l(x,y)|, the number of walks of length l from x to y
	// damped by β^l (Katz 1953), truncated at L = [LinkConfig].MaxLen; weighted, walks count
	// with the product of their tie weights ((A^l)_xy for the weighted adjacency A).
	Katz
	// RootedPageRank is the stationary probability of y under a random walk that starts at x,
	// at each step jumps back to x with probability α ([LinkConfig].Alpha) and otherwise moves
	// to a uniformly chosen neighbour (weighted: neighbour z with probability w_uz/s_u). This
	// is Liben-Nowell and Kleinberg's rooted PageRank, also called random walk with restart.
	// It is not symmetric in general; Score(x, y) is the walk rooted at x.
	RootedPageRank
	numPredictors
)

var predictorNames = [...]string{"distance", "common_neighbors", "jaccard", "adamic_adar",
	"resource_allocation", "preferential_attachment", "katz", "rooted_pagerank"}

// String returns the predictor's name: "distance", "common_neighbors", "jaccard",
// "adamic_adar", "resource_allocation", "preferential_attachment", "katz" or
// "rooted_pagerank".
func (p Predictor) String() string {
	if p < 0 || p >= numPredictors {
		return fmt.Sprintf("Predictor(%d)", int(p))
	}
	return predictorNames[p]
}

// ParsePredictor is the inverse of [Predictor.String].
func ParsePredictor(s string) (Predictor, error) {
	for i, n := range predictorNames {
		if s == n {
			return Predictor(i), nil
		}
	}
	return 0, fmt.Errorf("score: unknown predictor %q (want one of distance, common_neighbors, jaccard, adamic_adar, resource_allocation, preferential_attachment, katz, rooted_pagerank)", s)
}

// Predictors returns every predictor in declaration order.
func Predictors() []Predictor {
	ps := make([]Predictor, numPredictors)
	for i := range ps {
		ps[i] = Predictor(i)
	}
	return ps
}

// Defaults of [LinkConfig].
const (
	// DefaultKatzBeta is Katz's damping β, the smallest value of Liben-Nowell and Kleinberg.
	DefaultKatzBeta = 0.005
	// DefaultKatzMaxLen is the longest walk counted by Katz. With β = 0.005 a walk of length 5
	// weighs 0.005^5 ≈ 3e-12, so longer walks change no ranking in practice unless an actor
	// has thousands of ties.
	DefaultKatzMaxLen = 4
	// DefaultRestart is rooted PageRank's restart probability α (the walk continues with
	// probability 1-α = 0.85, PageRank's usual damping).
	DefaultRestart = 0.15
	// DefaultEpsilon is the push threshold of rooted PageRank (see [LinkConfig].Epsilon).
	DefaultEpsilon = 1e-7
)

// LinkConfig says which ties a [Linker] looks at and sets the predictors' parameters. The
// zero value is the unweighted contacts layer with the defaults above.
type LinkConfig struct {
	Layer    graph.Layer // which ties; default Contacts
	Weighted bool        // use tie strength (see [Predictor] for each weighted form)

	// Beta is Katz's damping β; 0 means DefaultKatzBeta.
	Beta float64
	// MaxLen is the longest walk Katz counts; 0 means DefaultKatzMaxLen. A negative value
	// sums the whole series Σ_{l>=1} β^l A^l (to relative precision 1e-15), which requires
	// β · max_x s_x < 1, a bound on the largest eigenvalue of A; NewLinker returns an error
	// otherwise.
	MaxLen int
	// Alpha is rooted PageRank's restart probability α in (0, 1); 0 means DefaultRestart.
	Alpha float64
	// Epsilon is rooted PageRank's push threshold ε: the walk's probability mass is pushed
	// (Andersen, Chung and Lang 2006, "Local graph partitioning using PageRank vectors")
	// until every actor holds a residual below ε·k_u (weighted ε·s_u). The result then differs
	// from the exact stationary probability of y by at most ε·k_y (weighted ε·s_y), and the
	// work per source is at most 1/(αε) tie visits. 0 means DefaultEpsilon.
	Epsilon float64
}

// Validate reports parameters out of range.
func (c LinkConfig) Validate() error {
	switch {
	case c.Layer < graph.Contacts || c.Layer > graph.Combined:
		return fmt.Errorf("score: unknown layer %d", c.Layer)
	case math.IsNaN(c.Beta) || c.Beta < 0 || math.IsInf(c.Beta, 0):
		return fmt.Errorf("score: Katz beta %v must be a finite number >= 0", c.Beta)
	case math.IsNaN(c.Alpha) || c.Alpha < 0 || c.Alpha >= 1:
		return fmt.Errorf("score: restart probability alpha %v outside (0, 1)", c.Alpha)
	case math.IsNaN(c.Epsilon) || c.Epsilon < 0 || c.Epsilon >= 1:
		return fmt.Errorf("score: epsilon %v outside [0, 1)", c.Epsilon)
	}
	return nil
}

func (c LinkConfig) withDefaults() LinkConfig {
	if c.Beta == 0 {
		c.Beta = DefaultKatzBeta
	}
	if c.MaxLen == 0 {
		c.MaxLen = DefaultKatzMaxLen
	}
	if c.Alpha == 0 {
		c.Alpha = DefaultRestart
	}
	if c.Epsilon == 0 {
		c.Epsilon = DefaultEpsilon
	}
	return c
}

// A Linker computes one [Predictor] on one network. It holds scratch arrays of one entry per
// actor that are reused from call to call (no n x n memory), so it is NOT safe for
// concurrent use: give each goroutine its own Linker (they may share the network).
type Linker struct {
	n *graph.Network
	p Predictor
	c LinkConfig

	val     []float64 // score being accumulated, per actor
	aux     []float64 // Katz: current walk counts; rooted PageRank: residual
	aux2    []float64 // Katz: next walk counts
	stamp   []uint32  // stamp[v] == epoch: v is in touched
	epoch   uint32
	touched []int32
	list    []int32 // Katz frontier; BFS/push queue
	list2   []int32
	inQ     []bool
	hp      distHeap
	deg     []float64 // k_x or s_x per actor
}

// NewLinker returns a Linker computing p on network n under c.
func NewLinker(n *graph.Network, p Predictor, c LinkConfig) (*Linker, error) {
	if n == nil {
		return nil, errors.New("score: nil network")
	}
	if p < 0 || p >= numPredictors {
		return nil, fmt.Errorf("score: unknown predictor %d", p)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	size := n.Len()
	l := &Linker{n: n, p: p, c: c, val: make([]float64, size), stamp: make([]uint32, size),
		deg: make([]float64, size)}
	maxDeg := 0.0
	for i := range size {
		if c.Weighted {
			l.deg[i] = n.Strength(c.Layer, i)
		} else {
			l.deg[i] = float64(n.Degree(c.Layer, i))
		}
		maxDeg = math.Max(maxDeg, l.deg[i])
	}
	switch p {
	case Katz:
		if c.MaxLen < 0 && c.Beta*maxDeg >= 1 {
			return nil, fmt.Errorf("score: Katz series with beta %v may diverge (largest strength %v): use a smaller beta or MaxLen > 0", c.Beta, maxDeg)
		}
		l.aux, l.aux2 = make([]float64, size), make([]float64, size)
	case RootedPageRank:
		l.aux, l.inQ = make([]float64, size), make([]bool, size)
	case Distance:
		if c.Weighted {
			l.inQ = make([]bool, size)
		}
	}
	return l, nil
}

// Predictor returns the predictor l computes.
func (l *Linker) Predictor() Predictor { return l.p }

// Config returns l's configuration with defaults filled in.
func (l *Linker) Config() LinkConfig { return l.c }

// From calls fn(dst, s) for every actor dst ≠ src whose score s from src is nonzero, in
// increasing dst order. Actors not visited have score 0. The work is local for the
// neighbourhood predictors (the actors within two ties of src), a search of src's component
// for Distance, a few sparse walks for Katz and a local push for RootedPageRank;
// PreferentialAttachment visits every actor. fn must not call l.
func (l *Linker) From(src int, fn func(dst int, s float64)) {
	l.check(src)
	if l.p == PreferentialAttachment {
		ds := l.deg[src]
		for dst, d := range l.deg {
			if dst != src && ds*d != 0 {
				fn(dst, ds*d)
			}
		}
		return
	}
	l.compute(src)
	slices.Sort(l.touched)
	for _, dst := range l.touched {
		if int(dst) != src {
			if s := l.final(src, int(dst)); s != 0 {
				fn(int(dst), s)
			}
		}
	}
	l.reset()
}

// Score returns the score of the pair (src, dst), the same value From(src, ...) reports for
// dst (0 for dst == src). The neighbourhood predictors and PreferentialAttachment cost one
// merge of two neighbour lists; Distance, Katz and RootedPageRank run the whole computation
// from src, so prefer From when scoring many pairs from one source.
func (l *Linker) Score(src, dst int) float64 {
	l.check(src)
	l.check(dst)
	if src == dst {
		return 0
	}
	switch l.p {
	case PreferentialAttachment:
		return l.deg[src] * l.deg[dst]
	case CommonNeighbors, Jaccard, AdamicAdar, ResourceAllocation:
		return l.pair(src, dst)
	}
	l.compute(src)
	s := 0.0
	if l.stamp[dst] == l.epoch {
		s = l.final(src, dst)
	}
	l.reset()
	return s
}

func (l *Linker) check(i int) {
	if i < 0 || i >= len(l.val) {
		panic(fmt.Sprintf("score: actor index %d out of range [0, %d)", i, len(l.val)))
	}
}

func (l *Linker) nbrs(i int) ([]int32, []float64) { return l.n.Neighbors(l.c.Layer, i) }

// touch records v as visited in this computation.
func (l *Linker) touch(v int32) {
	if l.stamp[v] != l.epoch {
		l.stamp[v] = l.epoch
		l.touched = append(l.touched, v)
	}
}

// reset clears the scratch entries of the touched actors and starts a new epoch.
func (l *Linker) reset() {
	for _, v := range l.touched {
		l.val[v] = 0
		if l.aux != nil {
			l.aux[v] = 0
		}
	}
	l.touched = l.touched[:0]
}

func (l *Linker) begin() {
	l.epoch++
	if l.epoch == 0 { // wrapped: clear the stamps once every 2^32 computations
		clear(l.stamp)
		l.epoch = 1
	}
}

// compute fills val for every touched actor (touched is unsorted afterwards).
func (l *Linker) compute(src int) {
	l.begin()
	switch l.p {
	case CommonNeighbors, Jaccard, AdamicAdar, ResourceAllocation:
		l.neighbourhood(src)
	case Distance:
		if l.c.Weighted {
			l.dijkstra(src)
		} else {
			l.bfs(src)
		}
	case Katz:
		l.katz(src)
	case RootedPageRank:
		l.push(src)
	}
}

// term is the contribution of common neighbour z (ties of weight wx to x and wy to y).
func (l *Linker) term(z int32, wx, wy float64) float64 {
	if !l.c.Weighted {
		switch l.p {
		case AdamicAdar:
			return 1 / math.Log(l.deg[z])
		case ResourceAllocation:
			return 1 / l.deg[z]
		}
		return 1
	}
	switch l.p {
	case Jaccard:
		return math.Min(wx, wy)
	case AdamicAdar:
		return (wx + wy) / 2 / math.Log1p(l.deg[z])
	case ResourceAllocation:
		return (wx + wy) / 2 / l.deg[z]
	}
	return (wx + wy) / 2
}

// neighbourhood accumulates the common-neighbour terms of src and every actor two ties away,
// summing over z in increasing order (the order [Linker.pair] uses, so both agree bit for bit).
func (l *Linker) neighbourhood(src int) {
	zs, wxs := l.nbrs(src)
	for k, z := range zs {
		ys, wys := l.nbrs(int(z))
		for m, y := range ys {
			if int(y) == src {
				continue
			}
			l.touch(y)
			l.val[y] += l.term(z, wxs[k], wys[m])
		}
	}
}

// pair computes a neighbourhood score by merging the two sorted neighbour lists.
func (l *Linker) pair(x, y int) float64 {
	a, wa := l.nbrs(x)
	b, wb := l.nbrs(y)
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			s += l.term(a[i], wa[i], wb[j])
			i, j = i+1, j+1
		}
	}
	if l.p == Jaccard {
		return l.jaccard(x, y, s)
	}
	return s
}

func (l *Linker) jaccard(x, y int, shared float64) float64 {
	if shared == 0 {
		return 0
	}
	return shared / (l.deg[x] + l.deg[y] - shared)
}

// final turns the accumulated value of dst into its score.
func (l *Linker) final(src, dst int) float64 {
	v := l.val[dst]
	switch l.p {
	case Jaccard:
		return l.jaccard(src, dst, v)
	case Distance:
		if v == 0 {
			return 0
		}
		return 1 / v
	}
	return v
}

// bfs stores hop distances in val (0 for src itself, which From skips).
func (l *Linker) bfs(src int) {
	q := append(l.list[:0], int32(src))
	l.touch(int32(src))
	for h := 0; h < len(q); h++ {
		u := q[h]
		d := l.val[u] + 1
		vs, _ := l.nbrs(int(u))
		for _, v := range vs {
			if l.stamp[v] != l.epoch {
				l.touch(v)
				l.val[v] = d
				q = append(q, v)
			}
		}
	}
	l.list = q[:0]
}

// dijkstra stores weighted distances (Σ 1/w) in val; inQ marks settled actors.
func (l *Linker) dijkstra(src int) {
	l.touch(int32(src))
	l.hp = append(l.hp[:0], distItem{0, int32(src)})
	for len(l.hp) > 0 {
		it := heap.Pop(&l.hp).(distItem)
		u := it.v
		if l.inQ[u] {
			continue
		}
		l.inQ[u] = true
		vs, ws := l.nbrs(int(u))
		for k, v := range vs {
			if l.inQ[v] {
				continue
			}
			d := it.d + 1/ws[k]
			if l.stamp[v] != l.epoch || d < l.val[v] {
				l.touch(v)
				l.val[v] = d
				heap.Push(&l.hp, distItem{d, v})
			}
		}
	}
	for _, v := range l.touched {
		l.inQ[v] = false
	}
}

type distItem struct {
	d float64
	v int32
}

// distHeap is a min-heap by distance, ties by index, so the search order is deterministic.
type distHeap []distItem

func (h distHeap) Len() int { return len(h) }
func (h distHeap) Less(i, j int) bool {
	return h[i].d < h[j].d || (h[i].d == h[j].d && h[i].v < h[j].v)
}
func (h distHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *distHeap) Push(x any)   { *h = append(*h, x.(distItem)) }
func (h *distHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// katz sums β^l (A^l e_src) for l = 1..MaxLen (or until the terms vanish) into val, keeping
// the walk counts of the current length in aux and of the next in aux2 (both sparse, with
// their supports in list and list2).
func (l *Linker) katz(src int) {
	cur, next := l.aux, l.aux2
	front := append(l.list[:0], int32(src))
	nfront := l.list2[:0]
	cur[src] = 1
	coef := 1.0
	total := 0.0
	for length := 1; l.c.MaxLen < 0 || length <= l.c.MaxLen; length++ {
		coef *= l.c.Beta
		nfront = nfront[:0]
		for _, u := range front {
			cu := cur[u]
			vs, ws := l.nbrs(int(u))
			for k, v := range vs {
				if next[v] == 0 {
					nfront = append(nfront, v)
				}
				if l.c.Weighted {
					next[v] += cu * ws[k]
				} else {
					next[v] += cu
				}
			}
			cur[u] = 0
		}
		added := 0.0
		for _, v := range nfront {
			l.touch(v)
			t := coef * next[v]
			l.val[v] += t
			added += t
		}
		total += added
		cur, next = next, cur
		front, nfront = nfront, front
		if len(front) == 0 || (l.c.MaxLen < 0 && (added <= 1e-15*total || length >= 100000)) {
			break
		}
	}
	for _, u := range front {
		cur[u] = 0
	}
	l.list, l.list2 = front[:0], nfront[:0]
}

// push runs the Andersen-Chung-Lang push for the walk rooted at src: val holds the settled
// probability p and aux the residual r, with the invariant π_src = p + Σ_u r(u) π_u. Pushing
// u moves α r(u) into p(u) and spreads (1-α) r(u) over u's neighbours in proportion to the
// tie weights; actors are pushed in first-in first-out order while r(u) >= ε·k_u.
func (l *Linker) push(src int) {
	alpha, eps := l.c.Alpha, l.c.Epsilon
	r := l.aux
	l.touch(int32(src))
	if l.deg[src] == 0 { // an isolated walker never leaves src
		l.val[src] = 1
		return
	}
	r[src] = 1
	q := append(l.list[:0], int32(src))
	l.inQ[src] = true
	for h := 0; h < len(q); {
		if h > 4096 && 2*h > len(q) { // drop the consumed prefix now and then
			q = q[:copy(q, q[h:])]
			h = 0
		}
		u := q[h]
		h++
		l.inQ[u] = false
		ru := r[u]
		r[u] = 0
		l.val[u] += alpha * ru
		m := (1 - alpha) * ru / l.deg[u]
		vs, ws := l.nbrs(int(u))
		for k, v := range vs {
			l.touch(v)
			if l.c.Weighted {
				r[v] += m * ws[k]
			} else {
				r[v] += m
			}
			if !l.inQ[v] && r[v] >= eps*l.deg[v] {
				l.inQ[v] = true
				q = append(q, v)
			}
		}
	}
	l.list = q[:0]
}
