package discovery

import (
	"cmp"
	"errors"
	"math"
	"slices"
	"sync"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// scoreStep is the step scores are rounded to before ordering, so that results do not
// depend on the last bits of floating-point sums.
const scoreStep = 1e-9

// round rounds x to the nearest multiple of scoreStep.
func round(x float64) float64 { return math.Round(x/scoreStep) / (1 / scoreStep) }

// A Ranker ranks candidate partners on one network under one set of Options. NewRanker
// computes the network-wide data once (goal profiles and their inverted index, the power
// measures behind the flags, component sizes); each ranking then costs time proportional
// to the focal actor's two-step neighbourhood and the actors sharing a goal with it, plus
// a search of its paths for the gatekeeper flag that usually stops after about half of
// its component (see gate.go). A Ranker is safe for concurrent use by any number of
// goroutines; each borrows its own scratch space.
type Ranker struct {
	n    *graph.Network
	o    Options
	w    [5]float64 // weights divided by their sum, in Weights field order
	prof *score.Profiles
	pow  *score.Power

	excluded []bool // by actor index; nil when Options.ExcludeIDs is empty
	sectorOK []bool // by actor index; nil when Options.Sectors is empty

	// Inverted index of the informative interest tags (see relatedIndex): the tags of
	// actor i are tagOf[tagOff[i]:tagOff[i+1]], the holders of tag t are
	// holder[holderOff[t]:holderOff[t+1]].
	tagOff, tagOf     []int32
	holderOff, holder []int32
	gatekeeping       bool    // the gatekeeper flag can fire (threshold <= 1)
	gateTheta         float64 // the gatekeeper threshold score.Power applies
	compSize          []int32 // size of each actor's component in the Score layer (gatekeeping only)

	workers sync.Pool // of *worker
}

// NewRanker validates o and prepares a Ranker for n. It returns an *UnknownIDError when
// o.ExcludeIDs names an actor that is not in n.
func NewRanker(n *graph.Network, o Options) (*Ranker, error) {
	if n == nil {
		return nil, errors.New("discovery: nil network")
	}
	if err := o.Validate(); err != nil {
		return nil, err
	}
	o = o.withDefaults()
	r := &Ranker{n: n, o: o}
	ws := o.Weights.slice()
	sum := 0.0
	for _, x := range ws {
		sum += x
	}
	for k, x := range ws {
		r.w[k] = x / sum
	}
	if len(o.ExcludeIDs) > 0 {
		r.excluded = make([]bool, n.Len())
		for _, id := range o.ExcludeIDs {
			i, ok := n.Index(id)
			if !ok {
				return nil, unknown(n, id)
			}
			r.excluded[i] = true
		}
	}
	if len(o.Sectors) > 0 {
		want := make(map[string]bool, len(o.Sectors))
		for _, s := range o.Sectors {
			want[graph.NormalizeTag(s)] = true
		}
		r.sectorOK = make([]bool, n.Len())
		for i := range r.sectorOK {
			r.sectorOK[i] = want[graph.NormalizeTag(n.Actor(i).Sector)]
		}
	}
	r.prof = score.NewProfiles(n, o.Interests)
	r.relatedIndex()
	r.gateTheta = o.Thresholds.Gatekeeper
	if r.gateTheta == 0 { // as score.Power: a zero threshold means the default
		r.gateTheta = score.DefaultThresholds().Gatekeeper
	}
	r.gatekeeping = r.gateTheta <= 1
	if r.gatekeeping {
		r.compSize = components(n, o.Score.Layer)
	}
	pow, err := score.NewPower(n, o.Score, o.Thresholds)
	if err != nil {
		return nil, err
	}
	r.pow = pow
	w, err := r.newWorker() // checks the link configuration once
	if err != nil {
		return nil, err
	}
	r.workers.New = func() any {
		w, err := r.newWorker()
		if err != nil {
			panic("discovery: " + err.Error()) // unreachable: the same call succeeded above
		}
		return w
	}
	r.workers.Put(w)
	return r, nil
}

// relatedIndex builds the inverted index behind the goal-sharing candidates: the same
// relation as score.Profiles.Related (actors sharing an interest tag that not every actor
// with interests holds, i.e. a tag with IDF > 0), but one a worker can walk with its
// marks in time proportional to the holders, without Related's sort.
func (r *Ranker) relatedIndex() {
	N := r.n.Len()
	ids := map[string]int32{}
	r.tagOff = make([]int32, N+1)
	var df []int32
	withAny := 0
	for i := range N {
		g := r.prof.Goals(i)
		if len(g) > 0 {
			withAny++
		}
		for _, t := range g {
			k, ok := ids[t]
			if !ok {
				k = int32(len(df))
				ids[t] = k
				df = append(df, 0)
			}
			df[k]++
			r.tagOf = append(r.tagOf, k)
		}
		r.tagOff[i+1] = int32(len(r.tagOf))
	}
	// Keep the informative tags only: idf = ln((N'+1)/(df+1)) > 0 exactly when df < N',
	// N' the number of actors with any interest (score.Profiles).
	keep := r.tagOf[:0]
	lo := int32(0)
	for i := range N {
		hi := r.tagOff[i+1]
		for _, k := range r.tagOf[lo:hi] {
			if int(df[k]) < withAny {
				keep = append(keep, k)
			}
		}
		lo = hi
		r.tagOff[i+1] = int32(len(keep))
	}
	r.tagOf = keep
	r.holderOff = make([]int32, len(df)+1)
	for _, k := range r.tagOf {
		r.holderOff[k+1]++
	}
	for k := range df {
		r.holderOff[k+1] += r.holderOff[k]
	}
	r.holder = make([]int32, len(r.tagOf))
	fill := slices.Clone(r.holderOff[:len(df)])
	for i := range N {
		for _, k := range r.tagOf[r.tagOff[i]:r.tagOff[i+1]] {
			r.holder[fill[k]] = int32(i)
			fill[k]++
		}
	}
}

// Network returns the network r ranks on.
func (r *Ranker) Network() *graph.Network { return r.n }

// Options returns r's options with defaults filled in.
func (r *Ranker) Options() Options { return r.o }

// Profiles returns the goal profiles r uses.
func (r *Ranker) Profiles() *score.Profiles { return r.prof }

// Rank returns the top candidate partners of the actor with ID focal, best first, under the
// options of [NewRanker]. Candidates are the actors not tied to focal in the Exclude layer
// (existing partners), drawn from its friends of friends, its co-attendees and every actor
// sharing a goal with it, and kept by the Sectors, ExcludeIDs and MinGoal filters.
//
// Each candidate gets five components in [0, 1]:
//
//	goal            cosine of the IDF-weighted goal profiles (score.Profiles.Overlap)
//	proximity       s(f,c) / max_x s(f,x): the link-prediction score of Options.Proximity,
//	                divided by the focal's best score over every actor (tied or not); 0 when
//	                the focal has no nonzero score
//	trust           t/(1+t), t = max over mutual partners m of min(w(f,m), w(m,c)) in the
//	                Exclude layer: the strength of the best introduction path
//	complementarity score.Complementarity (capabilities and sector the focal lacks)
//	reach           new/(k_f + new): new = the candidate's partners who are neither the focal
//	                nor its partners, k_f = the focal's number of partners (Exclude layer);
//	                the share of the focal's enlarged neighbourhood the tie would bring
//
// None of them depends on which other candidates exist, so [Ranker.Components] gives the same
// numbers for any pair. The score is Σ w_k c_k / Σ w_k, rounded to a multiple of 1e-9; ties
// in score are broken by candidate ID. The slices of each Candidate are never nil.
// An unknown focal ID is an *UnknownIDError.
func (r *Ranker) Rank(focal string) ([]Candidate, error) {
	f, ok := r.n.Index(focal)
	if !ok {
		return nil, unknown(r.n, focal)
	}
	w := r.workers.Get().(*worker)
	defer r.workers.Put(w)
	return w.rank(f), nil
}

// Rank ranks the candidate partners of focal in n under o; see [Ranker.Rank]. To rank more
// than one focal actor on the same network, use a [Ranker].
func Rank(n *graph.Network, focal string, o Options) ([]Candidate, error) {
	r, err := NewRanker(n, o)
	if err != nil {
		return nil, err
	}
	return r.Rank(focal)
}

// Components returns the components of the pair (focal, cand), given as actor indices, by
// the code the ranking uses, whether or not cand would be a candidate (it may already be
// tied to focal, or filtered out). It is meant for evaluation: consecutive calls with the
// same focal reuse its neighbourhood. It panics if an index is out of range.
func (r *Ranker) Components(focal, cand int) Components {
	if focal < 0 || focal >= r.n.Len() || cand < 0 || cand >= r.n.Len() {
		panic("discovery: actor index out of range")
	}
	w := r.workers.Get().(*worker)
	defer r.workers.Put(w)
	w.setFocal(focal)
	return w.components(cand)
}

// Total returns the weighted score of c under r's weights, rounded as in the ranking.
func (r *Ranker) Total(c Components) float64 {
	return round(r.w[0]*c.Goal + r.w[1]*c.Proximity + r.w[2]*c.Trust + r.w[3]*c.Complementarity + r.w[4]*c.Reach)
}

// scored is a candidate during selection.
type scored struct {
	c    int32
	s    float64
	comp Components
}

// better orders scored candidates: higher score first, then lower index (= ID order).
func better(a, b scored) int {
	return cmp.Or(cmp.Compare(b.s, a.s), cmp.Compare(a.c, b.c))
}

// rank ranks the candidates of f.
func (w *worker) rank(f int) []Candidate {
	r := w.r
	w.setFocal(f)
	pool := w.candidates()
	top := w.top[:0]
	k := r.o.Top
	for _, c := range pool {
		ci := int(c)
		if !r.eligible(ci) {
			continue
		}
		full := k >= 0 && len(top) == k
		var comp Components
		if w.fof[c] == w.epoch {
			comp = w.partial(ci)
		} else {
			if full {
				// A stranger's trust is 0 and its proximity and reach cost O(1): skip it
				// if even goal overlap and complementarity 1 cannot lift it above the
				// worst kept candidate (see the bound below).
				hi := w.stranger0(ci)
				hi.Goal, hi.Complementarity = 1, 1
				if better(scored{c: c, s: r.Total(hi)}, top[0]) >= 0 {
					continue
				}
			}
			comp = w.stranger(ci)
		}
		if comp.Goal < r.o.MinGoal {
			continue
		}
		if full {
			// Skip c if even complementarity 1 cannot lift it above the worst kept
			// candidate. Floating-point + and * are monotone, so Total with 1 bounds
			// Total with the true value.
			hi := comp
			hi.Complementarity = 1
			if better(scored{c: c, s: r.Total(hi)}, top[0]) >= 0 {
				continue
			}
		}
		comp.Complementarity = w.complementarity(ci)
		s := scored{c: c, s: r.Total(comp), comp: comp}
		if !full {
			top = append(top, s)
			if k > 0 && len(top) == k {
				heapify(top)
			}
			continue
		}
		if better(s, top[0]) < 0 { // s beats the worst kept candidate
			top[0] = s
			siftDown(top, 0)
		}
	}
	slices.SortStableFunc(top, better)
	w.loadGates(top)
	out := make([]Candidate, len(top))
	for i, s := range top {
		out[i] = w.explain(s)
		out[i].Rank = i + 1
	}
	w.top = top[:0]
	return out
}

// The kept candidates form a heap with the worst candidate at the root.

func heapify(h []scored) {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
}

func siftDown(h []scored, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		worst := l
		if r := l + 1; r < len(h) && better(h[r], h[l]) > 0 {
			worst = r
		}
		if better(h[worst], h[i]) <= 0 {
			return
		}
		h[i], h[worst] = h[worst], h[i]
		i = worst
	}
}
