package discovery

import (
	"math/bits"

	"github.com/partnerscout/partnerscout/graph"
)

// Gatekeeper flags need g(f, c), the share of the focal actor f's shortest paths (in the
// Score layer) that run through candidate c (score.Power.Gatekeeping):
//
//	g(f, c) = min(δ_f(c) / (R - 2), 1),   δ_f(c) = Σ_{t ≠ f, c} σ_ft(c) / σ_ft
//
// with R the size of f's connected component. The flag fires when g >= θ, the gatekeeper
// threshold; below θ the value is never shown. score.Power.GatekeepingFrom computes g for
// every c with a full breadth-first search and dependency accumulation, O(n + m) per focal
// actor, which dominated `rank --all` on large networks. Only whether g >= θ matters for
// the few listed candidates, and that can usually be settled from the first levels of the
// search:
//
// Each term σ_ft(c)/σ_ft is at most 1, and it is 0 unless t is a descendant of c in f's
// shortest-path DAG. So at any point of the search,
//
//	δ_f(c) <= D(c) + (R - V)
//
// where V is the number of actors found and D(c) the number of them, other than c, that
// descend from c, provided D(c) is final for them. Descendants are tracked with one bit per
// candidate, OR-ed along the DAG's edges as the search goes; each level is expanded with
// its bit-carrying actors first, after which the next level's descendants are all known
// and the bound can be tested after every few actors. As soon as the bound is below θ(R - 2),
// with a margin for the rounding of the floating-point sums in GatekeepingFrom, for every
// listed candidate, no flag can fire and the search stops; otherwise the exact shares come
// from GatekeepingFrom. In a small-world network, half of the actors (θ = 0.5) are found
// within three or four levels, a small part of the ties, so the full search is rarely run.

// maxGateCands is the most candidates one bounded search handles (one bit each).
const maxGateCands = 64

// gateMargin is the relative margin of the bound test: a bound is accepted as below θ(R-2)
// only when it is below θ(R-2)(1 - gateMargin) - 1, far more than the rounding of a sum of
// n floating-point terms.
const gateMargin = 1e-6

// components labels the connected components of layer l and returns, by actor, the size of
// its component.
func components(n *graph.Network, l graph.Layer) []int32 {
	N := n.Len()
	label := make([]int32, N)
	for i := range label {
		label[i] = -1
	}
	var sizes []int32
	var q []int32
	for s := range N {
		if label[s] >= 0 {
			continue
		}
		c := int32(len(sizes))
		label[s] = c
		q = append(q[:0], int32(s))
		for h := 0; h < len(q); h++ {
			nb, _ := n.Neighbors(l, int(q[h]))
			for _, v := range nb {
				if label[v] < 0 {
					label[v] = c
					q = append(q, v)
				}
			}
		}
		sizes = append(sizes, int32(len(q)))
	}
	out := make([]int32, N)
	for i, c := range label {
		out[i] = sizes[c]
	}
	return out
}

// gateScratch is a worker's scratch space for the bounded search, reset after use.
type gateScratch struct {
	dist  []int32  // level of each actor found, -1 otherwise
	mask  []uint64 // candidates (bits) each actor found descends from, itself included
	queue []int32
}

// loadGates sets w.gate to shares that give the same gatekeeper flags as
// score.Power.GatekeepingFrom(focal) for the candidates in top: the exact shares, or 0 for
// every actor when the bounded search proves that none of them reaches the threshold.
func (w *worker) loadGates(top []scored) {
	r, f := w.r, w.focal
	if w.gateFor == f {
		return
	}
	w.gateFor = f
	if !r.gatekeeping || len(top) == 0 {
		w.zeroGates()
		return
	}
	if len(top) <= maxGateCands && w.boundedGates(top) {
		w.zeroGates()
		return
	}
	w.gate = r.pow.GatekeepingFrom(f, w.gate)
}

// zeroGates sets every share in w.gate to 0.
func (w *worker) zeroGates() {
	if n := w.r.n.Len(); len(w.gate) != n {
		w.gate = make([]float64, n)
	} else {
		clear(w.gate)
	}
}

// boundedGates runs the bounded search from the loaded focal actor and reports whether it
// proved every share g(focal, c), c in top, below the gatekeeper threshold.
func (w *worker) boundedGates(top []scored) bool {
	r, n, f := w.r, w.r.n, w.focal
	R := int(r.compSize[f])
	if R <= 2 {
		return true // GatekeepingFrom gives 0 to everybody
	}
	limit := r.gateTheta*float64(R-2)*(1-gateMargin) - 1
	s := &w.gs
	if s.dist == nil {
		s.dist = make([]int32, n.Len())
		for i := range s.dist {
			s.dist[i] = -1
		}
		s.mask = make([]uint64, n.Len())
	}
	var bit [maxGateCands]int32 // candidate of each bit
	var desc [maxGateCands]int  // descendants found so far, by bit
	var pending uint64          // bits not yet proved below the threshold
	l := r.o.Score.Layer
	q := append(s.queue[:0], int32(f))
	s.dist[f] = 0
	defer func() {
		for _, v := range q {
			s.dist[v], s.mask[v] = -1, 0
		}
		s.queue = q
	}()
	for j, t := range top {
		bit[j] = t.c
		pending |= 1 << j
	}
	// Candidates the focal actor cannot reach have share 0: their bits are never set on any
	// actor, so they pass the first test below.
	// certified drops the bits whose bound is below the limit, rem actors being not yet
	// found, and reports whether none is left.
	certified := func(rem int) bool {
		for p := pending; p != 0; p &= p - 1 {
			if j := bits.TrailingZeros64(p); float64(desc[j]+rem) < limit {
				pending &^= 1 << j
			}
		}
		return pending == 0
	}
	expand := func(v int32) {
		dv, mv := s.dist[v], s.mask[v]
		nb, _ := n.Neighbors(l, int(v))
		for _, x := range nb {
			dx := s.dist[x]
			if dx < 0 {
				dx = dv + 1
				s.dist[x] = dx
				q = append(q, x)
			}
			if dx == dv+1 && mv != 0 {
				s.mask[x] |= mv
			}
		}
	}
	// q[levelStart:levelEnd] is the current level: found completely, with final masks
	// (candidates on it carry their own bit) and its descendants counted in desc.
	// Candidates the focal actor cannot reach have share 0: no actor ever carries their
	// bit, and they pass the first test.
	levelStart, levelEnd := 0, 1
	for {
		if certified(R - len(q)) {
			return true
		}
		if levelStart == levelEnd {
			return false // search complete and some bound too high: compute exactly
		}
		// Expand the level's actors that carry a bit first: after them, every descendant
		// on the next level is known, and every actor found later is not one, so the
		// bound can be tested while the rest of the level is expanded.
		lvl := q[levelStart:levelEnd]
		k := 0
		for i, v := range lvl {
			if s.mask[v] != 0 {
				lvl[i], lvl[k] = lvl[k], lvl[i]
				k++
			}
		}
		h := levelStart
		for ; h < levelStart+k; h++ {
			expand(q[h])
		}
		for _, x := range q[levelEnd:] {
			for m := s.mask[x]; m != 0; m &= m - 1 {
				desc[bits.TrailingZeros64(m)]++
			}
		}
		for ; h < levelEnd; h++ {
			expand(q[h])
			if (h-levelStart)%64 == 63 && certified(R-len(q)) {
				return true
			}
		}
		levelStart, levelEnd = levelEnd, len(q)
		if levelStart < levelEnd {
			d := s.dist[q[levelStart]]
			for j, c := range bit[:len(top)] {
				if s.dist[c] == d {
					s.mask[c] |= 1 << j
				}
			}
		}
	}
}
