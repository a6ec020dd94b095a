package score

import (
	"math"
	"math/rand/v2"
)

// bidi is one worker's scratch space for weighted path sampling by bidirectional Dijkstra.
// Side 0 searches from s, side 1 from t.
type bidi struct {
	a       *spAdj
	d       [2][]float64 // tentative or final distance, +Inf = unlabelled
	sg      [2][]float64 // number of shortest paths from the side's root, once settled
	done    [2][]bool
	h       [2]radixHeap
	settled [2][]int32
	touched []int32
}

func newBidi(a *spAdj) *bidi {
	b := &bidi{a: a}
	for side := range 2 {
		b.d[side] = make([]float64, a.n)
		for i := range b.d[side] {
			b.d[side][i] = math.Inf(1)
		}
		b.sg[side] = make([]float64, a.n)
		b.done[side] = make([]bool, a.n)
	}
	return b
}

// top returns the smallest live key of side's heap, dropping stale entries; +Inf if empty.
func (b *bidi) top(side int) float64 {
	h := &b.h[side]
	for h.n > 0 {
		it := h.peek()
		if b.done[side][it.v] || it.k != math.Float64bits(b.d[side][it.v]) {
			h.pop()
			continue
		}
		return math.Float64frombits(it.k)
	}
	return math.Inf(1)
}

// settle pops the next node of side, computes its path count from its settled
// predecessors, relaxes its neighbours and lowers mu with the s–t paths through its ties.
func (b *bidi) settle(side int, root int32, mu float64) float64 {
	a := b.a
	x := b.h[side].pop().v
	d, sg, done, od := b.d[side], b.sg[side], b.done[side], b.d[1-side]
	done[x] = true
	b.settled[side] = append(b.settled[side], x)
	dx := d[x]
	sx := 0.0
	if x == root {
		sx = 1
	}
	lo, hi := a.off[x], a.off[x+1]
	for k, y := range a.nbr[lo:hi] {
		l := a.w[lo+int32(k)]
		dy := d[y]
		if done[y] {
			if dy < dx && pathTie(dy+l, dx) {
				sx += sg[y]
			}
		} else if nd := dx + l; nd < dy {
			if math.IsInf(dy, 1) && math.IsInf(od[y], 1) {
				b.touched = append(b.touched, y)
			}
			d[y] = nd
			b.h[side].push(math.Float64bits(nd), y)
		}
		if o := od[y]; !math.IsInf(o, 1) {
			mu = math.Min(mu, dx+l+o)
		}
	}
	sg[x] = sx
	return mu
}

// sample draws one shortest s–t path uniformly at random and adds 1 to count for each of its
// interior actors. The searches stop once top_s + top_t exceeds the best s–t length D by
// more than TieTolerance: every actor x on a shortest path then has d_s(x) + d_t(x) = D, so it
// is settled by one side (or both) with a complete path count. Each shortest path leaves the
// s-settled set by exactly one tie (x, y) with y settled from t, so σ_st = Σ σ_sx·σ_ty over
// those ties; one is drawn in proportion and the path completed by walking back to s and to
// t through predecessors drawn in proportion to their path counts.
func (b *bidi) sample(s, t int32, rng *rand.Rand, count []int64) {
	a := b.a
	b.d[0][s], b.d[1][t] = 0, 0
	b.touched = append(b.touched[:0], s, t)
	b.h[0].push(0, s)
	b.h[1].push(0, t)
	mu := math.Inf(1)
	for {
		t0, t1 := b.top(0), b.top(1)
		if math.IsInf(t0, 1) || math.IsInf(t1, 1) {
			if math.IsInf(mu, 1) {
				b.reset()
				return // no path
			}
		}
		if t0+t1 > mu+TieTolerance*mu {
			break
		}
		side := 0
		if len(b.settled[1]) < len(b.settled[0]) && !math.IsInf(t1, 1) || math.IsInf(t0, 1) {
			side = 1
		}
		root := s
		if side == 1 {
			root = t
		}
		mu = b.settle(side, root, mu)
	}
	if b.done[0][t] {
		b.walk(t, 0, s, rng, count)
		b.reset()
		return
	}
	// Ties (x, y) leaving the s-settled set into the t-settled set on a shortest path.
	ds, dt, ss, st := b.d[0], b.d[1], b.sg[0], b.sg[1]
	total := 0.0
	for pass := 0; pass < 2; pass++ {
		x0 := 0.0
		if pass == 1 {
			x0 = rng.Float64() * total
		}
		for _, x := range b.settled[0] {
			lo, hi := a.off[x], a.off[x+1]
			for k, y := range a.nbr[lo:hi] {
				if b.done[0][y] || !b.done[1][y] || !pathTie(ds[x]+a.w[lo+int32(k)]+dt[y], mu) {
					continue
				}
				p := ss[x] * st[y]
				if pass == 0 {
					total += p
					continue
				}
				if x0 -= p; x0 < 0 {
					if x != s {
						count[x]++
						b.walk(x, 0, s, rng, count)
					}
					if y != t {
						count[y]++
						b.walk(y, 1, t, rng, count)
					}
					b.reset()
					return
				}
			}
		}
		if total == 0 {
			break
		}
	}
	b.reset()
}

// walk goes from u back to root through side's predecessors, each drawn with probability
// σ(p)/σ(u), counting the actors strictly between u and root.
func (b *bidi) walk(u int32, side int, root int32, rng *rand.Rand, count []int64) {
	a := b.a
	d, sg, done := b.d[side], b.sg[side], b.done[side]
	for u != root {
		x := rng.Float64() * sg[u]
		du := d[u]
		var pick int32 = -1
		lo, hi := a.off[u], a.off[u+1]
		for k, p := range a.nbr[lo:hi] {
			if done[p] && d[p] < du && pathTie(d[p]+a.w[lo+int32(k)], du) {
				pick = p
				if x -= sg[p]; x < 0 {
					break
				}
			}
		}
		if pick < 0 || pick == root {
			return
		}
		count[pick]++
		u = pick
	}
}

func (b *bidi) reset() {
	for _, v := range b.touched {
		for side := range 2 {
			b.d[side][v] = math.Inf(1)
			b.sg[side][v] = 0
			b.done[side][v] = false
		}
	}
	for side := range 2 {
		b.h[side].clear(func(int32) {})
		b.settled[side] = b.settled[side][:0]
	}
}
