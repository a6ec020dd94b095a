package discovery

import (
	"errors"
	"slices"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// A Change is one group figure at both dates of a review.
type Change struct {
	Then float64 `json:"then"`
	Now  float64 `json:"now"`
}

// IsolatedMembers are, at each date, the members of a group with no tie to any other member,
// sorted by ID. A member not yet in the network on a side counts as isolated there.
type IsolatedMembers struct {
	Then []string `json:"then"`
	Now  []string `json:"now"`
}

// A GroupReview says how the ties within a partnership or coalition changed between two
// dates, on the partner layer (ReviewConfig.Rank.Exclude). With k members and t ties among
// them on a side:
//
//	density            t / (k(k-1)/2)
//	cross_sector_share share of the t ties whose two members both have a sector and the
//	                   sectors differ (after graph.NormalizeTag); 0 when t = 0
//	gini_pagerank      score.Gini of the members' PageRank on the side (0 for a member not
//	                   in the network there)
//	top_share          max_i PR_i / Σ_i PR_i; 0 when the sum is 0
//	centralization     Freeman's degree centralisation of the members' own subgraph,
//	                   Σ_i (d_max - d_i) / ((k-1)(k-2)), d_i = ties of i to other members;
//	                   0 for k < 3 (as score.Power.Group)
type GroupReview struct {
	Group            []string        `json:"group"` // member IDs in the order given, duplicates removed
	Then             string          `json:"then"`  // YYYY-MM-DD
	Now              string          `json:"now"`   // YYYY-MM-DD
	Density          Change          `json:"density"`
	CrossSectorShare Change          `json:"cross_sector_share"`
	GiniPageRank     Change          `json:"gini_pagerank"`
	TopShare         Change          `json:"top_share"`
	Centralization   Change          `json:"centralization"`
	Isolated         IsolatedMembers `json:"isolated"`
}

// ReviewGroup reviews the group of actors members in d; see [Reviewer.Group].
func ReviewGroup(d *graph.Dataset, members []string, c ReviewConfig) (*GroupReview, error) {
	r, err := NewReviewer(d, c)
	if err != nil {
		return nil, err
	}
	return r.Group(members)
}

// Group compares the ties within the group of actors members at the two dates (see
// [GroupReview] for the figures). Duplicate IDs count once. A group needs at least two
// distinct members; an ID in neither side's network is an *UnknownIDError.
func (r *Reviewer) Group(members []string) (*GroupReview, error) {
	var ids []string
	for _, m := range members {
		if !slices.Contains(ids, m) {
			ids = append(ids, m)
		}
	}
	switch len(ids) {
	case 0:
		return nil, errors.New("discovery: empty group")
	case 1:
		return nil, errors.New("discovery: a group needs at least two distinct members")
	}
	for _, id := range ids {
		if err := r.known(id); err != nil {
			return nil, err
		}
	}
	g := &GroupReview{Group: ids, Then: day(r.cfg.Then), Now: day(r.cfg.Now)}
	t, err := r.then.group(r.layer, ids)
	if err != nil {
		return nil, err
	}
	n, err := r.now.group(r.layer, ids)
	if err != nil {
		return nil, err
	}
	g.Density = Change{t.density, n.density}
	g.CrossSectorShare = Change{t.cross, n.cross}
	g.GiniPageRank = Change{t.gini, n.gini}
	g.TopShare = Change{t.top, n.top}
	g.Centralization = Change{t.central, n.central}
	g.Isolated = IsolatedMembers{t.isolated, n.isolated}
	return g, nil
}

type groupSide struct {
	density, cross, gini, top, central float64
	isolated                           []string
}

func (s *side) group(l graph.Layer, ids []string) (groupSide, error) {
	k := len(ids)
	idx := make([]int, k) // -1: not in the network on this side
	for a, id := range ids {
		idx[a] = -1
		if i, ok := s.n.Index(id); ok {
			idx[a] = i
		}
	}
	deg := make([]int, k)
	ties, cross := 0, 0
	for a := range k {
		for b := a + 1; b < k; b++ {
			if idx[a] < 0 || idx[b] < 0 || s.n.Weight(l, idx[a], idx[b]) == 0 {
				continue
			}
			ties++
			deg[a]++
			deg[b]++
			sa := graph.NormalizeTag(s.n.Actor(idx[a]).Sector)
			sb := graph.NormalizeTag(s.n.Actor(idx[b]).Sector)
			if sa != "" && sb != "" && sa != sb {
				cross++
			}
		}
	}
	var g groupSide
	g.density = float64(ties) / float64(k*(k-1)/2)
	if ties > 0 {
		g.cross = float64(cross) / float64(ties)
	}
	if k >= 3 {
		dmax := slices.Max(deg)
		sum := 0
		for _, d := range deg {
			sum += dmax - d
		}
		g.central = float64(sum) / float64((k-1)*(k-2))
	}
	g.isolated = []string{}
	for a, d := range deg {
		if d == 0 {
			g.isolated = append(g.isolated, ids[a])
		}
	}
	slices.Sort(g.isolated)

	pr, err := s.pagerank()
	if err != nil {
		return g, err
	}
	xs := make([]float64, k)
	total, top := 0.0, 0.0
	for a, i := range idx {
		if i >= 0 {
			xs[a] = pr[i]
		}
		total += xs[a]
		top = max(top, xs[a])
	}
	g.gini = score.Gini(xs)
	if total > 0 {
		g.top = top / total
	}
	return g, nil
}
