package score

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"github.com/partnerscout/partnerscout/graph"
)

// Approx sets the accuracy of the sampling approximations [BetweennessApprox],
// [ClosenessApprox] and [HarmonicApprox]. The zero value means ε = 0.01, δ = 0.1 and the
// fixed seed [DefaultSeed], so results are reproducible unless a seed is chosen.
type Approx struct {
	// Epsilon is the additive error bound ε (see each function for its unit); 0 means 0.01.
	Epsilon float64
	// Delta is the probability δ that some actor's error exceeds the bound; 0 means 0.1.
	Delta float64
	// Seed seeds the PCG generator that draws the samples; 0 means DefaultSeed.
	Seed uint64
}

// DefaultSeed is the sampling seed used when [Approx].Seed is 0.
const DefaultSeed = 0x9e3779b97f4a7c15

// AutoApproxActors is the network size above which [AutoApprox] recommends sampling: exact
// betweenness, closeness and harmonic centrality take O(n·m) time, about a minute per measure
// on one core at 50,000 actors and 250,000 ties.
const AutoApproxActors = 50000

// AutoApprox reports whether n is large enough (more than [AutoApproxActors] actors) that the
// path-based centralities should be approximated by sampling rather than computed exactly.
func AutoApprox(n *graph.Network) bool { return n.Len() > AutoApproxActors }

// Validate reports parameters out of range: ε and δ must lie in [0, 1) (0 = default).
func (a Approx) Validate() error {
	switch {
	case math.IsNaN(a.Epsilon) || a.Epsilon < 0 || a.Epsilon >= 1:
		return fmt.Errorf("score: approximation epsilon %v outside (0, 1)", a.Epsilon)
	case math.IsNaN(a.Delta) || a.Delta < 0 || a.Delta >= 1:
		return fmt.Errorf("score: approximation delta %v outside (0, 1)", a.Delta)
	}
	return nil
}

func (a Approx) withDefaults() Approx {
	if a.Epsilon == 0 {
		a.Epsilon = 0.01
	}
	if a.Delta == 0 {
		a.Delta = 0.1
	}
	if a.Seed == 0 {
		a.Seed = DefaultSeed
	}
	return a
}

// rkConstant is the universal constant c of Riondato & Kornaropoulos' sample size; they
// report c ≈ 0.5 (after Löffler & Phillips 2009).
const rkConstant = 0.5

// BetweennessSamples returns the number of shortest paths [BetweennessApprox] samples on a
// graph whose vertex diameter (the largest number of actors on a shortest path) is at most
// vd, Riondato & Kornaropoulos' bound:
//
//	r = ⌈(c/ε²) (⌊log2(vd-2)⌋ + 1 + ln(1/δ))⌉,  c = 0.5
//
// It returns 0 when vd <= 2 (no shortest path has an interior actor).
func (a Approx) BetweennessSamples(vd int) int {
	a = a.withDefaults()
	if vd <= 2 {
		return 0
	}
	return int(math.Ceil(rkConstant / (a.Epsilon * a.Epsilon) * (math.Floor(math.Log2(float64(vd-2))) + 1 + math.Log(1/a.Delta))))
}

// BetweennessApprox estimates the betweenness centrality of every actor, normalised as
// [Betweenness], by sampling shortest paths (Riondato & Kornaropoulos 2016, "Fast
// approximation of betweenness centrality through sampling", Data Min. Knowl. Disc. 30). It
// draws r = [Approx.BetweennessSamples](VD) pairs (s, t) uniformly with s ≠ t, picks one
// shortest s–t path uniformly at random, and counts the interior actors:
//
//	b̃(v) = (paths with v inside) / r · n/(n-2)
//
// With probability at least 1-δ every actor's estimate is within ε·n/(n-2) of its exact
// [Betweenness] (the factor n/(n-2) converts RK's normalisation by n(n-1) to networkx's
// (n-1)(n-2)). VD is bounded from above in O(n+m) time:
// unweighted, by d1+d2+1 per component, where d1 ≥ d2 are the two largest BFS distances from
// the component's first actor; weighted, by min(component size, 2·e/l_min + 1), with e the
// first actor's weighted eccentricity and l_min the shortest tie length (1/max weight).
//
// Unweighted samples use a balanced bidirectional BFS that stops when the two searches meet
// (as in KADABRA, Borassi & Natale 2016); weighted samples use a bidirectional Dijkstra that
// stops when the two smallest keys sum past the best s–t length, so a sample usually visits
// far fewer than n actors. When r >= n on a weighted graph the exact [Betweenness] (which
// meets any bound) is returned instead, as it costs less. Sample i draws from PCG(a.Seed, i),
// so the result depends on the seed but not on c.Workers. Memory: O(n + m) per worker.
func BetweennessApprox(n *graph.Network, c Config, a Approx) ([]float64, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	c, a = c.withDefaults(), a.withDefaults()
	ad := newSPAdj(n, c.Layer, c.Weighted, true)
	nn := ad.n
	res := make([]float64, nn)
	if nn <= 2 {
		return res, nil
	}
	r := a.BetweennessSamples(vertexDiameterBound(ad))
	if r == 0 {
		return res, nil
	}
	if c.Weighted && r >= nn {
		return Betweenness(n, c) // n Dijkstras cost less than r bidirectional ones
	}
	ws := newWorkers(c.Workers, r, func() *rkWorker { return newRKWorker(ad, a.Seed) })
	eachSource(r, ws, func(w *rkWorker, i int) { w.sample(i) })
	// Counts are integers: their sum does not depend on which worker drew which sample.
	scale := float64(nn) / float64(nn-2) / float64(r)
	for v := range res {
		cnt := int64(0)
		for _, w := range ws {
			cnt += w.count[v]
		}
		res[v] = float64(cnt) * scale
	}
	return res, nil
}

// vertexDiameterBound returns an upper bound on the number of actors on any shortest path,
// from one traversal per connected component. Unweighted, a shortest path within a component
// has at most d1+d2 ties, where d1 >= d2 are the two largest BFS distances from the
// component's first actor. Weighted, it has at most 2·e/l_min ties, where e is the
// component's first actor's weighted eccentricity and l_min the shortest tie length, and at
// most as many actors as the component.
func vertexDiameterBound(a *spAdj) int {
	seen := make([]bool, a.n)
	s := newSSP(a, false)
	lmin := math.Inf(1)
	for _, l := range a.w {
		lmin = math.Min(lmin, l)
	}
	vd := 0
	for root := 0; root < a.n; root++ {
		if seen[root] {
			continue
		}
		s.traverse(root)
		for _, v := range s.order {
			seen[v] = true
		}
		if a.w != nil {
			ecc := 0.0
			for _, v := range s.order {
				ecc = math.Max(ecc, s.dist[v])
			}
			hops := math.Floor(2*ecc/lmin*(1+1e-9)) + 1
			vd = max(vd, int(math.Min(float64(len(s.order)), hops)))
		} else {
			d1, d2 := int32(0), int32(0)
			for _, v := range s.order[1:] {
				switch l := s.level[v]; {
				case l >= d1:
					d1, d2 = l, d1
				case l > d2:
					d2 = l
				}
			}
			vd = max(vd, int(d1+d2+1))
		}
		s.reset()
	}
	return vd
}

// rkWorker is one worker's scratch space for path sampling.
type rkWorker struct {
	a      *spAdj
	seed   uint64
	pcg    *rand.PCG
	rng    *rand.Rand
	count  []int64 // interior appearances per actor
	ds, dt []int32 // bidirectional BFS levels from s and from t, -1 = unseen
	ss, st []float64
	fs, ft []int32 // frontiers
	next   []int32
	meet   []int32
	seen   []int32 // every node whose level was set, for the reset
	bd     *bidi   // weighted: bidirectional Dijkstra
}

func newRKWorker(a *spAdj, seed uint64) *rkWorker {
	pcg := rand.NewPCG(seed, 0)
	w := &rkWorker{a: a, seed: seed, pcg: pcg, rng: rand.New(pcg), count: make([]int64, a.n)}
	if a.w != nil {
		w.bd = newBidi(a)
		return w
	}
	w.ds, w.dt = make([]int32, a.n), make([]int32, a.n)
	for i := range w.ds {
		w.ds[i], w.dt[i] = -1, -1
	}
	w.ss, w.st = make([]float64, a.n), make([]float64, a.n)
	return w
}

// sample draws sample i: a pair s ≠ t and one of their shortest paths, uniformly.
func (w *rkWorker) sample(i int) {
	w.pcg.Seed(w.seed, uint64(i))
	n := w.a.n
	s := w.rng.IntN(n)
	t := w.rng.IntN(n - 1)
	if t >= s {
		t++
	}
	if w.bd != nil {
		w.bd.sample(int32(s), int32(t), w.rng, w.count)
		return
	}
	w.sampleBFS(s, t)
}

// sampleBFS runs a balanced bidirectional BFS between s and t: it expands, one whole level at
// a time, the side whose frontier has fewer tie ends, until the searches meet. The meeting
// actors v then all lie at distance d(s,t) = ds[v]+dt[v], and σ_st = Σ_v σ_sv·σ_vt; one
// meeting actor is drawn with probability σ_sv·σ_vt/σ_st and the path is completed by walking
// to s and to t through predecessors drawn in proportion to their path counts.
func (w *rkWorker) sampleBFS(s, t int) {
	a := w.a
	w.ds[s], w.ss[s], w.dt[t], w.st[t] = 0, 1, 0, 1
	w.seen = append(w.seen[:0], int32(s), int32(t))
	w.fs = append(w.fs[:0], int32(s))
	w.ft = append(w.ft[:0], int32(t))
	w.meet = w.meet[:0]
	cost := func(f []int32) int {
		c := 0
		for _, u := range f {
			c += int(a.off[u+1] - a.off[u])
		}
		return c
	}
	for len(w.meet) == 0 && len(w.fs) > 0 && len(w.ft) > 0 {
		fromS := cost(w.fs) <= cost(w.ft)
		d, sg, od, f := w.ds, w.ss, w.dt, w.fs
		if !fromS {
			d, sg, od, f = w.dt, w.st, w.ds, w.ft
		}
		w.next = w.next[:0]
		for _, u := range f {
			lu := d[u] + 1
			su := sg[u]
			for _, v := range a.nbr[a.off[u]:a.off[u+1]] {
				if d[v] < 0 {
					d[v] = lu
					w.next = append(w.next, v)
					w.seen = append(w.seen, v)
					if od[v] >= 0 {
						w.meet = append(w.meet, v)
					}
				}
				if d[v] == lu {
					sg[v] += su
				}
			}
		}
		if fromS {
			w.fs, w.next = w.next, w.fs
		} else {
			w.ft, w.next = w.next, w.ft
		}
	}
	if len(w.meet) > 0 {
		total := 0.0
		for _, v := range w.meet {
			total += w.ss[v] * w.st[v]
		}
		x := w.rng.Float64() * total
		v := w.meet[len(w.meet)-1]
		for _, m := range w.meet {
			if x -= w.ss[m] * w.st[m]; x < 0 {
				v = m
				break
			}
		}
		if int(v) != s && int(v) != t {
			w.count[v]++
		}
		w.walk(v, w.ds, w.ss)
		w.walk(v, w.dt, w.st)
	}
	for _, u := range w.seen {
		w.ds[u], w.dt[u], w.ss[u], w.st[u] = -1, -1, 0, 0
	}
}

// walk goes from u towards the root of levels d (level 0), counting every actor passed
// strictly between u and the root; each step picks a neighbour p one level lower with
// probability sg[p]/sg[u].
func (w *rkWorker) walk(u int32, d []int32, sg []float64) {
	a := w.a
	for d[u] > 1 {
		x := w.rng.Float64() * sg[u]
		lp := d[u] - 1
		var pick int32 = -1
		for _, p := range a.nbr[a.off[u]:a.off[u+1]] {
			if d[p] == lp {
				pick = p
				if x -= sg[p]; x < 0 {
					break
				}
			}
		}
		w.count[pick]++
		u = pick
	}
}

// ewSamples is the number of sources [ClosenessApprox] and [HarmonicApprox] sample:
// Hoeffding's bound with a union bound over the n actors,
//
//	k = ⌈ln(2n/δ) / (2ε²)⌉
func ewSamples(n int, a Approx) int {
	return int(math.Ceil(math.Log(2*float64(n)/a.Delta) / (2 * a.Epsilon * a.Epsilon)))
}

// sampleSources draws k distinct sources from 0..n-1 with PCG(seed, 0) (partial
// Fisher-Yates) and returns them sorted.
func sampleSources(n, k int, seed uint64) []int32 {
	rng := rand.New(rand.NewPCG(seed, 0))
	perm := make([]int32, n)
	for i := range perm {
		perm[i] = int32(i)
	}
	for i := 0; i < k; i++ {
		j := i + rng.IntN(n-i)
		perm[i], perm[j] = perm[j], perm[i]
	}
	src := slices.Clip(perm[:k])
	slices.Sort(src)
	return src
}

// HarmonicApprox estimates the harmonic centrality of every actor (as [Harmonic],
// unnormalised) from k sampled sources (Eppstein & Wang 2004, "Fast approximation of
// centrality", J. Graph Algorithms Appl. 8(1)):
//
//	H̃(v) = n/k · Σ_{s ∈ S, s ≠ v} 1/d(s, v),    k = ⌈ln(2n/δ) / (2ε²)⌉
//
// drawn without replacement with PCG(a.Seed, 0). Each term lies in [0, 1/d_min] (d_min = 1
// unweighted, 1/max weight weighted), so by Hoeffding's inequality (which also holds for
// sampling without replacement) and a union bound, with probability at least 1-δ every
// estimate is within ε·n/d_min of H(v). When k >= n it returns the exact [Harmonic]. One
// traversal per sampled source, O(n + m) memory per worker; the result does not depend on
// c.Workers.
func HarmonicApprox(n *graph.Network, c Config, a Approx) ([]float64, error) {
	return eppsteinWang(n, c, a, false)
}

// ClosenessApprox estimates the Wasserman-Faust closeness of every actor (as [Closeness]) from
// k sampled sources, as [HarmonicApprox] does (Eppstein & Wang 2004): with c(v) the number of
// sampled sources s ≠ v that reach v and D(v) the sum of their distances,
//
//	C̃(v) = (n/k · c(v))/(n-1) · c(v)/D(v)
//
// Eppstein and Wang's bound applies to the average distance: with probability at least 1-δ
// every D(v)/c(v) is within ε·Δ of the true average distance from v (Δ = diameter) on a
// connected graph. When k >= n it returns the exact [Closeness].
func ClosenessApprox(n *graph.Network, c Config, a Approx) ([]float64, error) {
	return eppsteinWang(n, c, a, true)
}

func eppsteinWang(n *graph.Network, c Config, a Approx, closeness bool) ([]float64, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := a.Validate(); err != nil {
		return nil, err
	}
	c, a = c.withDefaults(), a.withDefaults()
	nn := n.Len()
	k := ewSamples(nn, a)
	if k >= nn {
		if closeness {
			return Closeness(n, c)
		}
		return Harmonic(n, c)
	}
	ad := newSPAdj(n, c.Layer, c.Weighted, true)
	src := sampleSources(nn, k, a.Seed)
	width := nn
	if closeness {
		width = 2 * nn // distance sums, then reach counts
	}
	sum := sumSources(k, width, c.Workers, func() *ssp { return newSSP(ad, false) },
		func(s *ssp, i int, buf []float64) {
			s.traverse(int(src[i]))
			for _, v := range s.order[1:] {
				d := s.distance(v)
				if closeness {
					buf[v] += d
					buf[nn+int(v)]++
				} else {
					buf[v] += 1 / d
				}
			}
			s.reset()
		})
	res := make([]float64, nn)
	f := float64(nn) / float64(k)
	for v := range res {
		if closeness {
			cnt := sum[nn+v]
			res[v] = wfCloseness(f*cnt, f*sum[v], float64(nn))
		} else {
			res[v] = f * sum[v]
		}
	}
	return res, nil
}
