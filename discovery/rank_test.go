package discovery_test

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// rkHand is a small network whose ranking for focal "a" is worked out by hand below.
//
//	contacts: a-m 2, m-b 1, m-c 3, c-d 1, b-x 1
//	events:   ev1 = {a, e}, ev2 = {b, c, d} (no topics)
//
//	actor  sector    goals                            capabilities
//	a      ngo       youth employment, digital skills  media
//	b      ngo       youth employment                  media
//	c      business  digital skills                    funding
//	d      gov       housing                           policy
//	e      ngo       youth employment, digital skills  media
//	m      ngo       (none; name Dana Lee)             (none)
//	x      gov       housing                           policy
func rkHand() *graph.Dataset {
	actor := func(id, sector string, goals, caps []string) graph.Actor {
		return graph.Actor{ID: id, Sector: sector, Goals: goals, Capabilities: caps, Profile: true}
	}
	ye, ds := "youth employment", "digital skills"
	m := actor("m", "ngo", nil, nil)
	m.Name = "Dana Lee"
	return &graph.Dataset{
		Actors: []graph.Actor{
			actor("a", "ngo", []string{ye, ds}, []string{"media"}),
			actor("b", "ngo", []string{ye}, []string{"media"}),
			actor("c", "business", []string{ds}, []string{"funding"}),
			actor("d", "gov", []string{"housing"}, []string{"policy"}),
			actor("e", "ngo", []string{ye, ds}, []string{"media"}),
			m,
			actor("x", "gov", []string{"housing"}, []string{"policy"}),
		},
		Contacts: []graph.Contact{
			{Source: "a", Target: "m", Weight: 2},
			{Source: "m", Target: "b", Weight: 1},
			{Source: "m", Target: "c", Weight: 3},
			{Source: "c", Target: "d", Weight: 1},
			{Source: "b", Target: "x", Weight: 1},
		},
		Attendance: []graph.Attendance{
			{Actor: "a", Event: "ev1"}, {Actor: "e", Event: "ev1"},
			{Actor: "b", Event: "ev2"}, {Actor: "c", Event: "ev2"}, {Actor: "d", Event: "ev2"},
		},
		Events: []graph.Event{{ID: "ev1", Name: "Spring Forum"}, {ID: "ev2", Name: "Housing Day"}},
	}
}

func rkBuild(t testing.TB, d *graph.Dataset) *graph.Network {
	t.Helper()
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// rkOptions: resource allocation on the contacts layer, default weights.
// rkOptions are the options of the hand-worked tests: fixed weights (0.35, 0.2, 0.15, 0.15,
// 0.15), written into the hand calculations, so that tuning DefaultWeights does not change them.
func rkOptions() discovery.Options {
	o := discovery.DefaultOptions()
	o.Link.Layer = graph.Contacts
	o.Weights = discovery.Weights{Goal: 0.35, Proximity: 0.20, Trust: 0.15, Complementarity: 0.15, Reach: 0.15}
	return o
}

func rkNear(a, b float64) bool { return math.Abs(a-b) <= 1e-9 }

func rkNearComponents(a, b discovery.Components) bool {
	return rkNear(a.Goal, b.Goal) && rkNear(a.Proximity, b.Proximity) && rkNear(a.Trust, b.Trust) &&
		rkNear(a.Complementarity, b.Complementarity) && rkNear(a.Reach, b.Reach)
}

// TestRankByHand checks the candidates of "a", their components and scores against a hand
// calculation.
//
// Candidates: a's only partner is m, so friends of friends are b and c; e attended ev1 with
// a; goal tags relate b, c and e. d and x share nothing and are three hops away.
//
// goal: the IDF of "youth employment" and "digital skills" is the same (3 of the 6 actors
// with goals hold each), so a = (I, I), b = (I, 0), c = (0, I), e = (I, I):
// overlap(a,b) = overlap(a,c) = 1/√2, overlap(a,e) = 1.
// proximity: resource allocation via m (3 contacts): RA(a,b) = RA(a,c) = 1/3, the focal's
// best score, so both get 1; e has no common contact: 0.
// trust: b via m: min(2, 1) = 1 -> 1/2; c via m: min(2, 3) = 2 -> 2/3; e: 0.
// reach: b's other partner x and c's other partner d are new, a has 1 partner:
// 1/(1+1) = 1/2; e has no partners: 0.
// complementarity (score.Complementarity: 0.75·new-capability share + 0.25·other sector):
// b: 0; c: 0.75·1/2 + 0.25 = 0.625; e: 0.
// score = 0.35 goal + 0.2 proximity + 0.15 (trust + complementarity + reach):
// c: 0.35/√2 + 0.2 + 0.1 + 0.09375 + 0.075 = 0.716237373...
// b: 0.35/√2 + 0.2 + 0.075 + 0 + 0.075     = 0.597487373...
// e: 0.35                                   = 0.35
func TestRankByHand(t *testing.T) {
	n := rkBuild(t, rkHand())
	got, err := discovery.Rank(n, "a", rkOptions())
	if err != nil {
		t.Fatal(err)
	}
	r2 := 1 / math.Sqrt2
	want := []struct {
		id    string
		score float64
		comp  discovery.Components
	}{
		{"c", 0.35*r2 + 0.2 + 0.1 + 0.09375 + 0.075, discovery.Components{Goal: r2, Proximity: 1, Trust: 2.0 / 3, Complementarity: 0.625, Reach: 0.5}},
		{"b", 0.35*r2 + 0.2 + 0.075 + 0.075, discovery.Components{Goal: r2, Proximity: 1, Trust: 0.5, Complementarity: 0, Reach: 0.5}},
		{"e", 0.35, discovery.Components{Goal: 1}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d candidates %v, want %d", len(got), rkIDs(got), len(want))
	}
	for k, w := range want {
		g := got[k]
		if g.ID != w.id || g.Rank != k+1 || g.Focal != "a" || !rkNear(g.Score, w.score) || !rkNearComponents(g.Components, w.comp) {
			t.Errorf("rank %d: got %s %d %.9f %+v, want %s %.9f %+v", k+1, g.ID, g.Rank, g.Score, g.Components, w.id, w.score, w.comp)
		}
		sum := g.Contribution.Goal + g.Contribution.Proximity + g.Contribution.Trust + g.Contribution.Complementarity + g.Contribution.Reach
		if !rkNear(sum, g.Score) {
			t.Errorf("%s: contributions sum to %v, score %v", g.ID, sum, g.Score)
		}
	}
	c, b, e := got[0], got[1], got[2]
	if !reflect.DeepEqual(c.Introducers, []discovery.Introducer{{ID: "m", Strength: 2}}) ||
		!reflect.DeepEqual(b.Introducers, []discovery.Introducer{{ID: "m", Strength: 1}}) || len(e.Introducers) != 0 {
		t.Errorf("introducers: c %v, b %v, e %v", c.Introducers, b.Introducers, e.Introducers)
	}
	if !reflect.DeepEqual(c.SharedGoals, []string{"digital skills"}) || !reflect.DeepEqual(e.SharedEvents, []string{"ev1"}) ||
		!reflect.DeepEqual(c.Brings, []string{"funding"}) || len(c.SharedEvents) != 0 {
		t.Errorf("explanations: c goals %v events %v brings %v, e events %v", c.SharedGoals, c.SharedEvents, c.Brings, e.SharedEvents)
	}
	if wantWhy := "shares 'digital skills'; Dana Lee knows both of you; brings funding you lack; knows 1 person you don't"; !strings.HasPrefix(c.Why, wantWhy) {
		t.Errorf("why of c = %q, want prefix %q", c.Why, wantWhy)
	}
	if !strings.HasPrefix(e.Why, "shares 'digital skills' and 'youth employment'; you were both at Spring Forum") &&
		!strings.HasPrefix(e.Why, "shares 'youth employment' and 'digital skills'; you were both at Spring Forum") {
		t.Errorf("why of e = %q", e.Why)
	}
	// Competitor: same sector (ngo), overlap >= 0.5, complementarity 0 -> b and e; c is in
	// another sector.
	for _, cd := range got {
		has := slices.ContainsFunc(cd.Flags, func(f score.Flag) bool { return f.Kind == score.Competitor })
		if has != (cd.ID != "c") {
			t.Errorf("%s: competitor flag %v, want %v (flags %+v)", cd.ID, has, cd.ID != "c", cd.Flags)
		}
	}
}

func rkIDs(cs []discovery.Candidate) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

// TestRankFilters checks each filter against the hand network's three candidates.
func TestRankFilters(t *testing.T) {
	n := rkBuild(t, rkHand())
	for _, tc := range []struct {
		Name string
		Edit func(*discovery.Options)
		Want []string
	}{
		{"none", func(*discovery.Options) {}, []string{"c", "b", "e"}},
		{"top 2", func(o *discovery.Options) { o.Top = 2 }, []string{"c", "b"}},
		{"all", func(o *discovery.Options) { o.Top = -1 }, []string{"c", "b", "e"}},
		{"sector", func(o *discovery.Options) { o.Sectors = []string{"NGO"} }, []string{"b", "e"}},
		{"exclude ids", func(o *discovery.Options) { o.ExcludeIDs = []string{"c"} }, []string{"b", "e"}},
		{"min goal", func(o *discovery.Options) { o.MinGoal = 0.8 }, []string{"e"}},
		// With co-attendance as partnership, e (met at ev1) is an existing partner.
		{"exclude combined", func(o *discovery.Options) { o.Exclude = graph.Combined }, []string{"c", "b"}},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			o := rkOptions()
			tc.Edit(&o)
			got, err := discovery.Rank(n, "a", o)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(rkIDs(got), tc.Want) {
				t.Errorf("got %v, want %v", rkIDs(got), tc.Want)
			}
		})
	}
}

// TestTiesByID: p1 and p2 are interchangeable (same profile, both reached through h only),
// so they tie and p1 comes first.
func TestTiesByID(t *testing.T) {
	a := func(id string) graph.Actor {
		return graph.Actor{ID: id, Sector: "ngo", Goals: []string{"water"}, Capabilities: []string{"data"}, Profile: true}
	}
	d := &graph.Dataset{
		Actors: []graph.Actor{a("z"), a("h"), a("p2"), a("p1"), a("other")},
		Contacts: []graph.Contact{
			{Source: "z", Target: "h", Weight: 1}, {Source: "h", Target: "p2", Weight: 1}, {Source: "h", Target: "p1", Weight: 1},
		},
	}
	got, err := discovery.Rank(rkBuild(t, d), "z", rkOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 2 || got[0].ID != "p1" || got[1].ID != "p2" || got[0].Score != got[1].Score {
		t.Fatalf("got %v", got)
	}
}

func TestUnknownFocal(t *testing.T) {
	d := &graph.Dataset{Contacts: []graph.Contact{
		{Source: "dana-lee", Target: "dan-lee", Weight: 1}, {Source: "dana-lee", Target: "sam-roe", Weight: 1},
	}}
	n := rkBuild(t, d)
	_, err := discovery.Rank(n, "dana-le", discovery.DefaultOptions())
	var ue *discovery.UnknownIDError
	if !errors.As(err, &ue) {
		t.Fatalf("got %v, want *UnknownIDError", err)
	}
	// Edit distances: dana-lee 1 (insert e), dan-lee 2 (delete a, insert e), sam-roe 6.
	if want := `unknown actor "dana-le" (did you mean "dana-lee", "dan-lee"?)`; err.Error() != want {
		t.Errorf("got %q, want %q", err, want)
	}
	if got := discovery.Suggest(n, "zzzzzzzzzz", 3); len(got) != 0 {
		t.Errorf("Suggest(far) = %v, want none", got)
	}
	if got := (&discovery.UnknownIDError{ID: "q"}).Error(); got != `unknown actor "q"` {
		t.Errorf("no suggestions: %q", got)
	}
	o := discovery.DefaultOptions()
	o.ExcludeIDs = []string{"sam-ro"}
	if _, err := discovery.NewRanker(n, o); !errors.As(err, &ue) || ue.ID != "sam-ro" || !slices.Equal(ue.Suggestions, []string{"sam-roe"}) {
		t.Errorf("unknown excluded ID: %v", err)
	}
	r, err := discovery.NewRanker(n, discovery.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.RankMany([]string{"dana-lee", "nobody"}); !errors.As(err, &ue) || ue.ID != "nobody" {
		t.Errorf("RankMany: %v", err)
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		Name string
		Edit func(*discovery.Options)
		OK   bool
	}{
		{"zero", func(*discovery.Options) {}, true},
		{"default", func(o *discovery.Options) { *o = discovery.DefaultOptions() }, true},
		{"negative weight", func(o *discovery.Options) { o.Weights = discovery.Weights{Goal: -1, Trust: 1} }, false},
		{"NaN weight", func(o *discovery.Options) { o.Weights = discovery.Weights{Goal: math.NaN()} }, false},
		{"min goal above 1", func(o *discovery.Options) { o.MinGoal = 1.5 }, false},
		{"min goal NaN", func(o *discovery.Options) { o.MinGoal = math.NaN() }, false},
		{"bad layer", func(o *discovery.Options) { o.Exclude = 7 }, false},
		{"bad predictor", func(o *discovery.Options) { o.Proximity = 99 }, false},
		{"negative workers", func(o *discovery.Options) { o.Workers = -1 }, false},
		{"bad alpha", func(o *discovery.Options) { o.Score.Alpha = 2 }, false},
		{"bad threshold", func(o *discovery.Options) { o.Thresholds.Dominance = 0.5 }, false},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			var o discovery.Options
			tc.Edit(&o)
			if err := o.Validate(); (err == nil) != tc.OK {
				t.Errorf("Validate() = %v, want ok %v", err, tc.OK)
			}
			if _, err := discovery.NewRanker(rkBuild(t, rkHand()), o); (err == nil) != tc.OK {
				t.Errorf("NewRanker: %v, want ok %v", err, tc.OK)
			}
		})
	}
}

func rkPartners(t testing.TB) *graph.Network {
	t.Helper()
	n, err := graph.LoadDir("../testdata/partners")
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRankManyMatchesRank: the batch gives the same rankings as one at a time, whatever
// the number of workers, the JSON is byte-identical across Rankers, the top k is the
// prefix of the full ranking (the pruning skips nothing it should keep), and
// Ranker.Components reproduces every candidate's components.
func TestRankManyMatchesRank(t *testing.T) {
	n := rkPartners(t)
	o := discovery.DefaultOptions()
	r, err := discovery.NewRanker(n, o)
	if err != nil {
		t.Fatal(err)
	}
	focals := n.IDs()
	if testing.Short() {
		focals = focals[:30]
	}
	one := make([][]discovery.Candidate, len(focals))
	for k, id := range focals {
		if one[k], err = r.Rank(id); err != nil {
			t.Fatal(err)
		}
	}
	var firstJSON []byte
	for _, workers := range []int{1, 3} {
		o.Workers = workers
		calls := 0
		o.Progress = func(done, total int) {
			calls++
			if done != calls || total != len(focals) {
				t.Errorf("progress(%d, %d) at call %d", done, total, calls)
			}
		}
		rw, err := discovery.NewRanker(n, o)
		if err != nil {
			t.Fatal(err)
		}
		many, err := rw.RankMany(focals)
		if err != nil {
			t.Fatal(err)
		}
		if calls != len(focals) {
			t.Errorf("workers %d: %d progress calls", workers, calls)
		}
		if !reflect.DeepEqual(many, one) {
			t.Errorf("workers %d: RankMany differs from Rank", workers)
		}
		js, err := json.Marshal(many)
		if err != nil {
			t.Fatal(err)
		}
		if firstJSON == nil {
			firstJSON = js
		} else if string(js) != string(firstJSON) {
			t.Errorf("JSON differs between runs")
		}
	}
	o = discovery.DefaultOptions()
	o.Top = -1
	rAll, err := discovery.NewRanker(n, o)
	if err != nil {
		t.Fatal(err)
	}
	for k, id := range focals {
		all, err := rAll.Rank(id)
		if err != nil {
			t.Fatal(err)
		}
		top := one[k]
		if len(top) != min(discovery.DefaultTop, len(all)) {
			t.Fatalf("%s: %d of %d candidates", id, len(top), len(all))
		}
		for i := range top {
			if top[i].ID != all[i].ID || top[i].Score != all[i].Score {
				t.Errorf("%s rank %d: top-k %s %v, full %s %v", id, i+1, top[i].ID, top[i].Score, all[i].ID, all[i].Score)
			}
		}
		if !slices.IsSortedFunc(all, func(a, b discovery.Candidate) int {
			if a.Score != b.Score {
				if a.Score > b.Score {
					return -1
				}
				return 1
			}
			return strings.Compare(a.ID, b.ID)
		}) {
			t.Errorf("%s: full ranking not sorted by score then ID", id)
		}
		f, _ := n.Index(id)
		for _, c := range all {
			ci, _ := n.Index(c.ID)
			if got := rAll.Components(f, ci); got != c.Components {
				t.Errorf("Components(%s, %s) = %+v, ranking has %+v", id, c.ID, got, c.Components)
			}
			if c.SharedGoals == nil || c.Introducers == nil || c.SharedEvents == nil || c.Flags == nil || c.Brings == nil {
				t.Errorf("%s/%s: nil slice", id, c.ID)
			}
			if w := n.Weight(graph.Contacts, f, ci); w != 0 {
				t.Errorf("%s/%s: existing contact proposed", id, c.ID)
			}
		}
	}
}

// TestHepThCombined: with co-authorship as the tie, no co-author is proposed and candidates
// come from co-authors of co-authors and shared topics.
func TestHepThCombined(t *testing.T) {
	n, err := graph.LoadDir("../testdata/hepth")
	if err != nil {
		t.Fatal(err)
	}
	o := discovery.DefaultOptions()
	o.Exclude = graph.Combined
	o.MinGoal = 0.1
	r, err := discovery.NewRanker(n, o)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i := 0; i < n.Len() && checked < 40; i += 97 {
		cs, err := r.Rank(n.ID(i))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			ci, _ := n.Index(c.ID)
			if n.Weight(graph.Combined, i, ci) != 0 || ci == i {
				t.Errorf("%s: co-author %s proposed", n.ID(i), c.ID)
			}
			if c.Components.Goal < 0.1 {
				t.Errorf("%s/%s: goal %v below MinGoal", n.ID(i), c.ID, c.Components.Goal)
			}
			if len(c.SharedEvents) != 0 {
				t.Errorf("%s/%s: shared papers %v but not co-authors", n.ID(i), c.ID, c.SharedEvents)
			}
		}
		checked++
	}
}

// TestRankEach: rankings come in the order given, equal to Rank's, for any number of
// workers and more focal actors than the window; an error from fn stops the batch at once.
func TestRankEach(t *testing.T) {
	n := rkPartners(t)
	r1, err := discovery.NewRanker(n, discovery.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	// Every actor three times over: more positions than workers x the window (64 each).
	var focals []string
	for range 3 {
		focals = append(focals, n.IDs()...)
	}
	want := make(map[string][]discovery.Candidate)
	for _, id := range n.IDs() {
		if want[id], err = r1.Rank(id); err != nil {
			t.Fatal(err)
		}
	}
	for _, workers := range []int{1, 2, 5} {
		o := discovery.DefaultOptions()
		o.Workers = workers
		r, err := discovery.NewRanker(n, o)
		if err != nil {
			t.Fatal(err)
		}
		next := 0
		err = r.RankEach(focals, func(k int, c []discovery.Candidate) error {
			if k != next {
				t.Fatalf("workers %d: got position %d, want %d", workers, k, next)
			}
			next++
			if !reflect.DeepEqual(c, want[focals[k]]) {
				t.Errorf("workers %d: ranking of %s (position %d) differs from Rank", workers, focals[k], k)
			}
			return nil
		})
		if err != nil || next != len(focals) {
			t.Fatalf("workers %d: %v after %d of %d", workers, err, next, len(focals))
		}

		stop := errors.New("stop")
		calls := 0
		err = r.RankEach(focals, func(k int, c []discovery.Candidate) error {
			calls++
			if k == 7 {
				return stop
			}
			return nil
		})
		if err != stop || calls != 8 {
			t.Errorf("workers %d: early stop returned %v after %d calls, want stop after 8", workers, err, calls)
		}
	}
	if err := r1.RankEach([]string{"nobody"}, func(int, []discovery.Candidate) error { return nil }); err == nil {
		t.Error("unknown focal: no error")
	}
}
