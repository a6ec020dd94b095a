package score

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/partnerscout/partnerscout/graph"
)

// Thresholds set when a power asymmetry becomes a [Flag]. A zero field means its default
// (see [DefaultThresholds]); +Inf switches a flag off.
//
// Severity grows with how far the value passes its threshold T:
//
//   - ratios (Dominance, Resource): low from T, medium from 2T, high from 4T;
//   - shares in [0, 1] (Dependence, Gatekeeper, CompetitorOverlap, Gini, TopShare,
//     Centralization): the span from T to 1 is cut in thirds, low from T, medium from
//     T + (1-T)/3, high from T + 2(1-T)/3.
type Thresholds struct {
	// Dominance is the PageRank ratio from which one side structurally dominates the other.
	// Default 3: in sparse networks most actors' PageRank lies within a factor of about 2
	// of each other (it follows degree), so 3x marks a real difference in position; 6x
	// (medium) and 12x (high) separate a hub from the periphery.
	Dominance float64
	// Resource is the capacity ratio (budget, staff, ...) from which resources are
	// asymmetric. Default 5: below that, partners negotiate as rough peers; at 5x one side
	// can absorb the other's whole budget, at 20x (high) it can dictate terms.
	Resource float64
	// Dependence is the gap c_ab - c_ba in Burt's dyadic constraint (each in [0, 1]) from
	// which a depends on b. Default 0.25: the constraint of a contact holding half of a's
	// ties is at least 0.5² = 0.25, so the gap says that b holds a large part of a's network
	// while a means little to b. Medium from 0.5, high from 0.75 (an actor whose only tie
	// is a hub has a gap near 1).
	Dependence float64
	// Gatekeeper is the share of a's shortest paths to the rest of the network that pass
	// through b from which b is a's gatekeeper. Default 0.5: b controls the majority of a's
	// access; medium from 2/3, high from 5/6 (1 when b is a's only way in).
	Gatekeeper float64
	// CompetitorOverlap is the goal overlap from which two actors in the same sector are
	// possible competitors. Default 0.5: they pursue mostly the same goals.
	CompetitorOverlap float64
	// CompetitorComplementarity is the complementarity at or below which such a pair is
	// flagged. Default 0.2: they bring each other little (at most about a quarter of new
	// capabilities). A zero value means the default; use a tiny positive value for "none".
	CompetitorComplementarity float64
	// Gini is the Gini coefficient (of PageRank, or of capacity) from which a group's power is
	// concentrated. Default 0.4, the line commonly used to call income inequality high.
	Gini float64
	// TopShare is the share of a group's total PageRank held by its top member from which the
	// group is concentrated (groups of 3 or more). Default 0.5: one member holds as much
	// centrality as all the others together.
	TopShare float64
	// Centralization is Freeman's degree centralisation of the group's ties (0 for a group
	// where everyone has the same number of ties, 1 for a star) from which the group is
	// concentrated. Default 0.5, halfway to a star.
	Centralization float64
}

// DefaultThresholds returns the default thresholds; the reasons are given with each field of
// [Thresholds].
func DefaultThresholds() Thresholds {
	return Thresholds{
		Dominance:                 3,
		Resource:                  5,
		Dependence:                0.25,
		Gatekeeper:                0.5,
		CompetitorOverlap:         0.5,
		CompetitorComplementarity: 0.2,
		Gini:                      0.4,
		TopShare:                  0.5,
		Centralization:            0.5,
	}
}

// Validate reports thresholds out of range: NaN or negative values, ratios (Dominance,
// Resource) that are not 0 or above 1, and shares above 1 that are not +Inf.
func (t Thresholds) Validate() error {
	check := func(name string, v float64, ratio bool) error {
		switch {
		case math.IsNaN(v) || v < 0:
			return fmt.Errorf("score: %s threshold %v must be >= 0", name, v)
		case math.IsInf(v, 1) || v == 0:
			return nil
		case ratio && v <= 1:
			return fmt.Errorf("score: %s ratio threshold %v must be above 1", name, v)
		case !ratio && v > 1:
			return fmt.Errorf("score: %s threshold %v is above 1", name, v)
		}
		return nil
	}
	for _, x := range []struct {
		name  string
		v     float64
		ratio bool
	}{
		{"dominance", t.Dominance, true},
		{"resource", t.Resource, true},
		{"dependence", t.Dependence, false},
		{"gatekeeper", t.Gatekeeper, false},
		{"competitor overlap", t.CompetitorOverlap, false},
		{"competitor complementarity", t.CompetitorComplementarity, false},
		{"gini", t.Gini, false},
		{"top share", t.TopShare, false},
		{"centralization", t.Centralization, false},
	} {
		if err := check(x.name, x.v, x.ratio); err != nil {
			return err
		}
	}
	return nil
}

// withDefaults fills zero fields with the defaults.
func (t Thresholds) withDefaults() Thresholds {
	d := DefaultThresholds()
	fill := func(v *float64, def float64) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&t.Dominance, d.Dominance)
	fill(&t.Resource, d.Resource)
	fill(&t.Dependence, d.Dependence)
	fill(&t.Gatekeeper, d.Gatekeeper)
	fill(&t.CompetitorOverlap, d.CompetitorOverlap)
	fill(&t.CompetitorComplementarity, d.CompetitorComplementarity)
	fill(&t.Gini, d.Gini)
	fill(&t.TopShare, d.TopShare)
	fill(&t.Centralization, d.Centralization)
	return t
}

// ratioSeverity grades a ratio v >= t: low, medium from 2t, high from 4t.
func ratioSeverity(v, t float64) string {
	switch {
	case v >= 4*t:
		return High
	case v >= 2*t:
		return Medium
	}
	return Low
}

// shareSeverity grades a share v in [t, 1]: the span from t to 1 is cut in thirds.
func shareSeverity(v, t float64) string {
	step := (1 - t) / 3
	switch {
	case v >= t+2*step:
		return High
	case v >= t+step:
		return Medium
	}
	return Low
}

// Power holds what the power flags of one network need: PageRank (computed once),
// capacities and the network itself. It is safe for concurrent use.
type Power struct {
	n    *graph.Network
	c    Config
	t    Thresholds
	pr   []float64
	pool sync.Pool // *gateScratch
}

// NewPower computes PageRank on n with c (layer, weights, damping; see [PageRank]) and
// returns a Power that flags asymmetries with thresholds t (zero fields mean the defaults).
// It returns an error if c or t is invalid or PageRank does not converge.
func NewPower(n *graph.Network, c Config, t Thresholds) (*Power, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if err := t.Validate(); err != nil {
		return nil, err
	}
	pr, err := PageRank(n, c)
	if err != nil {
		return nil, err
	}
	return &Power{n: n, c: c, t: t.withDefaults(), pr: pr}, nil
}

// PageRank returns the PageRank of actor i that the flags use.
func (p *Power) PageRank(i int) float64 { return p.pr[i] }

// displayName returns the actor's display name: its Name, else its ID.
func displayName(n *graph.Network, i int) string {
	if a := n.Actor(i); a.Name != "" {
		return a.Name
	}
	return n.ID(i)
}

// Pair returns the power asymmetries between actors a and b, in this order:
//
//   - structural_dominance: PageRank ratio max/min >= Dominance; Advantage = the more
//     central actor;
//   - resource_asymmetry: capacity ratio >= Resource, only when both have a capacity;
//     Advantage = the larger. When the smaller capacity is 0 the Value is
//     math.MaxFloat64 (an infinite ratio, kept finite for JSON) and the severity high;
//   - dependence: c_ab - c_ba >= Dependence, with c the dyadic constraint
//     ([DyadicConstraint]): a's network is concentrated on b, b's is not on a, so a
//     depends on b and Advantage = b (or the other way round);
//   - gatekeeper: Gatekeeping(a, b) >= Gatekeeper, Advantage = b; then the same for b's
//     paths through a.
//
// It returns nil when there is nothing to flag or a == b. It takes O(deg(a) + deg(b))
// time plus two breadth-first searches.
func (p *Power) Pair(a, b int) []Flag {
	if a == b {
		return nil
	}
	return p.pair(a, b, p.Gatekeeping(a, b), p.Gatekeeping(b, a))
}

// PairFrom is [Power.Pair] for one actor a against many: gate holds a's gatekeeping shares
// from [Power.GatekeepingFrom](a), so each call costs only O(deg(a) + deg(b)). It checks
// whether b gatekeeps a's access to the network, and leaves out the reverse direction (a
// gatekeeping b), which would need a breadth-first search from every b.
func (p *Power) PairFrom(a, b int, gate []float64) []Flag {
	if a == b {
		return nil
	}
	return p.pair(a, b, gate[b], -1)
}

// pair builds the flags of a and b given the gatekeeping shares g(a, b) and g(b, a); a
// negative share is not checked.
func (p *Power) pair(a, b int, gab, gba float64) []Flag {
	n, t := p.n, p.t
	var out []Flag
	// Structural dominance.
	hi, lo := a, b
	if p.pr[b] > p.pr[a] || (p.pr[b] == p.pr[a] && b < a) {
		hi, lo = b, a
	}
	if p.pr[lo] > 0 {
		if r := p.pr[hi] / p.pr[lo]; r >= t.Dominance {
			out = append(out, Flag{
				Kind: StructuralDominance, Severity: ratioSeverity(r, t.Dominance), Value: r,
				Threshold: t.Dominance, Advantage: n.ID(hi),
				Detail: fmt.Sprintf("%s has %.1fx the network centrality (PageRank) of %s",
					displayName(n, hi), r, displayName(n, lo)),
			})
		}
	}
	// Resource asymmetry.
	if f, ok := p.resource(a, b); ok {
		out = append(out, f)
	}
	// Dependence.
	cab := DyadicConstraint(n, p.c, a, b)
	cba := DyadicConstraint(n, p.c, b, a)
	for _, d := range [2]struct {
		x, y     int
		cxy, cyx float64
	}{{a, b, cab, cba}, {b, a, cba, cab}} {
		if gap := d.cxy - d.cyx; gap >= t.Dependence {
			out = append(out, Flag{
				Kind: Dependence, Severity: shareSeverity(gap, t.Dependence), Value: gap,
				Threshold: t.Dependence, Advantage: n.ID(d.y),
				Detail: fmt.Sprintf("%s depends on %s: %s's ties are concentrated on %s (dyadic constraint %.2f), not the other way round (%.2f)",
					displayName(n, d.x), displayName(n, d.y), displayName(n, d.x), displayName(n, d.y), d.cxy, d.cyx),
			})
		}
	}
	// Gatekeeping, both ways.
	for _, d := range [2]struct {
		x, y int
		g    float64
	}{{a, b, gab}, {b, a, gba}} {
		if g := d.g; g >= 0 && g >= t.Gatekeeper {
			out = append(out, Flag{
				Kind: Gatekeeper, Severity: shareSeverity(g, t.Gatekeeper), Value: g,
				Threshold: t.Gatekeeper, Advantage: n.ID(d.y),
				Detail: fmt.Sprintf("%s lies on %.0f%% of %s's shortest paths to the rest of the network",
					displayName(n, d.y), 100*g, displayName(n, d.x)),
			})
		}
	}
	return out
}

// resource returns the resource_asymmetry flag of a and b, if any.
func (p *Power) resource(a, b int) (Flag, bool) {
	n, t := p.n, p.t
	A, B := n.Actor(a), n.Actor(b)
	if !A.HasCapacity || !B.HasCapacity {
		return Flag{}, false
	}
	hi, lo := a, b
	if B.Capacity > A.Capacity || (B.Capacity == A.Capacity && b < a) {
		hi, lo = b, a
	}
	ch, cl := n.Actor(hi).Capacity, n.Actor(lo).Capacity
	if ch <= 0 {
		return Flag{}, false
	}
	var r float64
	var detail string
	if cl <= 0 {
		r = math.MaxFloat64
		detail = fmt.Sprintf("%s has capacity %g, %s has none", displayName(n, hi), ch, displayName(n, lo))
	} else {
		r = ch / cl
		detail = fmt.Sprintf("%s has %.1fx the capacity of %s (%g vs %g)", displayName(n, hi), r, displayName(n, lo), ch, cl)
	}
	if r < t.Resource {
		return Flag{}, false
	}
	return Flag{
		Kind: ResourceAsymmetry, Severity: ratioSeverity(r, t.Resource), Value: r,
		Threshold: t.Resource, Advantage: n.ID(hi), Detail: detail,
	}, true
}

// gateScratch is the reusable state of one breadth-first search.
type gateScratch struct {
	dist  []int32 // -1 = not reached
	sigma []float64
	delta []float64
	queue []int32
}

// Gatekeeping returns the share of a's shortest paths to the other actors it can reach
// that run through b: Brandes' (2001) single-source dependency of a on b, over the number
// of actors a reaches other than b,
//
//	g(a, b) = δ_a(b) / (R_a - 1),   δ_a(b) = Σ_{t ≠ a, b} σ_at(b) / σ_at
//
// where σ_at counts the shortest paths from a to t, σ_at(b) those through b, and R_a is the
// number of actors reachable from a. Paths are counted with their multiplicity: if half of
// a's shortest paths to t pass through b, t adds 1/2. The value is in [0, 1]: 1 when every
// path out of a runs through b (b is a's only way into the network), 0 when b is not
// reachable or a == b. Paths are unweighted (hops) in layer c.Layer, whatever c.Weighted.
// It takes one breadth-first search, O(n + m) time, with pooled scratch memory.
func (p *Power) Gatekeeping(a, b int) float64 {
	if a == b {
		return 0
	}
	s := p.scratch()
	defer p.release(s)
	q := p.paths(s, a)
	if s.dist[b] <= 0 || len(q) <= 2 {
		return 0
	}
	// Only actors farther from a than b can contribute to δ_a(b).
	p.depend(s, q, s.dist[b])
	return min(s.delta[b]/float64(len(q)-2), 1)
}

// GatekeepingFrom returns [Power.Gatekeeping](a, b) for every actor b (0 for a itself and
// for actors a cannot reach) from one breadth-first search with full dependency
// accumulation. out is reused when it has room for Len() values.
func (p *Power) GatekeepingFrom(a int, out []float64) []float64 {
	N := p.n.Len()
	if cap(out) < N {
		out = make([]float64, N)
	}
	out = out[:N]
	clear(out)
	s := p.scratch()
	defer p.release(s)
	q := p.paths(s, a)
	if len(q) > 2 {
		p.depend(s, q, 0)
		for _, b := range q[1:] {
			out[b] = min(s.delta[b]/float64(len(q)-2), 1)
		}
	}
	return out
}

// scratch takes search state from the pool; release resets the touched entries and returns it.
func (p *Power) scratch() *gateScratch {
	if s, ok := p.pool.Get().(*gateScratch); ok {
		return s
	}
	N := p.n.Len()
	s := &gateScratch{dist: make([]int32, N), sigma: make([]float64, N), delta: make([]float64, N)}
	for i := range s.dist {
		s.dist[i] = -1
	}
	return s
}

func (p *Power) release(s *gateScratch) {
	for _, v := range s.queue {
		s.dist[v], s.sigma[v], s.delta[v] = -1, 0, 0
	}
	p.pool.Put(s)
}

// paths is the forward pass of Brandes' (2001) algorithm from a on the power layer: hop
// distances and shortest-path counts; it returns the reached actors in search order.
func (p *Power) paths(s *gateScratch, a int) []int32 {
	l := p.c.Layer
	q := append(s.queue[:0], int32(a))
	s.dist[a], s.sigma[a] = 0, 1
	for h := 0; h < len(q); h++ {
		v := q[h]
		dv := s.dist[v]
		nb, _ := p.n.Neighbors(l, int(v))
		for _, w := range nb {
			if s.dist[w] < 0 {
				s.dist[w] = dv + 1
				q = append(q, w)
			}
			if s.dist[w] == dv+1 {
				s.sigma[w] += s.sigma[v]
			}
		}
	}
	s.queue = q
	return q
}

// depend is the backward pass: it accumulates dependencies δ over the actors of q farther
// than level stop, in reverse search order.
func (p *Power) depend(s *gateScratch, q []int32, stop int32) {
	l := p.c.Layer
	for k := len(q) - 1; k > 0; k-- {
		w := q[k]
		if s.dist[w] <= stop {
			break
		}
		coef := (1 + s.delta[w]) / s.sigma[w]
		nb, _ := p.n.Neighbors(l, int(w))
		for _, v := range nb {
			if s.dist[v] == s.dist[w]-1 {
				s.delta[v] += s.sigma[v] * coef
			}
		}
	}
}

// CompetitorFlag returns a competitor flag when actors a and b may compete rather than
// complement each other: their goal overlap (e.g. [Profiles.Overlap]) is at least
// t.CompetitorOverlap, both have a known and equal sector (after [graph.NormalizeTag]) and
// their complementarity (e.g. [Complementarity]) is at most t.CompetitorComplementarity.
// Zero fields of t mean the defaults. The severity grades the overlap; Advantage is empty
// (neither side holds it).
func CompetitorFlag(n *graph.Network, a, b int, overlap, complementarity float64, t Thresholds) (Flag, bool) {
	t = t.withDefaults()
	if a == b || !(overlap >= t.CompetitorOverlap) || !(complementarity <= t.CompetitorComplementarity) {
		return Flag{}, false
	}
	sa, sb := graph.NormalizeTag(n.Actor(a).Sector), graph.NormalizeTag(n.Actor(b).Sector)
	if sa == "" || sa != sb {
		return Flag{}, false
	}
	return Flag{
		Kind: Competitor, Severity: shareSeverity(min(overlap, 1), t.CompetitorOverlap), Value: overlap,
		Threshold: t.CompetitorOverlap,
		Detail: fmt.Sprintf("%s and %s pursue similar goals (overlap %.2f) in the same sector (%s) and bring each other little (complementarity %.2f)",
			displayName(n, a), displayName(n, b), overlap, sa, complementarity),
	}, true
}

// GroupPower describes how power is spread within a group of actors.
type GroupPower struct {
	Members        []string `json:"members"`        // actor IDs, in the order given, duplicates removed
	GiniPageRank   float64  `json:"gini_pagerank"`  // Gini of the members' PageRank
	GiniCapacity   float64  `json:"gini_capacity"`  // Gini of the capacity of members that have one
	TopShare       float64  `json:"top_share"`      // top member's share of the group's PageRank
	Centralization float64  `json:"centralization"` // Freeman degree centralisation of the group's ties
	Flags          []Flag   `json:"flags"`          // concentrated_power flags, in the field order above
}

// Group measures how concentrated power is within a group (say, a proposed coalition):
//
//	GiniPageRank   = Gini of the members' PageRank (see [Gini])
//	GiniCapacity   = Gini of the capacities of the members that have one
//	TopShare       = max_i PR_i / Σ_i PR_i
//	Centralization = Σ_i (d_max - d_i) / ((k-1)(k-2))      (Freeman 1979; 0 for k < 3)
//
// where d_i is member i's number of ties to other members in layer c.Layer (the induced
// subgraph) and k the group size. Each of these at or above its threshold (Gini, Gini,
// TopShare for groups of 3 or more, Centralization) adds a concentrated_power flag. The Gini
// flags have no Advantage; the top-share flag names the top member and the centralisation
// flag the member with the most ties (ties broken by index). Out-of-range indices panic.
func (p *Power) Group(members []int) GroupPower {
	n, t := p.n, p.t
	var ms []int
	seen := make(map[int]bool, len(members))
	for _, i := range members {
		if !seen[i] {
			seen[i] = true
			ms = append(ms, i)
		}
	}
	k := len(ms)
	g := GroupPower{Members: make([]string, k)}
	prs := make([]float64, k)
	var caps []float64
	top, sum := -1, 0.0
	for x, i := range ms {
		g.Members[x] = n.ID(i)
		prs[x] = p.pr[i]
		sum += p.pr[i]
		if top < 0 || p.pr[i] > p.pr[top] || (p.pr[i] == p.pr[top] && i < top) {
			top = i
		}
		if a := n.Actor(i); a.HasCapacity {
			caps = append(caps, a.Capacity)
		}
	}
	g.GiniPageRank = Gini(prs)
	g.GiniCapacity = Gini(caps)
	if sum > 0 {
		g.TopShare = p.pr[top] / sum
	}
	hub := -1
	if k >= 3 {
		sorted := slices.Clone(ms)
		slices.Sort(sorted)
		deg := make([]int, k)
		dmax := 0
		for x, i := range ms {
			nb, _ := n.Neighbors(p.c.Layer, i)
			for _, j := range nb {
				if _, ok := slices.BinarySearch(sorted, int(j)); ok {
					deg[x]++
				}
			}
			if hub < 0 || deg[x] > dmax || (deg[x] == dmax && i < hub) {
				hub, dmax = i, deg[x]
			}
		}
		s := 0
		for _, d := range deg {
			s += dmax - d
		}
		g.Centralization = float64(s) / float64((k-1)*(k-2))
	}
	flag := func(v, th float64, adv, detail string) {
		g.Flags = append(g.Flags, Flag{Kind: ConcentratedPower, Severity: shareSeverity(v, th),
			Value: v, Threshold: th, Advantage: adv, Detail: detail})
	}
	if k >= 2 && g.GiniPageRank >= t.Gini {
		flag(g.GiniPageRank, t.Gini, "", fmt.Sprintf("network centrality (PageRank) is unevenly spread within the group (Gini %.2f)", g.GiniPageRank))
	}
	if len(caps) >= 2 && g.GiniCapacity >= t.Gini {
		flag(g.GiniCapacity, t.Gini, "", fmt.Sprintf("capacity is unevenly spread within the group (Gini %.2f)", g.GiniCapacity))
	}
	if k >= 3 && g.TopShare >= t.TopShare {
		flag(g.TopShare, t.TopShare, n.ID(top), fmt.Sprintf("%s holds %.0f%% of the group's network centrality (PageRank)", displayName(n, top), 100*g.TopShare))
	}
	if k >= 3 && g.Centralization >= t.Centralization {
		flag(g.Centralization, t.Centralization, n.ID(hub), fmt.Sprintf("the group's ties are centralised on %s (degree centralisation %.2f)", displayName(n, hub), g.Centralization))
	}
	return g
}

// Gini returns the Gini coefficient of xs, the mean absolute difference over twice the
// mean:
//
//	G = Σ_i Σ_j |x_i - x_j| / (2 k² mean) = Σ_i (2i - k + 1) x_(i) / (k Σ x)
//
// with x_(0) <= ... <= x_(k-1) sorted and k the number of values. It is 0 for perfect
// equality and (k-1)/k when one value holds everything. Values should be non-negative; NaN
// values are ignored. It is 0 for no values or a total that is not positive. xs is not
// modified.
func Gini(xs []float64) float64 {
	v := make([]float64, 0, len(xs))
	for _, x := range xs {
		if !math.IsNaN(x) {
			v = append(v, x)
		}
	}
	slices.Sort(v)
	k := len(v)
	sum, w := 0.0, 0.0
	for i, x := range v {
		sum += x
		w += float64(2*i-k+1) * x
	}
	if k == 0 || !(sum > 0) || math.IsInf(sum, 0) {
		return 0
	}
	return max(w/(float64(k)*sum), 0)
}
