package discovery

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// DiversityWeight is λ in the coalition objective coverage + λ·diversity (see
// [Ranker.Coalition]): covering all of the focal actor's goals counts twice as much as
// spanning as many sectors as the group has members.
const DiversityWeight = 0.5

// A CoalitionResult is a set of partners chosen for a focal actor, with how well it covers
// the focal actor's goals and how power is spread within it.
type CoalitionResult struct {
	Focal     string           `json:"focal"`
	Members   []string         `json:"members"`   // chosen partners, in the order chosen
	Coverage  float64          `json:"coverage"`  // share of the focal actor's goals covered, in [0, 1]
	Covered   []string         `json:"covered"`   // goals covered, in the focal actor's order
	Uncovered []string         `json:"uncovered"` // goals no member holds
	Sectors   []string         `json:"sectors"`   // distinct sectors of the group (focal actor included), sorted
	Power     score.GroupPower `json:"power"`     // of the group: focal actor first, then the members
	Why       string           `json:"why"`
}

// Coalition chooses up to k partners for the focal actor among its candidates (see
// [Ranker.Rank]; the same filters apply) that together cover its goals and span sectors,
// with power shared. It maximises greedily
//
//	F(S) = coverage(S) + λ · diversity(S)
//	coverage(S)  = |goals(f) ∩ ∪_{m∈S} goals(m)| / |goals(f)|
//	diversity(S) = |sectors(S ∪ {f})| / (k + 1)
//
// with λ = [DiversityWeight], subject to the Gini coefficient of PageRank within the group
// S ∪ {f} staying below Options.Thresholds.Gini (default 0.4). goals(i) are i's declared
// goals, or its interest tags (goals from attended events) when it declares none. At each
// step the candidate with the largest gain in F that keeps the group under the threshold
// joins; ties go to the higher ranking score, then to the lower ID.
//
// Guarantee: both coverage and diversity are coverage functions, so F is monotone and
// submodular, and without the power constraint the greedy choice of k members reaches at
// least (1 - 1/e) ≈ 63% of the best possible F (Nemhauser, Wolsey and Fisher 1978). The
// power constraint is not a matroid; when it binds (candidates are skipped) that bound no
// longer holds, and fewer than k members may be returned when no candidate keeps the group
// balanced. The cost is k passes over the candidates.
func (r *Ranker) Coalition(focal string, k int) (*CoalitionResult, error) {
	f, ok := r.n.Index(focal)
	if !ok {
		return nil, unknown(r.n, focal)
	}
	if k <= 0 {
		return nil, errors.New("discovery: coalition size must be at least 1")
	}
	n := r.n
	goals := r.goalsOf(f)
	pos := make(map[string]int, len(goals))
	for x, g := range goals {
		pos[g] = x
	}

	// Candidates with their goal masks, sectors and ranking scores.
	type cand struct {
		i      int
		mask   []bool
		sector string
		score  float64
	}
	w := r.workers.Get().(*worker)
	w.setFocal(f)
	var cands []cand
	for _, c := range w.candidates() {
		ci := int(c)
		if !r.eligible(ci) {
			continue
		}
		comp := w.components(ci)
		if comp.Goal < r.o.MinGoal {
			continue
		}
		cd := cand{i: ci, sector: graph.NormalizeTag(n.Actor(ci).Sector), score: r.Total(comp)}
		for _, g := range r.goalsOf(ci) {
			if x, ok := pos[g]; ok {
				if cd.mask == nil {
					cd.mask = make([]bool, len(goals))
				}
				cd.mask[x] = true
			}
		}
		cands = append(cands, cd)
	}
	r.workers.Put(w)
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Compare(a.i, b.i) })

	covered := make([]bool, len(goals))
	sectors := map[string]bool{}
	if s := graph.NormalizeTag(n.Actor(f).Sector); s != "" {
		sectors[s] = true
	}
	maxGini := r.o.Thresholds.Gini
	if maxGini == 0 {
		maxGini = score.DefaultThresholds().Gini
	}
	group := []int{f}
	prs := []float64{r.pow.PageRank(f)}
	used := make([]bool, len(cands))
	skipped := false
	for len(group) <= k {
		best, bestGain := -1, 0.0
		for x := range cands {
			if used[x] {
				continue
			}
			c := &cands[x]
			nc := 0
			for g, in := range c.mask {
				if in && !covered[g] {
					nc++
				}
			}
			ns := 0
			if c.sector != "" && !sectors[c.sector] {
				ns = 1
			}
			gain := 0.0
			if len(goals) > 0 {
				gain = float64(nc) / float64(len(goals))
			}
			gain = round(gain + DiversityWeight*float64(ns)/float64(k+1))
			if best >= 0 && cmp.Or(cmp.Compare(bestGain, gain), cmp.Compare(cands[best].score, c.score)) >= 0 {
				continue // not better than the best so far (earlier = lower ID wins ties)
			}
			if score.Gini(append(prs, r.pow.PageRank(c.i))) >= maxGini {
				skipped = true
				continue
			}
			best, bestGain = x, gain
		}
		if best < 0 {
			break
		}
		c := &cands[best]
		used[best] = true
		group = append(group, c.i)
		prs = append(prs, r.pow.PageRank(c.i))
		for g, in := range c.mask {
			if in {
				covered[g] = true
			}
		}
		if c.sector != "" {
			sectors[c.sector] = true
		}
	}

	res := &CoalitionResult{Focal: focal, Members: []string{}, Covered: []string{}, Uncovered: []string{}, Sectors: []string{}}
	for _, m := range group[1:] {
		res.Members = append(res.Members, n.ID(m))
	}
	for x, g := range goals {
		if covered[x] {
			res.Covered = append(res.Covered, g)
		} else {
			res.Uncovered = append(res.Uncovered, g)
		}
	}
	if len(goals) > 0 {
		res.Coverage = round(float64(len(res.Covered)) / float64(len(goals)))
	}
	for s := range sectors {
		res.Sectors = append(res.Sectors, s)
	}
	slices.Sort(res.Sectors)
	res.Power = r.pow.Group(group)
	if res.Power.Flags == nil {
		res.Power.Flags = []score.Flag{}
	}
	res.Why = coalitionWhy(n, res, len(goals), k, skipped, maxGini)
	return res, nil
}

// goalsOf returns actor i's declared goals, or its interest tags when it declares none.
func (r *Ranker) goalsOf(i int) []string {
	if g := r.n.Actor(i).Goals; len(g) > 0 {
		return g
	}
	return r.prof.Goals(i)
}

// coalitionWhy writes the sentence of a coalition.
func coalitionWhy(n *graph.Network, res *CoalitionResult, goals, k int, skipped bool, maxGini float64) string {
	if len(res.Members) == 0 {
		if skipped {
			return fmt.Sprintf("no candidate keeps power balanced (Gini of PageRank below %.2f)", maxGini)
		}
		return "no candidates found"
	}
	names := make([]string, len(res.Members))
	for x, id := range res.Members {
		names[x] = nameOf(n, id)
	}
	var parts []string
	parts = append(parts, list(names))
	switch {
	case goals == 1 && len(res.Covered) == 1:
		parts = append(parts, "cover your goal")
	case goals > 0 && len(res.Covered) == goals:
		parts = append(parts, fmt.Sprintf("cover all %d of your goals", goals))
	case goals > 0:
		parts = append(parts, fmt.Sprintf("cover %d of your %d goals", len(res.Covered), goals))
	}
	parts = append(parts, fmt.Sprintf("span %d sectors (%s)", len(res.Sectors), strings.Join(res.Sectors, ", ")))
	parts = append(parts, fmt.Sprintf("Gini of network centrality %.2f (limit %.2f)", res.Power.GiniPageRank, maxGini))
	if len(res.Uncovered) > 0 {
		parts = append(parts, "not covered: "+quoted(res.Uncovered, 3, "goals"))
	}
	if len(res.Members) < k {
		if skipped {
			parts = append(parts, fmt.Sprintf("only %d of %d partners could join without concentrating power", len(res.Members), k))
		} else {
			parts = append(parts, fmt.Sprintf("only %d candidates", len(res.Members)))
		}
	}
	return strings.Join(parts, "; ")
}

// Coalition chooses up to k partners for focal in n under o; see [Ranker.Coalition].
func Coalition(n *graph.Network, focal string, k int, o Options) (*CoalitionResult, error) {
	r, err := NewRanker(n, o)
	if err != nil {
		return nil, err
	}
	return r.Coalition(focal, k)
}
