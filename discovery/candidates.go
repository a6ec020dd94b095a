package discovery

import (
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// A worker holds one goroutine's scratch space for ranking: dense arrays of one entry per
// actor, cleared after use by walking the entries that were set, so that each focal actor
// costs time proportional to its neighbourhood, not to the network.
type worker struct {
	r    *Ranker
	link *score.Linker

	focal   int       // actor whose neighbourhood is loaded; -1 for none
	prox    []float64 // raw proximity score from focal, by actor
	proxSet []int32   // actors with prox != 0
	proxMax float64   // largest raw proximity score from focal
	tie     []float64 // weight of focal's tie to each actor in the Exclude layer (0: none)
	tieSet  []int32

	seen  []uint32 // seen[c] == epoch: c is in pool (or is the focal actor or a partner)
	fof   []uint32 // fof[c] == epoch: c is a friend of a friend (has a mutual partner)
	epoch uint32
	pool  []int32
	top   []scored
	intro []Introducer // scratch for explanations

	gate    []float64 // gatekeeping shares of gateFor's paths (score.Power.GatekeepingFrom)
	gateFor int       // actor gate was computed for; -1 for none
	gs      gateScratch
}

func (r *Ranker) newWorker() (*worker, error) {
	l, err := score.NewLinker(r.n, r.o.Proximity, r.o.Link)
	if err != nil {
		return nil, err
	}
	n := r.n.Len()
	return &worker{r: r, link: l, focal: -1, gateFor: -1,
		prox: make([]float64, n), tie: make([]float64, n), seen: make([]uint32, n), fof: make([]uint32, n)}, nil
}

// setFocal loads f's proximity scores and ties, unless they are loaded already.
func (w *worker) setFocal(f int) {
	if w.focal == f {
		return
	}
	for _, x := range w.proxSet {
		w.prox[x] = 0
	}
	for _, x := range w.tieSet {
		w.tie[x] = 0
	}
	w.proxSet, w.tieSet = w.proxSet[:0], w.tieSet[:0]
	w.proxMax = 0
	w.link.From(f, func(dst int, s float64) {
		w.prox[dst] = s
		w.proxSet = append(w.proxSet, int32(dst))
		w.proxMax = max(w.proxMax, s)
	})
	nb, ws := w.r.n.Neighbors(w.r.o.Exclude, f)
	for k, m := range nb {
		w.tie[m] = ws[k]
		w.tieSet = append(w.tieSet, m)
	}
	w.focal = f
}

// candidates returns the candidate pool of the loaded focal actor, without duplicates and
// without the focal actor and its partners: friends of friends (Exclude layer), co-attendees
// (events layer) and the actors sharing a goal tag with it (score.Profiles.Related). The
// order is the order found, friends of friends first; the ranking does not depend on it.
// Friends of friends are marked in w.fof. The slice is reused by the next call.
func (w *worker) candidates() []int32 {
	r, n, f := w.r, w.r.n, w.focal
	w.epoch++
	if w.epoch == 0 { // wrapped: clear once every 2^32 calls
		clear(w.seen)
		clear(w.fof)
		w.epoch = 1
	}
	pool := w.pool[:0]
	w.seen[f] = w.epoch
	for _, m := range w.tieSet {
		w.seen[m] = w.epoch
	}
	add := func(c int32) {
		if w.seen[c] != w.epoch {
			w.seen[c] = w.epoch
			pool = append(pool, c)
		}
	}
	for _, m := range w.tieSet {
		nb, _ := n.Neighbors(r.o.Exclude, int(m))
		for _, c := range nb {
			w.fof[c] = w.epoch
			add(c)
		}
	}
	co, _ := n.Neighbors(graph.Events, f)
	for _, c := range co {
		add(c)
	}
	for _, k := range r.tagOf[r.tagOff[f]:r.tagOff[f+1]] {
		for _, c := range r.holder[r.holderOff[k]:r.holderOff[k+1]] {
			add(c)
		}
	}
	w.pool = pool
	return pool
}

// components returns the components of (focal, c) for the loaded focal actor. Ranking
// computes the same numbers in the same way, split in two steps (partial, then
// complementarity) so that it can skip candidates that cannot reach the top.
func (w *worker) components(c int) Components {
	comp := w.partial(c)
	comp.Complementarity = w.complementarity(c)
	return comp
}

// stranger returns the components of (focal, c) other than complementarity for a
// candidate c that is not a friend of a friend (w.fof unset after candidates): with no
// mutual partner, trust is 0 and every partner of c is new, so it gives what partial
// gives without walking c's ties.
func (w *worker) stranger(c int) Components {
	comp := w.stranger0(c)
	comp.Goal = clamp01(w.r.prof.Overlap(w.focal, c))
	return comp
}

// stranger0 is stranger without goal overlap (left 0), the one component that costs more
// than O(1).
func (w *worker) stranger0(c int) Components {
	r := w.r
	var comp Components
	if w.proxMax > 0 {
		comp.Proximity = w.prox[c] / w.proxMax
	}
	if fresh := r.n.Degree(r.o.Exclude, c); fresh > 0 {
		comp.Reach = float64(fresh) / float64(len(w.tieSet)+fresh)
	}
	return comp
}

// partial returns the components of (focal, c) other than complementarity.
func (w *worker) partial(c int) Components {
	r, f := w.r, w.focal
	comp := Components{Goal: clamp01(r.prof.Overlap(f, c))}
	if w.proxMax > 0 {
		comp.Proximity = w.prox[c] / w.proxMax
	}
	best, fresh := 0.0, 0
	nb, ws := r.n.Neighbors(r.o.Exclude, c)
	for k, m := range nb {
		if int(m) == f {
			continue
		}
		if t := w.tie[m]; t > 0 {
			best = max(best, min(t, ws[k]))
		} else {
			fresh++
		}
	}
	comp.Trust = best / (1 + best)
	if fresh > 0 {
		comp.Reach = float64(fresh) / float64(len(w.tieSet)+fresh)
	}
	return comp
}

// complementarity returns the complementarity of (focal, c).
func (w *worker) complementarity(c int) float64 {
	return clamp01(score.Complementarity(w.r.n, w.focal, c))
}

// clamp01 maps NaN to 0 and clamps x to [0, 1], guarding the [0, 1] contract of the
// components against rounding in the measures they come from.
func clamp01(x float64) float64 {
	switch {
	case !(x > 0):
		return 0
	case x > 1:
		return 1
	}
	return x
}
