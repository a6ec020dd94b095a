package discovery_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

func evDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// evTiny is the hand-worked split. Training (up to 2020-01-01):
//
//	A-B, A-C, B-C, C-D, D-E (contacts dated 2019), plus an undated contact A-B.
//
// Test period (after 2020-01-01): contacts A-D and C-D (C-D repeats a training tie), and a
// paper p1 (2020-07-01) written by B and E, a shared event.
//
// With κ = 1 every actor is in the core: training degrees A2 B2 C3 D2 E1, test degrees
// A1 B1 C1 D2 E1. Of the 10 pairs, 5 are tied in training, so the candidates are
// A-D, A-E, B-D, B-E, C-E, and the new ties are A-D (contact) and B-E (shared event):
// P = 2 new ties, N = 3 pairs that stay untied (A-E, B-D, C-E).
func evTiny() *graph.Dataset {
	d := &graph.Dataset{}
	add := func(a, b, date string) {
		c := graph.Contact{Source: a, Target: b, Weight: 1}
		if date != "" {
			c.Date = evDate(date)
		}
		d.Contacts = append(d.Contacts, c)
	}
	add("A", "B", "2019-03-01")
	add("A", "C", "2019-03-01")
	add("B", "C", "2019-04-01")
	add("C", "D", "2019-05-01")
	add("D", "E", "2019-06-01")
	add("A", "B", "")
	add("A", "D", "2020-03-01")
	add("C", "D", "2020-04-01")
	d.Events = []graph.Event{{ID: "p1", Date: evDate("2020-07-01")}}
	d.Attendance = []graph.Attendance{{Actor: "B", Event: "p1"}, {Actor: "E", Event: "p1"}}
	return d
}

func evResult(t *testing.T, rep *discovery.EvalReport, name string) discovery.PredictorResult {
	t.Helper()
	for _, r := range rep.Results {
		if r.Predictor == name {
			return r
		}
	}
	t.Fatalf("no result for %s", name)
	return discovery.PredictorResult{}
}

// TestEvaluateHand checks the evaluation against the hand computation on evTiny, k = 1.
//
// Training neighbourhoods: Γ(A)={B,C}, Γ(B)={A,C}, Γ(C)={A,B,D}, Γ(D)={C,E}, Γ(E)={D}.
//
// Common neighbours: A-D 1 (C), A-E 0, B-D 1 (C), B-E 0, C-E 1 (D).
// New ties score 1 (A-D) and 0 (B-E); the others 0 (A-E), 1 (B-D), 1 (C-E).
//
//	AUC: A-D beats A-E (1) and ties B-D, C-E (2 x 1/2); B-E ties A-E (1/2):
//	     (1 + 1 + 0.5) / (2·3) = 2.5/6 = 0.416666667
//	top n = 2: three pairs score 1, one of them new, so the 2 places taken from that group
//	     hold 2·1/3 = 2/3 new ties; a random predictor finds 2·2/5 = 0.8;
//	     improvement = (2/3)/0.8 = 0.833333333
//	top k = 1: 1/3 new tie: precision 1/3, recall 1/6.
//
// Preferential attachment (degrees A2 B2 C3 D2 E1): A-D 4, A-E 2, B-D 4, B-E 2, C-E 3.
//
//	AUC: A-D beats A-E, C-E and ties B-D (2.5); B-E ties A-E (0.5): 3/6 = 0.5
//	top 2: the two 4s, one new: 1 hit, improvement 1/0.8 = 1.25; top 1: precision 1/2,
//	recall 1/4.
//
// Distance (1/d): A-D 1/2, A-E 1/3, B-D 1/2, B-E 1/3, C-E 1/2: the same ranks as common
// neighbours, so the same figures.
func TestEvaluateHand(t *testing.T) {
	rep, err := discovery.Evaluate(evTiny(), discovery.EvalConfig{
		Split: evDate("2020-01-01"), Core: 1, K: 1,
		Predictors: []string{"preferential_attachment", "common_neighbors", "distance"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.CoreActors != 5 || rep.Candidates != 5 || rep.NewTies != 2 {
		t.Fatalf("core %d, candidates %d, new ties %d; want 5, 5, 2", rep.CoreActors, rep.Candidates, rep.NewTies)
	}
	var names []string
	for _, r := range rep.Results {
		names = append(names, r.Predictor)
	}
	if want := []string{"common_neighbors", "distance", "preferential_attachment"}; !slices.Equal(names, want) {
		t.Errorf("results for %v, want %v", names, want)
	}
	for _, tc := range []struct {
		Name                  string
		AUC, Imp, Prec, Recal float64
	}{
		{"common_neighbors", 2.5 / 6, (2.0 / 3) / 0.8, 1.0 / 3, 1.0 / 6},
		{"distance", 2.5 / 6, (2.0 / 3) / 0.8, 1.0 / 3, 1.0 / 6},
		{"preferential_attachment", 0.5, 1.25, 0.5, 0.25},
	} {
		r := evResult(t, rep, tc.Name)
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"auc", r.AUC, tc.AUC}, {"improvement", r.Improvement, tc.Imp}, {"precision", r.PrecisionAtK, tc.Prec}, {"recall", r.RecallAtK, tc.Recal}} {
			if math.Abs(c.got-c.want) > 1e-9 {
				t.Errorf("%s %s = %v, want %v", tc.Name, c.what, c.got, c.want)
			}
		}
		if r.CoreActors != 5 || r.Candidates != 5 || r.NewTies != 2 {
			t.Errorf("%s: counts %+v", tc.Name, r)
		}
	}
}

func TestEvaluateErrors(t *testing.T) {
	d := evTiny()
	for _, tc := range []struct {
		Name string
		C    discovery.EvalConfig
		Want string
	}{
		{"no split", discovery.EvalConfig{}, "split"},
		{"core too strict", discovery.EvalConfig{Split: evDate("2020-01-01"), Core: 2}, "core"},
		{"no test period", discovery.EvalConfig{Split: evDate("2021-01-01"), Core: 1}, "test period"},
		{"unknown predictor", discovery.EvalConfig{Split: evDate("2020-01-01"), Core: 1, Predictors: []string{"astrology"}}, "unknown predictor"},
		{"negative k", discovery.EvalConfig{Split: evDate("2020-01-01"), K: -1}, "negative k"},
		{"bad katz", discovery.EvalConfig{Split: evDate("2020-01-01"), Core: 1, Link: score.LinkConfig{Beta: -1}}, "beta"},
		{"split before start", discovery.EvalConfig{Split: evDate("2019-01-01"), Core: 1, Options: graph.Options{From: evDate("2019-02-01")}}, "not after the start"},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			_, err := discovery.Evaluate(d, tc.C)
			if err == nil || !strings.Contains(err.Error(), tc.Want) {
				t.Errorf("error %v, want one containing %q", err, tc.Want)
			}
		})
	}
	if _, err := discovery.Evaluate(nil, discovery.EvalConfig{Split: evDate("2020-01-01")}); err == nil {
		t.Error("nil dataset accepted")
	}
}

// evRandom is a random temporal dataset: contacts and small events over two years, and
// goals from a small vocabulary.
func evRandom(seed uint64, actors int) *graph.Dataset {
	r := rand.New(rand.NewPCG(seed, 7))
	d := &graph.Dataset{}
	tags := []string{"water", "health", "schools", "housing", "energy", "food", "transport"}
	id := func(i int) string { return fmt.Sprintf("a%03d", i) }
	for i := range actors {
		a := graph.Actor{ID: id(i), Profile: true, Sector: []string{"ngo", "gov", "biz"}[r.IntN(3)]}
		for range 1 + r.IntN(2) {
			a.Goals = append(a.Goals, tags[r.IntN(len(tags))])
		}
		slices.Sort(a.Goals)
		a.Goals = slices.Compact(a.Goals)
		d.Actors = append(d.Actors, a)
	}
	start := evDate("2020-01-01")
	for range actors * 3 {
		a, b := r.IntN(actors), r.IntN(actors)
		if a == b {
			continue
		}
		if r.IntN(2) == 0 && a > 3 { // some locality, so the structural predictors have signal
			b = (a + 1 + r.IntN(4)) % actors
		}
		d.Contacts = append(d.Contacts, graph.Contact{Source: id(a), Target: id(b), Weight: float64(1 + r.IntN(3)),
			Date: start.AddDate(0, 0, r.IntN(730))})
	}
	for e := range actors / 3 {
		ev := graph.Event{ID: fmt.Sprintf("e%03d", e), Date: start.AddDate(0, 0, r.IntN(730)), Topics: []string{tags[r.IntN(len(tags))]}}
		d.Events = append(d.Events, ev)
		for range 2 + r.IntN(3) {
			d.Attendance = append(d.Attendance, graph.Attendance{Actor: id(r.IntN(actors)), Event: ev.ID})
		}
	}
	return d
}

// bruteMetrics scores every candidate pair with score and computes the figures directly
// from their definitions: AUC by comparing every new tie with every other candidate pair,
// and the expected hits in the top n by counting the tie group at the cut.
func bruteMetrics(pairs [][2]int, isNew []bool, scoreOf func(a, b int) float64, k int) (auc, imp, prec, rec float64) {
	s := make([]float64, len(pairs))
	for i, p := range pairs {
		s[i] = scoreOf(p[0], p[1])
	}
	P, C := 0, len(pairs)
	for _, v := range isNew {
		if v {
			P++
		}
	}
	num := 0.0
	for i := range pairs {
		if !isNew[i] {
			continue
		}
		for j := range pairs {
			if isNew[j] {
				continue
			}
			switch {
			case s[i] > s[j]:
				num++
			case s[i] == s[j]:
				num += 0.5
			}
		}
	}
	auc = num / float64(P*(C-P))
	hits := func(k int) float64 {
		if k >= C {
			return float64(P)
		}
		sorted := slices.Clone(s)
		slices.Sort(sorted)
		slices.Reverse(sorted)
		t := sorted[k-1]
		gt, eq, pgt, peq := 0, 0, 0, 0
		for i, v := range s {
			if v > t {
				gt++
				if isNew[i] {
					pgt++
				}
			} else if v == t {
				eq++
				if isNew[i] {
					peq++
				}
			}
		}
		return float64(pgt) + float64(k-gt)*float64(peq)/float64(eq)
	}
	imp = hits(P) / (float64(P) * float64(P) / float64(C))
	hk := hits(k)
	return auc, imp, hk / float64(min(k, C)), hk / float64(P)
}

// TestEvaluateBrute compares the streaming evaluation with the brute-force definitions on
// random temporal data, for every predictor, with 1 and 3 workers.
func TestEvaluateBrute(t *testing.T) {
	d := evRandom(1, 90)
	split := evDate("2020-12-31")
	// The candidate pairs and new ties, found directly from the records.
	train, err := graph.Build(d, graph.Options{AsOf: split})
	if err != nil {
		t.Fatal(err)
	}
	test, err := graph.Build(d, graph.Options{From: split.AddDate(0, 0, 1)})
	if err != nil {
		t.Fatal(err)
	}
	const kappa = 2
	var core []int
	for i := range train.Len() {
		j, ok := test.Index(train.ID(i))
		if ok && train.Degree(graph.Combined, i) >= kappa && test.Degree(graph.Combined, j) >= kappa {
			core = append(core, i)
		}
	}
	var pairs [][2]int
	var isNew []bool
	for x, a := range core {
		for _, b := range core[x+1:] {
			if train.Weight(graph.Combined, a, b) != 0 {
				continue
			}
			ta, _ := test.Index(train.ID(a))
			tb, _ := test.Index(train.ID(b))
			pairs = append(pairs, [2]int{a, b})
			isNew = append(isNew, test.Weight(graph.Combined, ta, tb) != 0)
		}
	}
	var reps []*discovery.EvalReport
	for _, workers := range []int{1, 3} {
		rep, err := discovery.Evaluate(d, discovery.EvalConfig{Split: split, Core: kappa, K: 25, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	if fmt.Sprint(reps[0]) != fmt.Sprint(reps[1]) {
		t.Errorf("results depend on the number of workers:\n%v\n%v", reps[0], reps[1])
	}
	rep := reps[0]
	nNew := 0
	for _, v := range isNew {
		if v {
			nNew++
		}
	}
	if rep.CoreActors != len(core) || rep.Candidates != len(pairs) || rep.NewTies != nNew {
		t.Fatalf("counts %d %d %d, want %d %d %d", rep.CoreActors, rep.Candidates, rep.NewTies, len(core), len(pairs), nNew)
	}
	if nNew < 5 {
		t.Fatalf("only %d new ties; the test data are too thin", nNew)
	}
	if len(rep.Results) != len(discovery.EvalPredictors()) {
		t.Errorf("%d results, want %d", len(rep.Results), len(discovery.EvalPredictors()))
	}
	ranker, err := discovery.NewRanker(train, discovery.EvalRankOptions())
	if err != nil {
		t.Fatal(err)
	}
	prof := score.NewProfiles(train, score.InterestConfig{})
	for _, r := range rep.Results {
		var f func(a, b int) float64
		switch r.Predictor {
		case discovery.GoalOverlap:
			f = prof.Overlap
		case discovery.Composite:
			f = func(a, b int) float64 { return ranker.Total(ranker.Components(a, b)) }
		default:
			base, weighted := strings.CutSuffix(r.Predictor, "_weighted")
			p, err := score.ParsePredictor(base)
			if err != nil {
				t.Fatal(err)
			}
			l, err := score.NewLinker(train, p, score.LinkConfig{Layer: graph.Combined, Weighted: weighted})
			if err != nil {
				t.Fatal(err)
			}
			f = l.Score
			if p == score.RootedPageRank {
				f = func(a, b int) float64 { return l.Score(a, b) + l.Score(b, a) }
			}
		}
		auc, imp, prec, rec := bruteMetrics(pairs, isNew, f, 25)
		tol := 1e-9
		if strings.HasPrefix(r.Predictor, "rooted_pagerank") {
			// the push is approximate (ε = 1e-7) and the evaluation symmetrises one walk by
			// reversibility, so scores may differ in late digits (in this test, near-ties
			// do not swap; the figures agree to rounding).
			tol = 1e-6
		}
		for _, c := range []struct {
			what      string
			got, want float64
		}{{"auc", r.AUC, auc}, {"improvement", r.Improvement, imp}, {"precision", r.PrecisionAtK, prec}, {"recall", r.RecallAtK, rec}} {
			if math.Abs(c.got-c.want) > tol*math.Max(1, math.Abs(c.want)) {
				t.Errorf("%s %s = %v, brute force %v", r.Predictor, c.what, c.got, c.want)
			}
		}
	}
}

// TestEvaluateSample: a sample as large as the core is the full evaluation; a smaller one
// scores only the pairs of the sampled sources, the same for any number of workers.
func TestEvaluateSample(t *testing.T) {
	d := evRandom(1, 90)
	c := discovery.EvalConfig{Split: evDate("2020-12-31"), Core: 2, K: 25,
		Predictors: []string{"adamic_adar", "katz", "composite", "rooted_pagerank"}}
	full, err := discovery.Evaluate(d, c)
	if err != nil {
		t.Fatal(err)
	}
	c.Sample = full.CoreActors
	same, err := discovery.Evaluate(d, c)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(full) != fmt.Sprint(same) {
		t.Errorf("sample of the whole core differs:\n%v\n%v", full, same)
	}
	c.Sample = 12
	var reps []string
	for _, w := range []int{1, 2} {
		c.Workers = w
		rep, err := discovery.Evaluate(d, c)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Sources != 12 || rep.Candidates >= full.Candidates || rep.Candidates < 12 {
			t.Errorf("sources %d, candidates %d (full %d)", rep.Sources, rep.Candidates, full.Candidates)
		}
		reps = append(reps, fmt.Sprint(rep))
	}
	if reps[0] != reps[1] {
		t.Errorf("sampled result depends on workers:\n%s\n%s", reps[0], reps[1])
	}
}
