package score

import (
	"math"
	"math/bits"
	"sync"
	"sync/atomic"

	"github.com/partnerscout/partnerscout/graph"
)

// TieTolerance is the relative tolerance under which a weighted path counts as a shortest
// path: a path of length a ties the shortest length b <= a when a <= b·(1+TieTolerance).
// Float sums of 1/w depend on the order of addition (1/3+1/3+1/2+1/3 = 1.4999999999999998 but
// 1/3+1/3+1/3+1/2 = 1.5), so exact comparison, as networkx does, misses tied paths; igraph
// also uses a relative epsilon. Paths whose exact lengths differ by less than this fraction
// are treated as equally short, so weights should not span more than about 10 orders of
// magnitude.
const TieTolerance = 1e-10

// pathTie reports whether a path of length a (>= b) ties the shortest length b.
func pathTie(a, b float64) bool { return a <= b+TieTolerance*b }

// spAdj is a private copy of one layer's adjacency in compressed sparse rows, with each tie's
// length (1/weight for path measures) or weight, or nil w when unweighted.
type spAdj struct {
	n   int
	off []int32
	nbr []int32
	w   []float64
}

// newSPAdj copies layer l of nw. With weighted set, w holds 1/weight when inverse is set (path
// measures: distance = 1/weight) and the weight itself otherwise.
func newSPAdj(nw *graph.Network, l graph.Layer, weighted, inverse bool) *spAdj {
	n := nw.Len()
	a := &spAdj{n: n, off: make([]int32, n+1)}
	m := 0
	for i := 0; i < n; i++ {
		m += nw.Degree(l, i)
		a.off[i+1] = int32(m)
	}
	a.nbr = make([]int32, 0, m)
	if weighted {
		a.w = make([]float64, 0, m)
	}
	for i := 0; i < n; i++ {
		nb, w := nw.Neighbors(l, i)
		a.nbr = append(a.nbr, nb...)
		if weighted {
			if inverse {
				for _, x := range w {
					a.w = append(a.w, 1/x)
				}
			} else {
				a.w = append(a.w, w...)
			}
		}
	}
	return a
}

// ssp is one worker's scratch space for single-source shortest paths. It is allocated once
// and reused for every source; after each traversal only the reached entries are reset.
type ssp struct {
	a     *spAdj
	order []int32   // reached nodes in settle (BFS or Dijkstra) order
	level []int32   // unweighted: hop distance, -1 = unreached
	dist  []float64 // weighted: distance, +Inf = unreached
	sigma []float64 // number of shortest paths from the source
	delta []float64 // weighted: Brandes dependency δ(w)

	// Unweighted with path counts: level and σ side by side (one cache line per visit);
	// the accumulation overwrites σ(w) with (1+δ(w))/σ(w) once w is done.
	ls []bfsNode

	// Weighted only: the priority queue of Dijkstra's algorithm, and the predecessors of the i-th settled node in preds[predOff[i]:predOff[i+1]].
	heap    radixHeap
	preds   []int32
	predOff []int32
}

// bfsNode is an actor's BFS level (-1 = unreached) and its σ or, after the accumulation,
// (1+δ)/σ.
type bfsNode struct {
	x     float64
	level int32
}

func newSSP(a *spAdj, paths bool) *ssp {
	s := &ssp{a: a, order: make([]int32, 0, a.n)}
	if a.w == nil && paths {
		s.ls = make([]bfsNode, a.n)
		for i := range s.ls {
			s.ls[i].level = -1
		}
		return s
	}
	if a.w == nil {
		s.level = make([]int32, a.n)
		for i := range s.level {
			s.level[i] = -1
		}
	} else {
		s.dist = make([]float64, a.n)
		for i := range s.dist {
			s.dist[i] = math.Inf(1)
		}
		if paths {
			s.predOff = make([]int32, 1, a.n+1)
		}
	}
	if paths {
		s.sigma = make([]float64, a.n)
		s.delta = make([]float64, a.n)
	}
	return s
}

// reset clears the entries reached by the last traversal.
func (s *ssp) reset() {
	if s.ls != nil {
		for _, v := range s.order {
			s.ls[v].level = -1
		}
	} else if s.level != nil {
		for _, v := range s.order {
			s.level[v] = -1
		}
	} else {
		for _, v := range s.order {
			s.dist[v] = math.Inf(1)
		}
		if s.heap.n > 0 { // left by an early stop
			s.heap.clear(func(v int32) { s.dist[v] = math.Inf(1) })
		}
		s.heap.last = 0
		if s.predOff != nil {
			s.preds, s.predOff = s.preds[:0], s.predOff[:1]
			for _, v := range s.order {
				s.sigma[v], s.delta[v] = 0, 0
			}
		}
	}
	s.order = s.order[:0]
}

// bfs fills order and level from src.
func (s *ssp) bfs(src int) {
	a := s.a
	level, order := s.level, s.order
	order = append(order, int32(src))
	level[src] = 0
	for head := 0; head < len(order); head++ {
		w := order[head]
		lw := level[w] + 1
		for _, v := range a.nbr[a.off[w]:a.off[w+1]] {
			if level[v] < 0 {
				level[v] = lw
				order = append(order, v)
			}
		}
	}
	s.order = order
}

// bfsPaths fills order, levels and path counts σ from src.
func (s *ssp) bfsPaths(src int) {
	a := s.a
	ls, order := s.ls, s.order
	order = append(order, int32(src))
	ls[src] = bfsNode{1, 0}
	for head := 0; head < len(order); head++ {
		w := order[head]
		lw := ls[w].level + 1
		sw := ls[w].x
		for _, v := range a.nbr[a.off[w]:a.off[w+1]] {
			p := &ls[v]
			lv := p.level
			if lv < 0 {
				*p = bfsNode{sw, lw} // first path; x of unreached nodes is stale, not 0
				order = append(order, v)
				continue
			}
			p.x += math.Float64frombits(math.Float64bits(sw) & eqMask(lv, lw)) // branch-free
		}
	}
	s.order = order
}

// dijkstra fills order and dist from src. With sigma allocated it also counts shortest paths
// and records predecessors: when w is settled, its predecessors are the neighbours v with
// dist[v] < dist[w] and dist[v]+len(v,w) tying dist[w] (see TieTolerance), all settled
// before w, and sigma[w] is the sum of their sigma.
//
// With target >= 0 it stops as soon as target is settled (sigma[target] complete); reset then
// also clears the nodes left in the heap.
func (s *ssp) dijkstra(src, target int) {
	a := s.a
	paths := s.sigma != nil
	dist := s.dist
	h := &s.heap
	dist[src] = 0
	h.push(0, int32(src))
	for h.n > 0 {
		it := h.pop()
		w := it.v
		dw := dist[w]
		if it.k != math.Float64bits(dw) {
			continue // stale: w was pushed again with a smaller distance
		}
		s.order = append(s.order, w)
		lo, hi := a.off[w], a.off[w+1]
		nbr, lens := a.nbr[lo:hi], a.w[lo:hi]
		if !paths {
			for k, v := range nbr {
				if nd := dw + lens[k]; nd < dist[v] {
					dist[v] = nd
					h.push(math.Float64bits(nd), v)
				}
			}
			continue
		}
		// A settled neighbour v has dist[v] <= dw and, having relaxed w, dist[v]+len >= dw
		// exactly, so it is a predecessor iff pathTie(dist[v]+len, dw).
		sw := 0.0
		if int(w) == src {
			sw = 1
		}
		stop := int(w) == target
		for k, v := range nbr {
			dv := dist[v]
			if dv < dw {
				if pathTie(dv+lens[k], dw) {
					sw += s.sigma[v]
					s.preds = append(s.preds, v)
				}
			} else if nd := dw + lens[k]; nd < dv && !stop {
				dist[v] = nd
				h.push(math.Float64bits(nd), v)
			}
		}
		s.sigma[w] = sw
		s.predOff = append(s.predOff, int32(len(s.preds)))
		if stop {
			return
		}
	}
}

// accumulate runs Brandes' dependency accumulation over the last traversal from src and adds
// δ_src(v) to bc[v] for every v ≠ src:
//
//	δ_s(v) = Σ_{w : v ∈ pred_s(w)} σ_sv/σ_sw · (1 + δ_s(w))
//
// Unweighted it pulls from the successors w of v (level one higher): δ(v) = σ_v·Σ_w c_w with
// c_w = (1+δ(w))/σ_w, one division per actor and no scattered writes. Weighted it pushes to
// the predecessors recorded by dijkstra.
func (s *ssp) accumulate(src int, bc []float64) {
	a := s.a
	if s.ls != nil {
		ls := s.ls
		for i := len(s.order) - 1; i > 0; i-- {
			v := s.order[i]
			l1 := ls[v].level + 1
			sum := 0.0
			for _, w := range a.nbr[a.off[v]:a.off[v+1]] {
				// Branch-free: the test is unpredictable and the loop is the hot spot.
				q := &ls[w]
				sum += math.Float64frombits(math.Float64bits(q.x) & eqMask(q.level, l1))
			}
			sv := ls[v].x
			dv := sv * sum
			bc[v] += dv
			ls[v].x = (1 + dv) / sv
		}
		return
	}
	sigma := s.sigma
	delta := s.delta
	for i := len(s.order) - 1; i > 0; i-- {
		w := s.order[i]
		coeff := (1 + delta[w]) / sigma[w]
		for _, v := range s.preds[s.predOff[i]:s.predOff[i+1]] {
			delta[v] += sigma[v] * coeff
		}
		bc[w] += delta[w]
	}
}

// eqMask returns all ones if a == b and 0 otherwise, without a branch.
func eqMask(a, b int32) uint64 {
	var x uint64
	if a == b {
		x = 1
	}
	return -x
}

// traverse runs BFS or Dijkstra from src, as the adjacency is unweighted or weighted.
func (s *ssp) traverse(src int) {
	if s.ls != nil {
		s.bfsPaths(src)
	} else if s.level != nil {
		s.bfs(src)
	} else {
		s.dijkstra(src, -1)
	}
}

// distance returns the distance of a node reached by the last traversal.
func (s *ssp) distance(v int32) float64 {
	if s.level != nil {
		return float64(s.level[v])
	}
	return s.dist[v]
}

// radixHeap is a monotone priority queue on non-negative float64 keys (Ahuja, Mehlhorn,
// Orlin & Tarjan 1990, "Faster algorithms for the shortest path problem", J. ACM 37(2)):
// the IEEE bits of non-negative floats order like the floats, and Dijkstra never inserts a
// key below the last one removed, so an entry lives in bucket bits.Len64(key ^ last) and
// only the first non-empty bucket is ever redistributed. Decrease-key is lazy: a relaxed node
// is pushed again and stale entries are skipped when popped.
type radixHeap struct {
	b    [65][]hItem
	last uint64
	n    int
}

// hItem is a heap entry: a node and the bits of its tentative distance.
type hItem struct {
	k uint64
	v int32
}

func (h *radixHeap) push(k uint64, v int32) {
	i := bits.Len64(k ^ h.last)
	h.b[i] = append(h.b[i], hItem{k, v})
	h.n++
}

// peek returns an entry with the smallest key (the most recently pushed among equal keys)
// without removing it. The heap must not be empty.
func (h *radixHeap) peek() hItem {
	if len(h.b[0]) == 0 {
		i := 1
		for len(h.b[i]) == 0 {
			i++
		}
		bi := h.b[i]
		m := bi[0].k
		for _, it := range bi[1:] {
			m = min(m, it.k)
		}
		h.last = m
		for _, it := range bi {
			j := bits.Len64(it.k ^ m)
			h.b[j] = append(h.b[j], it)
		}
		h.b[i] = bi[:0]
	}
	return h.b[0][len(h.b[0])-1]
}

// pop removes and returns the entry peek returns.
func (h *radixHeap) pop() hItem {
	it := h.peek()
	h.b[0] = h.b[0][:len(h.b[0])-1]
	h.n--
	return it
}

// clear empties the heap, calling fn for every entry left.
func (h *radixHeap) clear(fn func(v int32)) {
	for i := range h.b {
		for _, it := range h.b[i] {
			fn(it.v)
		}
		h.b[i] = h.b[i][:0]
	}
	h.last, h.n = 0, 0
}

// sumBlocks is the number of source blocks a sum over sources is cut into. Each block is
// summed in source order into its own buffer and the blocks are added in block order, so the
// result does not depend on the number of workers.
const sumBlocks = 256

// sumSources returns Σ over the sources of fn's contributions, where fn(ws, src, buf) adds the
// contribution of source src into buf (len width). Sources 0..nsrc-1 are cut into at most
// sumBlocks contiguous blocks whose size depends only on nsrc. Workers claim blocks in order
// and sum each into a buffer from a ring of 2·workers; finished blocks are added to the total
// strictly in block order (by whichever worker completes the next one), so the result is
// bit-identical for any number of workers, and no worker waits at a barrier. Memory:
// 2·workers·width floats besides the workers' scratch.
func sumSources[W any](nsrc, width, workers int, newWorker func() W, fn func(ws W, src int, buf []float64)) []float64 {
	total := make([]float64, width)
	if nsrc == 0 {
		return total
	}
	bs := (nsrc + sumBlocks - 1) / sumBlocks
	nb := (nsrc + bs - 1) / bs
	ws := newWorkers(workers, nb, newWorker)
	ring := make([][]float64, min(nb, 2*len(ws)))
	for i := range ring {
		ring[i] = make([]float64, width)
	}
	var (
		mu      sync.Mutex
		cond    = sync.NewCond(&mu)
		done    = make([]bool, nb)
		reduced = 0 // blocks 0..reduced-1 are in total
		next    atomic.Int64
		wg      sync.WaitGroup
	)
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				b := int(next.Add(1) - 1)
				if b >= nb {
					return
				}
				mu.Lock()
				for reduced <= b-len(ring) { // the buffer still holds block b-len(ring)
					cond.Wait()
				}
				mu.Unlock()
				buf := ring[b%len(ring)]
				clear(buf)
				for src := b * bs; src < min(nsrc, (b+1)*bs); src++ {
					fn(w, src, buf)
				}
				mu.Lock()
				done[b] = true
				for reduced < nb && done[reduced] {
					rb := ring[reduced%len(ring)]
					for i := range total {
						total[i] += rb[i]
					}
					reduced++
				}
				cond.Broadcast()
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return total
}

// eachSource runs fn(ws[j], src) for every source 0..nsrc-1 on len(ws) goroutines, worker j
// using its own scratch ws[j]; sources are handed out dynamically. fn must write only
// results that belong to src (or to its worker's scratch).
func eachSource[W any](nsrc int, ws []W, fn func(w W, src int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				src := int(next.Add(1) - 1)
				if src >= nsrc {
					return
				}
				fn(w, src)
			}
		}()
	}
	wg.Wait()
}

// newWorkers returns max(1, min(workers, tasks)) scratch spaces made by newWorker.
func newWorkers[W any](workers, tasks int, newWorker func() W) []W {
	ws := make([]W, max(1, min(workers, tasks)))
	for i := range ws {
		ws[i] = newWorker()
	}
	return ws
}

// Betweenness returns the betweenness centrality of every actor in layer c.Layer,
// normalised as networkx's betweenness_centrality(normalized=True):
//
//	C_B(v) = 1/((n-1)(n-2)) · Σ_{s ≠ v ≠ t} σ_st(v) / σ_st
//
// where the sum runs over ordered pairs, σ_st is the number of shortest paths from s to t and
// σ_st(v) the number of those through v; this equals the sum over unordered pairs divided by
// (n-1)(n-2)/2. For n <= 2 the raw value (0) is returned. With c.Weighted a tie of weight w
// has length 1/w and path lengths are compared with [TieTolerance], so tied weighted paths are
// all counted (igraph and exact rational arithmetic agree; networkx's exact float comparison
// can miss some). Actors on no shortest path, isolated ones included, score 0.
//
// It runs Brandes' algorithm (Brandes 2001, "A faster algorithm for betweenness centrality",
// J. Math. Sociol. 25(2)): one BFS (unweighted) or Dijkstra with a radix heap (weighted) per
// source on the compact adjacency arrays, O(nm) time unweighted, O(nm log n) weighted, and
// O(n + m) memory per worker, never n × n. Sources run in parallel on c.Workers workers;
// per-block sums are added in a fixed block order, so the result is bit-identical for any
// number of workers. The measure is due to Freeman (1977, "A set of measures of centrality
// based on betweenness", Sociometry 40(1)). For large networks see [BetweennessApprox] and
// [AutoApprox].
func Betweenness(n *graph.Network, c Config) ([]float64, error) {
	return betweenness(n, c, n.Len())
}

// betweenness sums the dependencies of sources 0..nsrc-1 (all of them for Betweenness; fewer
// in memory benchmarks).
func betweenness(n *graph.Network, c Config, nsrc int) ([]float64, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	a := newSPAdj(n, c.Layer, c.Weighted, true)
	bc := sumSources(nsrc, a.n, c.Workers, func() *ssp { return newSSP(a, true) },
		func(s *ssp, src int, buf []float64) {
			s.traverse(src)
			s.accumulate(src, buf)
			s.reset()
		})
	if nn := float64(a.n); a.n > 2 {
		scale := 1 / ((nn - 1) * (nn - 2))
		for i := range bc {
			bc[i] *= scale
		}
	}
	return bc, nil
}

// Closeness returns the closeness centrality of every actor in layer c.Layer, with the
// Wasserman-Faust correction for disconnected graphs (networkx closeness_centrality with
// wf_improved=True):
//
//	C_C(v) = (r-1)/(n-1) · (r-1)/Σ_{u reachable from v} d(v, u)
//
// where r is the number of actors reachable from v, v included. Isolated actors score 0.
// With c.Weighted a tie of weight w has length 1/w. On a connected graph this is Freeman's
// (1979) closeness (n-1)/Σ d; the correction is Wasserman & Faust (1994, Social Network
// Analysis, eq. 5.4). One BFS or Dijkstra per actor, O(n + m) memory per worker, parallel on
// c.Workers workers; each actor's value is computed by one worker, so the result does not
// depend on their number.
func Closeness(n *graph.Network, c Config) ([]float64, error) {
	return perSourceValue(n, c, n.Len(), closenessValue)
}

// closenessValue is the Wasserman-Faust closeness of the last traversal's source.
func closenessValue(s *ssp, nn int) float64 {
	r := len(s.order)
	tot := 0.0
	for _, v := range s.order {
		tot += s.distance(v)
	}
	return wfCloseness(float64(r-1), tot, float64(nn))
}

// wfCloseness is the Wasserman-Faust closeness from the number of other reachable actors, the
// sum of their distances and n.
func wfCloseness(reach, tot, n float64) float64 {
	if tot <= 0 || n <= 1 {
		return 0
	}
	cc := reach / tot
	return cc * (reach / (n - 1))
}

// Harmonic returns the harmonic centrality of every actor in layer c.Layer, unnormalised as
// networkx's harmonic_centrality:
//
//	H(v) = Σ_{u ≠ v} 1/d(v, u)
//
// with 1/∞ = 0, so it is defined on disconnected graphs; isolated actors score 0. Divide by
// n-1 for the normalised form in [0, 1]. With c.Weighted a tie of weight w has length 1/w.
// Harmonic centrality is due to Marchiori & Latora (2000, "Harmony in the small-world",
// Physica A 285) and Rochat (2009, "Closeness centrality extended to unconnected graphs: the
// harmonic centrality index"). One BFS or Dijkstra per actor, O(n + m) memory per worker.
func Harmonic(n *graph.Network, c Config) ([]float64, error) {
	return perSourceValue(n, c, n.Len(), harmonicValue)
}

// harmonicValue is the harmonic centrality of the last traversal's source.
func harmonicValue(s *ssp, _ int) float64 {
	h := 0.0
	if s.level != nil {
		// Group by level: Σ_l count_l / l, in increasing l (BFS order is by level).
		cnt, l := 0, int32(0)
		for _, v := range s.order[1:] {
			if s.level[v] != l {
				if cnt > 0 {
					h += float64(cnt) / float64(l)
				}
				cnt, l = 0, s.level[v]
			}
			cnt++
		}
		if cnt > 0 {
			h += float64(cnt) / float64(l)
		}
		return h
	}
	for _, v := range s.order[1:] {
		h += 1 / s.dist[v]
	}
	return h
}

// perSourceValue computes one value per actor from a distance traversal rooted at it, for
// actors 0..nsrc-1 (all of them except in memory benchmarks).
func perSourceValue(n *graph.Network, c Config, nsrc int, value func(s *ssp, n int) float64) ([]float64, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	a := newSPAdj(n, c.Layer, c.Weighted, true)
	res := make([]float64, a.n)
	ws := newWorkers(c.Workers, nsrc, func() *ssp { return newSSP(a, false) })
	eachSource(nsrc, ws, func(s *ssp, src int) {
		s.traverse(src)
		res[src] = value(s, a.n)
		s.reset()
	})
	return res, nil
}
