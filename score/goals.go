package score

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/partnerscout/partnerscout/graph"
)

// DefaultEventTopicWeight is the default [InterestConfig].EventTopicWeight: one attended
// event on a topic counts half as much as declaring it a goal. Declared goals are what an
// actor says it wants; attendance is a noisier signal (people go to events for many
// reasons), so it counts, but less.
const DefaultEventTopicWeight = 0.5

// InterestConfig sets how an actor's interests are built from its declared goals and the
// topics of the events it attended. The zero value is the default.
type InterestConfig struct {
	// EventTopicWeight is the weight of attended events' topics relative to declared goals
	// (weight 1). 0 means DefaultEventTopicWeight; a negative value ignores events, so
	// only declared goals count. A topic seen at c events (c = the sum of the events' decay
	// factors, see graph.Network.EventWeight) gets EventTopicWeight·log2(1 + c): one event
	// gives the full weight, and each doubling of the count adds one more weight, so a
	// prolific attendee is not dominated by the topic of its most frequent event.
	EventTopicWeight float64
}

// Validate reports a NaN or infinite EventTopicWeight.
func (c InterestConfig) Validate() error {
	if math.IsNaN(c.EventTopicWeight) || math.IsInf(c.EventTopicWeight, 0) {
		return fmt.Errorf("score: event topic weight %v is not a finite number", c.EventTopicWeight)
	}
	return nil
}

// eventWeight resolves the default (0) and "ignore" (< 0) of EventTopicWeight.
func (c InterestConfig) eventWeight() float64 {
	switch {
	case c.EventTopicWeight == 0:
		return DefaultEventTopicWeight
	case c.EventTopicWeight < 0:
		return 0
	}
	return c.EventTopicWeight
}

// Profiles holds the interest vector of every actor and the topic vector of every event,
// weighted by inverse document frequency, for goal overlap. It is immutable once built and
// safe for concurrent use.
//
// An actor's interests are its declared goals, weight 1 each, plus the topics of the events
// it attended (see [InterestConfig]):
//
//	tf_i(t) = [t ∈ goals(i)] + EventTopicWeight · log2(1 + c_i(t))
//
// where c_i(t) is the number of attended events with topic t (each counted with its decay
// factor). An event's vector has tf = 1 for each of its topics. Every tag is weighted by
// its smoothed inverse document frequency
//
//	idf(t) = ln((N + 1) / (df(t) + 1))
//
// with N the number of actors that have any interest tag and df(t) the number of those
// that have t. A tag every actor has gets weight 0 (it tells nothing apart), a tag no actor
// has (an unattended event's topic) gets ln(N+1), and nothing is ever NaN. Tags are
// compared after [graph.NormalizeTag].
type Profiles struct {
	tags []string  // tag ID -> tag, in sorted order (so tag ID order is tag order)
	idf  []float64 // by tag ID

	// Actor vectors, CSR: tags aTag[aOff[i]:aOff[i+1]] in increasing ID order, with the raw
	// term weight aTF and the IDF-weighted value aW; aNorm is the Euclidean norm of aW.
	aOff  []int32
	aTag  []int32
	aTF   []float64
	aW    []float64
	aNorm []float64
	goals [][]int32 // declared goals (tag IDs) of each actor, in file order

	// Event vectors, CSR, like the actors'.
	eOff  []int32
	eTag  []int32
	eW    []float64
	eNorm []float64

	// Inverted index: actors holding tag t are inv[invOff[t]:invOff[t+1]], sorted.
	invOff []int32
	inv    []int32
}

// NewProfiles builds the interest vectors of every actor of n and the topic vectors of
// every event. Invalid settings in c (see [InterestConfig.Validate]) are treated as the
// default. It runs in time linear in the size of the goals, topics and attendance.
func NewProfiles(n *graph.Network, c InterestConfig) *Profiles {
	if c.Validate() != nil {
		c = InterestConfig{}
	}
	ew := c.eventWeight()
	p := &Profiles{}

	// Dictionary of every tag in goals and topics, with IDs in sorted tag order. Each tag
	// is normalised once into strs: the actors' goals at gOff, the events' topics at p.eOff.
	N, E := n.Len(), n.NumEvents()
	seen := map[string]int32{}
	var strs []string
	norm := func(s string) {
		if s = graph.NormalizeTag(s); s != "" {
			strs = append(strs, s)
			if _, ok := seen[s]; !ok {
				seen[s] = 0
			}
		}
	}
	gOff := make([]int32, N+1)
	for i := range N {
		for _, g := range n.Actor(i).Goals {
			norm(g)
		}
		gOff[i+1] = int32(len(strs))
	}
	p.eOff = make([]int32, E+1)
	p.eOff[0] = int32(len(strs))
	for e := range E {
		for _, t := range n.Event(e).Topics {
			norm(t)
		}
		p.eOff[e+1] = int32(len(strs))
	}
	p.tags = make([]string, 0, len(seen))
	for s := range seen {
		p.tags = append(p.tags, s)
	}
	slices.Sort(p.tags)
	for k, s := range p.tags {
		seen[s] = int32(k)
	}
	T := len(p.tags)
	ids := make([]int32, len(strs))
	for x, s := range strs {
		ids[x] = seen[s]
	}
	gTag := ids[:gOff[N]]

	// Event topic sets, CSR, sorted and deduplicated (p.eOff is rewritten in place).
	evIDs := ids[gOff[N]:]
	base := gOff[N]
	p.eTag = make([]int32, 0, len(evIDs))
	for e := range E {
		start := len(p.eTag)
		p.eTag = append(p.eTag, evIDs[p.eOff[e]-base:p.eOff[e+1]-base]...)
		seg := p.eTag[start:]
		slices.Sort(seg)
		p.eTag = p.eTag[:start+len(slices.Compact(seg))]
		p.eOff[e] = int32(start)
	}
	p.eOff[E] = int32(len(p.eTag))

	// Actor term weights.
	isGoal := make([]bool, T)
	count := make([]float64, T)
	var touched []int32
	p.aOff = make([]int32, N+1)
	p.goals = make([][]int32, N)
	df := make([]int32, T)
	withAny := 0
	for i := range N {
		touched = touched[:0]
		for _, k := range gTag[gOff[i]:gOff[i+1]] {
			if isGoal[k] {
				continue
			}
			isGoal[k] = true
			p.goals[i] = append(p.goals[i], k)
			touched = append(touched, k)
		}
		if ew > 0 {
			for _, e := range n.EventsOf(i) {
				w := n.EventWeight(int(e))
				for _, k := range p.eTag[p.eOff[e]:p.eOff[e+1]] {
					if !isGoal[k] && count[k] == 0 {
						touched = append(touched, k)
					}
					count[k] += w
				}
			}
		}
		slices.Sort(touched)
		touched = slices.Compact(touched)
		for _, k := range touched {
			tf := 0.0
			if isGoal[k] {
				tf = 1
			}
			if count[k] > 0 {
				tf += ew * math.Log2(1+count[k])
			}
			if tf > 0 {
				p.aTag = append(p.aTag, k)
				p.aTF = append(p.aTF, tf)
				df[k]++
			}
			isGoal[k], count[k] = false, 0
		}
		p.aOff[i+1] = int32(len(p.aTag))
		if p.aOff[i+1] > p.aOff[i] {
			withAny++
		}
	}

	// IDF, weighted vectors and norms.
	p.idf = make([]float64, T)
	for k := range T {
		p.idf[k] = math.Log(float64(withAny+1) / float64(df[k]+1))
	}
	p.aW = make([]float64, len(p.aTag))
	p.aNorm = make([]float64, N)
	for i := range N {
		s := 0.0
		for x := p.aOff[i]; x < p.aOff[i+1]; x++ {
			v := p.aTF[x] * p.idf[p.aTag[x]]
			p.aW[x] = v
			s += v * v
		}
		p.aNorm[i] = math.Sqrt(s)
	}
	p.eW = make([]float64, len(p.eTag))
	p.eNorm = make([]float64, E)
	for e := range E {
		s := 0.0
		for x := p.eOff[e]; x < p.eOff[e+1]; x++ {
			v := p.idf[p.eTag[x]]
			p.eW[x] = v
			s += v * v
		}
		p.eNorm[e] = math.Sqrt(s)
	}

	// Inverted index tag -> actors (actors come in increasing order, so lists are sorted).
	p.invOff = make([]int32, T+1)
	for k := range T {
		p.invOff[k+1] = p.invOff[k] + df[k]
	}
	p.inv = make([]int32, len(p.aTag))
	fill := slices.Clone(p.invOff[:T])
	for i := range N {
		for _, k := range p.aTag[p.aOff[i]:p.aOff[i+1]] {
			p.inv[fill[k]] = int32(i)
			fill[k]++
		}
	}
	return p
}

// cosine returns the cosine of two sparse vectors with sorted tags, clamped to [0, 1]; 0
// when either norm is 0.
func cosine(ta []int32, wa []float64, na float64, tb []int32, wb []float64, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	dot := 0.0
	for a, b := 0, 0; a < len(ta) && b < len(tb); {
		switch {
		case ta[a] < tb[b]:
			a++
		case ta[a] > tb[b]:
			b++
		default:
			dot += wa[a] * wb[b]
			a++
			b++
		}
	}
	return min(max(dot/(na*nb), 0), 1)
}

func (p *Profiles) actor(i int) ([]int32, []float64) {
	lo, hi := p.aOff[i], p.aOff[i+1]
	return p.aTag[lo:hi], p.aW[lo:hi]
}

// Overlap returns the goal overlap of actors i and j: the cosine of their IDF-weighted
// interest vectors,
//
//	overlap(i, j) = Σ_t v_i(t) v_j(t) / (‖v_i‖ ‖v_j‖),  v_i(t) = tf_i(t) · idf(t)
//
// in [0, 1]. It is 0 when either actor has no interest tag (or only tags every actor has).
// It takes O(|tags(i)| + |tags(j)|) time.
func (p *Profiles) Overlap(i, j int) float64 {
	ta, wa := p.actor(i)
	tb, wb := p.actor(j)
	return cosine(ta, wa, p.aNorm[i], tb, wb, p.aNorm[j])
}

// Jaccard returns the plain Jaccard similarity of i's and j's interest tag sets (no
// weights): |T_i ∩ T_j| / |T_i ∪ T_j|, 0 when both are empty.
func (p *Profiles) Jaccard(i, j int) float64 {
	ta, _ := p.actor(i)
	tb, _ := p.actor(j)
	common := 0
	for a, b := 0, 0; a < len(ta) && b < len(tb); {
		switch {
		case ta[a] < tb[b]:
			a++
		case ta[a] > tb[b]:
			b++
		default:
			common++
			a++
			b++
		}
	}
	union := len(ta) + len(tb) - common
	if union == 0 {
		return 0
	}
	return float64(common) / float64(union)
}

// Shared returns the interest tags i and j have in common, the most informative (highest
// IDF, i.e. rarest) first and ties in tag order. It returns nil when they share none.
func (p *Profiles) Shared(i, j int) []string {
	ta, _ := p.actor(i)
	tb, _ := p.actor(j)
	var ks []int32
	for a, b := 0, 0; a < len(ta) && b < len(tb); {
		switch {
		case ta[a] < tb[b]:
			a++
		case ta[a] > tb[b]:
			b++
		default:
			ks = append(ks, ta[a])
			a++
			b++
		}
	}
	p.byIDF(ks)
	return p.names(ks)
}

// byIDF sorts tag IDs by decreasing IDF, ties by tag (= tag ID order).
func (p *Profiles) byIDF(ks []int32) {
	slices.SortStableFunc(ks, func(a, b int32) int {
		if c := cmp.Compare(p.idf[b], p.idf[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
}

func (p *Profiles) names(ks []int32) []string {
	if len(ks) == 0 {
		return nil
	}
	out := make([]string, len(ks))
	for x, k := range ks {
		out[x] = p.tags[k]
	}
	return out
}

// EventOverlap returns the cosine between actor i's interest vector and event e's topic
// vector (both IDF-weighted as in [Profiles]), in [0, 1]; 0 when either has no tags.
func (p *Profiles) EventOverlap(i, e int) float64 {
	ta, wa := p.actor(i)
	lo, hi := p.eOff[e], p.eOff[e+1]
	return cosine(ta, wa, p.aNorm[i], p.eTag[lo:hi], p.eW[lo:hi], p.eNorm[e])
}

// Related returns the actors other than i that share at least one interest tag with i, in
// increasing index order, from an inverted index built once. Tags with IDF 0, which every
// actor with interests holds, are skipped: they would relate everybody to everybody and add
// nothing to [Profiles.Overlap]. The cost is the total number of holders of i's other tags,
// so an actor whose tags are all very common can relate to a large part of the network.
func (p *Profiles) Related(i int) []int32 {
	ta, _ := p.actor(i)
	var out []int32
	for _, k := range ta {
		if p.idf[k] <= 0 {
			continue
		}
		out = append(out, p.inv[p.invOff[k]:p.invOff[k+1]]...)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if k, ok := slices.BinarySearch(out, int32(i)); ok {
		out = slices.Delete(out, k, k+1)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Goals returns actor i's interest tags: its declared goals first, in file order, then the
// topics that come only from attended events, by decreasing weight and then tag. It returns
// nil when i has no interests.
func (p *Profiles) Goals(i int) []string {
	lo, hi := p.aOff[i], p.aOff[i+1]
	out := make([]string, 0, hi-lo)
	declared := p.goals[i]
	for _, k := range declared {
		out = append(out, p.tags[k])
	}
	type tw struct {
		k  int32
		tf float64
	}
	var rest []tw
	for x := lo; x < hi; x++ {
		if !slices.Contains(declared, p.aTag[x]) {
			rest = append(rest, tw{p.aTag[x], p.aTF[x]})
		}
	}
	slices.SortStableFunc(rest, func(a, b tw) int {
		if c := cmp.Compare(b.tf, a.tf); c != 0 {
			return c
		}
		return cmp.Compare(a.k, b.k)
	})
	for _, r := range rest {
		out = append(out, p.tags[r.k])
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
