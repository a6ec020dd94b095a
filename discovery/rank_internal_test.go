package discovery

import (
	"reflect"
	"slices"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
	"github.com/partnerscout/partnerscout/score"
)

// rankTestNets returns the bundled partners network and a 600-actor synthetic network
// (synth.Scale(600): heavy-tailed events, so many actors share events and tags).
func rankTestNets(t *testing.T) map[string]*graph.Network {
	t.Helper()
	p, err := graph.LoadDir("../testdata/partners")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := synth.Write(dir, synth.Scale(600)); err != nil {
		t.Fatal(err)
	}
	s, err := graph.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return map[string]*graph.Network{"partners": p, "scale600": s}
}

// TestRelatedIndex: the Ranker's own inverted index relates every actor to exactly the
// actors score.Profiles.Related lists, the definition of goal-sharing candidates.
func TestRelatedIndex(t *testing.T) {
	for name, n := range rankTestNets(t) {
		r, err := NewRanker(n, DefaultOptions())
		if err != nil {
			t.Fatal(err)
		}
		mark := make([]bool, n.Len())
		for i := range n.Len() {
			var got []int32
			for _, k := range r.tagOf[r.tagOff[i]:r.tagOff[i+1]] {
				for _, c := range r.holder[r.holderOff[k]:r.holderOff[k+1]] {
					if int(c) != i && !mark[c] {
						mark[c] = true
						got = append(got, c)
					}
				}
			}
			for _, c := range got {
				mark[c] = false
			}
			slices.Sort(got)
			if want := r.prof.Related(i); !slices.Equal(got, want) {
				t.Fatalf("%s: actor %s: index relates %d actors, Profiles.Related %d", name, n.ID(i), len(got), len(want))
			}
		}
	}
}

// bruteRank ranks focal f the slow way, from the definition in Ranker.Rank: every
// candidate (friends of friends in the Exclude layer, co-attendees, Profiles.Related, minus
// the focal and its partners) is scored in full with Ranker.Components, filtered, sorted by
// score and then index, and cut to the top k.
func bruteRank(r *Ranker, f int) []scored {
	n := r.n
	in := map[int]bool{}
	nb, _ := n.Neighbors(r.o.Exclude, f)
	for _, m := range nb {
		c2, _ := n.Neighbors(r.o.Exclude, int(m))
		for _, c := range c2 {
			in[int(c)] = true
		}
	}
	co, _ := n.Neighbors(graph.Events, f)
	for _, c := range co {
		in[int(c)] = true
	}
	for _, c := range r.prof.Related(f) {
		in[int(c)] = true
	}
	delete(in, f)
	for _, m := range nb {
		delete(in, int(m))
	}
	var all []scored
	for c := range in {
		if !r.eligible(c) {
			continue
		}
		comp := r.Components(f, c)
		if comp.Goal < r.o.MinGoal {
			continue
		}
		all = append(all, scored{c: int32(c), s: r.Total(comp), comp: comp})
	}
	slices.SortFunc(all, better)
	if r.o.Top >= 0 && len(all) > r.o.Top {
		all = all[:r.o.Top]
	}
	return all
}

// TestRankMatchesBruteForce: for about 150 focal actors per network and several option
// sets, the pruned
// ranking returns exactly the candidates, scores and components of the brute-force one.
func TestRankMatchesBruteForce(t *testing.T) {
	if testing.Short() {
		t.Skip("ranks every actor twice")
	}
	variants := map[string]func(*Options){
		"default":          func(*Options) {},
		"top3":             func(o *Options) { o.Top = 3 },
		"all":              func(o *Options) { o.Top = -1 },
		"mingoal":          func(o *Options) { o.MinGoal = 0.2 },
		"exclude-combined": func(o *Options) { o.Exclude = graph.Combined; o.Top = 5 },
		"reach-heavy": func(o *Options) {
			o.Weights = Weights{Goal: 0.1, Proximity: 0.1, Trust: 0.1, Complementarity: 0.1, Reach: 1}
		},
	}
	for name, n := range rankTestNets(t) {
		for vname, set := range variants {
			o := DefaultOptions()
			set(&o)
			r, err := NewRanker(n, o)
			if err != nil {
				t.Fatal(err)
			}
			step := max(1, n.Len()/150) // about 150 focal actors per network
			for f := 0; f < n.Len(); f += step {
				got, err := r.Rank(n.ID(f))
				if err != nil {
					t.Fatal(err)
				}
				want := bruteRank(r, f)
				if len(got) != len(want) {
					t.Fatalf("%s/%s: focal %s: %d candidates, brute force %d", name, vname, n.ID(f), len(got), len(want))
				}
				for k, w := range want {
					g := got[k]
					if g.ID != n.ID(int(w.c)) || g.Score != w.s || g.Components != w.comp {
						t.Fatalf("%s/%s: focal %s rank %d: got %s %v %+v, brute force %s %v %+v",
							name, vname, n.ID(f), k+1, g.ID, g.Score, g.Components, n.ID(int(w.c)), w.s, w.comp)
					}
				}
			}
		}
	}
}

// TestGateFlagsMatchFullSearch: the flags of every listed candidate are those computed from
// the exact gatekeeping shares of a full search (score.Power.GatekeepingFrom), whether the
// bounded search settled them or not; some gatekeeper flags do fire, so the comparison
// covers both outcomes.
func TestGateFlagsMatchFullSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("a full search per focal actor")
	}
	fired, bounded, full := 0, 0, 0
	for name, n := range rankTestNets(t) {
		for _, top := range []int{10, -1} {
			o := DefaultOptions()
			o.Top = top
			r, err := NewRanker(n, o)
			if err != nil {
				t.Fatal(err)
			}
			var gate []float64
			for f := range n.Len() {
				got, err := r.Rank(n.ID(f))
				if err != nil {
					t.Fatal(err)
				}
				gate = r.pow.GatekeepingFrom(f, gate)
				if len(got) > 0 && len(got) <= maxGateCands {
					w := r.workers.Get().(*worker)
					w.setFocal(f)
					top := make([]scored, len(got))
					for k, cd := range got {
						c, _ := n.Index(cd.ID)
						top[k].c = int32(c)
					}
					if w.boundedGates(top) {
						bounded++
					} else {
						full++
					}
					r.workers.Put(w)
				}
				for _, cd := range got {
					c, _ := n.Index(cd.ID)
					want := r.pow.PairFrom(f, c, gate)
					for _, fl := range want {
						if fl.Kind == score.Gatekeeper {
							fired++
						}
					}
					// Candidate.Flags are the pair flags, then possibly a competitor flag.
					extra := len(cd.Flags) - len(want)
					if extra < 0 || extra > 1 || (len(want) > 0 && !reflect.DeepEqual(cd.Flags[:len(want)], want)) ||
						(extra == 1 && cd.Flags[len(want)].Kind != score.Competitor) {
						t.Fatalf("%s: focal %s candidate %s: flags %+v, full search %+v", name, n.ID(f), cd.ID, cd.Flags, want)
					}
				}
			}
		}
	}
	if fired == 0 || bounded == 0 || full == 0 {
		t.Fatalf("%d gatekeeper flags, %d focal actors settled by the bound, %d not: the test does not cover both outcomes", fired, bounded, full)
	}
	t.Logf("%d gatekeeper flags, %d focal actors settled by the bound, %d not", fired, bounded, full)
}
