package discovery_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

func rvDate(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

const rvYear = 365 * 24 * time.Hour

// reviewData is the small dated network of the review tests. Everything below is worked out
// by hand from it.
//
//	actor  sector    org  goals               capacity
//	F      ngo       O1   climate;health;water 100
//	A      gov       G1   climate              10
//	B      ngo       O2   health               50
//	C      biz       B1   energy               -
//	D      gov       G1   education;health     -
//	E      NGO       U1   health               20
//	X      biz       B2   water                1000
//	Y      ngo       O1   climate              100
//	Z      (no profile: appears only in a 2022 contact)
//
//	contact  weight  date
//	F-A      1       2020-06-01
//	F-B      1       2020-03-01
//	F-B      2       2022-06-01
//	F-C      4       2019-12-31
//	A-Y      1       2020-05-01
//	F-Y      1       2021-12-31
//	F-X      2       2021-05-01
//	D-E      1       2018-01-01
//	F-E      1       2022-11-01
//	D-Z      1       2022-03-01
func reviewData() *graph.Dataset {
	capa := func(a graph.Actor, c float64) graph.Actor { a.Capacity, a.HasCapacity = c, true; return a }
	actor := func(id, sector, org string, goals ...string) graph.Actor {
		return graph.Actor{ID: id, Sector: sector, Organization: org, Goals: goals, Profile: true}
	}
	contact := func(a, b string, w float64, t time.Time) graph.Contact {
		return graph.Contact{Source: a, Target: b, Weight: w, Date: t}
	}
	return &graph.Dataset{
		Actors: []graph.Actor{
			capa(actor("F", "ngo", "O1", "climate", "health", "water"), 100),
			capa(actor("A", "gov", "G1", "climate"), 10),
			capa(actor("B", "ngo", "O2", "health"), 50),
			actor("C", "biz", "B1", "energy"),
			actor("D", "gov", "G1", "education", "health"),
			capa(actor("E", "NGO", "U1", "health"), 20),
			capa(actor("X", "biz", "B2", "water"), 1000),
			capa(actor("Y", "ngo", "O1", "climate"), 100),
		},
		Contacts: []graph.Contact{
			contact("F", "A", 1, rvDate(2020, 6, 1)),
			contact("F", "B", 1, rvDate(2020, 3, 1)),
			contact("F", "B", 2, rvDate(2022, 6, 1)),
			contact("F", "C", 4, rvDate(2019, 12, 31)),
			contact("A", "Y", 1, rvDate(2020, 5, 1)),
			contact("F", "Y", 1, rvDate(2021, 12, 31)),
			contact("F", "X", 2, rvDate(2021, 5, 1)),
			contact("D", "E", 1, rvDate(2018, 1, 1)),
			contact("F", "E", 1, rvDate(2022, 11, 1)),
			contact("D", "Z", 1, rvDate(2022, 3, 1)),
		},
	}
}

// reviewConfig compares 2020-12-31 with 2022-12-31 on the contacts layer. The follow-through
// ranking uses the trust component alone (t/(1+t), t = the best introduction path), which
// can be ranked by hand, and the top 3. Only the resource-asymmetry flag is on (capacity
// ratio >= 5, the default; severity low from 5, medium from 10), so every flag is a
// capacity ratio.
func reviewConfig() discovery.ReviewConfig {
	inf := math.Inf(1)
	return discovery.ReviewConfig{
		Then: rvDate(2020, 12, 31),
		Now:  rvDate(2022, 12, 31),
		Rank: discovery.Options{
			Weights:    discovery.Weights{Trust: 1},
			Top:        3,
			Exclude:    graph.Contacts,
			Thresholds: score.Thresholds{Dominance: inf, Dependence: inf, Gatekeeper: inf},
		},
	}
}

func rvPS(kv ...any) []discovery.PartnerStrength {
	out := []discovery.PartnerStrength{}
	for i := 0; i < len(kv); i += 2 {
		out = append(out, discovery.PartnerStrength{ID: kv[i].(string), Strength: float64(kv[i+1].(int))})
	}
	return out
}

type rvFlagKey struct {
	Partner, Kind, Severity, Advantage string
	Value                              float64
}

func rvFlagKeys(fs []discovery.PairFlag) []rvFlagKey {
	out := []rvFlagKey{}
	for _, f := range fs {
		out = append(out, rvFlagKey{f.Partner, f.Kind, f.Severity, f.Advantage, f.Value})
	}
	return out
}

func rvCheck(t *testing.T, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s = %+v, want %+v", what, got, want)
	}
}

func rvNear(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }

// TestReviewCumulative reviews F without a window or half-life: each side keeps every row up
// to its date.
//
// At 2020-12-31 F is tied to A (1), B (1) and C (4; 2019-12-31).
// At 2022-12-31 also to B again (+2 = 3), Y (1), X (2) and E (1).
//
//	gained        X 2, E 1, Y 1 (strength desc, then ID)
//	faded         none (ties never disappear without a window or half-life)
//	strengthened  B 1 -> 3 (3 >= 1.5·1)
//	reach then    3 partners; sectors gov, ngo, biz = 3; organisations G1, O2, B1 = 3
//	reach now     6 partners; sectors gov, ngo, biz (E's "NGO" is ngo) = 3;
//	              organisations G1, O2, B1, O1, B2, U1 = 6
//	new networks  F's two-step neighbourhood at then is F, A, B, C and Y (through A);
//	              X and E are outside, Y inside: 2/3
//	goals         F: climate, health, water. Then A has climate, B health (C energy):
//	              2/3. Now X adds water: 3/3; gained [water], lost [].
//	flags         then: A (100 vs 10: ratio 10, F's advantage, medium); B 2, C has no
//	              capacity. Now: A kept; E (100/20 = 5, F, low) and X (1000/100 = 10, X,
//	              medium) new; B, C, Y (ratio 1) none. Nothing cleared.
//	degree        8 actors at then (the profiles; Z is not yet there), F has 3 ties: 3/7,
//	              the largest degree, percentile 1. At now 9 actors (Z), F has 6: 6/8.
//	follow-through at then the candidates are Y (friend of a friend via A, and shares
//	              climate), D and E (share health) and X (shares water). Trust: Y has the
//	              mutual partner A with min(w(F,A), w(A,Y)) = 1, so 1/(1+1) = 0.5; D, E, X
//	              have no mutual partner: 0. Top 3 by score, then ID: Y, D, E. Partners at
//	              now among them: Y, E. Precision 2/3.
func TestReviewCumulative(t *testing.T) {
	r, err := discovery.Review(reviewData(), "F", reviewConfig())
	if err != nil {
		t.Fatal(err)
	}
	rvCheck(t, "then", r.Then, "2020-12-31")
	rvCheck(t, "now", r.Now, "2022-12-31")
	rvCheck(t, "gained", r.Gained, rvPS("X", 2, "E", 1, "Y", 1))
	rvCheck(t, "faded", r.Faded, rvPS())
	rvCheck(t, "strengthened", r.Strengthened, []discovery.StrengthChange{{ID: "B", Then: 1, Now: 3}})
	rvCheck(t, "weakened", r.Weakened, []discovery.StrengthChange{})
	rvCheck(t, "reach then", r.Reach.Then, discovery.ReachSide{Partners: 3, Sectors: 3, Organizations: 3})
	rvCheck(t, "reach now", r.Reach.Now, discovery.ReachSide{Partners: 6, Sectors: 3, Organizations: 6})
	if !rvNear(r.Reach.NewNetworkShare, 2.0/3) {
		t.Errorf("new network share %v, want 2/3", r.Reach.NewNetworkShare)
	}
	g := r.GoalCoverage
	rvCheck(t, "goals", g.Goals, []string{"climate", "health", "water"})
	if !rvNear(g.Then, 2.0/3) || g.Now != 1 {
		t.Errorf("goal coverage %v -> %v, want 2/3 -> 1", g.Then, g.Now)
	}
	rvCheck(t, "gained goals", g.GainedGoals, []string{"water"})
	rvCheck(t, "lost goals", g.LostGoals, []string{})
	rvCheck(t, "new flags", rvFlagKeys(r.Flags.New), []rvFlagKey{
		{"E", score.ResourceAsymmetry, score.Low, "F", 5},
		{"X", score.ResourceAsymmetry, score.Medium, "X", 10},
	})
	rvCheck(t, "kept flags", rvFlagKeys(r.Flags.Kept), []rvFlagKey{{"A", score.ResourceAsymmetry, score.Medium, "F", 10}})
	rvCheck(t, "cleared flags", rvFlagKeys(r.Flags.Cleared), []rvFlagKey{})
	dg := r.Measures.Degree
	if !rvNear(dg.Then, 3.0/7) || !rvNear(dg.Now, 6.0/8) || dg.PercentileThen != 1 || dg.PercentileNow != 1 {
		t.Errorf("degree %+v, want 3/7 -> 6/8 at percentile 1", dg)
	}
	ft := r.FollowThrough
	rvCheck(t, "top", ft.Top, 3)
	rvCheck(t, "recommended", ft.Recommended, []string{"Y", "D", "E"})
	rvCheck(t, "realised", ft.Realised, []string{"Y", "E"})
	if !rvNear(ft.Precision, 2.0/3) {
		t.Errorf("precision %v, want 2/3", ft.Precision)
	}
	for _, s := range []string{"gained 3 partners (2 from outside its two-step network); 0 faded, 1 strengthened, 0 weakened.",
		"Partners went from 3 to 6, across 3 sectors and 6 organisations (were 3 and 3).",
		"Partners share 3 of its 3 goals (was 2); newly covered: water.", "Of the top 3 candidates recommended at 2020-12-31, 2 became partners (precision 0.67)."} {
		if !strings.Contains(r.Summary, s) {
			t.Errorf("summary %q lacks %q", r.Summary, s)
		}
	}
}

// TestReviewWindow reviews F with a one-year window (365 days) on each side.
//
// Then keeps rows in (2020-01-01, 2020-12-31]: F-A, F-B (1), A-Y; not F-C (2019-12-31).
// Now keeps rows in (2021-12-31, 2022-12-31]: F-B (2), F-E, D-Z; not F-Y, dated exactly
// 2021-12-31, the open end of the window.
//
//	gained        E 1
//	faded         A 1 (no row in the window at now)
//	strengthened  B 1 -> 2 (2 >= 1.5)
//	reach         then A, B: sectors gov, ngo = 2, organisations G1, O2 = 2;
//	              now B, E: sectors ngo (E's "NGO") = 1, organisations O2, U1 = 2
//	new networks  E had no tie in the window at then: outside, share 1
//	goals         then climate (A), health (B): 2/3; now health (B, E): 1/3; lost climate
//	flags         then A (ratio 10, medium); now E (ratio 5, low): E new, A cleared
//	follow-through candidates at then: Y (via A, trust 0.5), D, E, X (goals, trust 0):
//	              top 3 Y, D, E; only E is a partner at now: precision 1/3.
func TestReviewWindow(t *testing.T) {
	c := reviewConfig()
	c.Window = rvYear
	r, err := discovery.Review(reviewData(), "F", c)
	if err != nil {
		t.Fatal(err)
	}
	rvCheck(t, "gained", r.Gained, rvPS("E", 1))
	rvCheck(t, "faded", r.Faded, rvPS("A", 1))
	rvCheck(t, "strengthened", r.Strengthened, []discovery.StrengthChange{{ID: "B", Then: 1, Now: 2}})
	rvCheck(t, "weakened", r.Weakened, []discovery.StrengthChange{})
	rvCheck(t, "reach then", r.Reach.Then, discovery.ReachSide{Partners: 2, Sectors: 2, Organizations: 2})
	rvCheck(t, "reach now", r.Reach.Now, discovery.ReachSide{Partners: 2, Sectors: 1, Organizations: 2})
	rvCheck(t, "new network share", r.Reach.NewNetworkShare, 1.0)
	g := r.GoalCoverage
	if !rvNear(g.Then, 2.0/3) || !rvNear(g.Now, 1.0/3) {
		t.Errorf("goal coverage %v -> %v, want 2/3 -> 1/3", g.Then, g.Now)
	}
	rvCheck(t, "gained goals", g.GainedGoals, []string{})
	rvCheck(t, "lost goals", g.LostGoals, []string{"climate"})
	rvCheck(t, "new flags", rvFlagKeys(r.Flags.New), []rvFlagKey{{"E", score.ResourceAsymmetry, score.Low, "F", 5}})
	rvCheck(t, "cleared flags", rvFlagKeys(r.Flags.Cleared), []rvFlagKey{{"A", score.ResourceAsymmetry, score.Medium, "F", 10}})
	rvCheck(t, "kept flags", rvFlagKeys(r.Flags.Kept), []rvFlagKey{})
	rvCheck(t, "recommended", r.FollowThrough.Recommended, []string{"Y", "D", "E"})
	rvCheck(t, "realised", r.FollowThrough.Realised, []string{"E"})
	if !rvNear(r.FollowThrough.Precision, 1.0/3) {
		t.Errorf("precision %v, want 1/3", r.FollowThrough.Precision)
	}
}

// decayData has ages in whole multiples of 365 days, so that with a half-life of 365 days
// every decay factor is a power of 2 and exact. Then = 2021-01-01, Now = 2024-01-01,
// 1095 days (3 half-lives) later.
//
//	contact  weight  date        age at then  at then      age at now  at now
//	F-P      4       2021-01-01  0            4            1095        4/8 = 0.5
//	F-P      3       2023-01-01  -            -            365         3/2 = 1.5
//	F-Q      2       2020-01-02  365          2/2 = 1      1460        2/16 = 0.125
//	F-S      1       2024-01-01  -            -            0           1
//	F-T      1       2021-01-01  0            1            1095        1/8 = 0.125
//	F-T      4       2024-01-01  -            -            0           4
func decayData() *graph.Dataset {
	c := func(a, b string, w float64, t time.Time) graph.Contact {
		return graph.Contact{Source: a, Target: b, Weight: w, Date: t}
	}
	return &graph.Dataset{Contacts: []graph.Contact{
		c("F", "P", 4, rvDate(2021, 1, 1)),
		c("F", "P", 3, rvDate(2023, 1, 1)),
		c("F", "Q", 2, rvDate(2020, 1, 2)),
		c("F", "S", 1, rvDate(2024, 1, 1)),
		c("F", "T", 1, rvDate(2021, 1, 1)),
		c("F", "T", 4, rvDate(2024, 1, 1)),
	}}
}

// TestReviewHalfLife checks fading under a half-life of 365 days.
//
// Without a window, ties never disappear; a partner fades when its strength at now is below
// FadeBelow (0.25) times its strength at then:
//
//	P  4 -> 2      ratio 0.5: kept; 2 <= 4/1.5: weakened
//	Q  1 -> 0.125  ratio 0.125 < 0.25: faded, reported with 1
//	T  1 -> 4.125  strengthened
//	S  -  -> 1     gained
//
// Reach counts P, Q, T at then and P, T, S at now (Q has faded).
//
// With FadeBelow 0.1, Q (ratio 0.125) is kept and weakened: weakened P (then 4), Q (then 1).
//
// With a two-rvYear window (730 days) and the half-life, a partner fades only when it has no
// row in the window. Now keeps rows in (2022-01-01, 2024-01-01]: P 1.5, S 1, T 4. Then
// keeps rows in (2019-01-02, 2021-01-01]: P 4, Q 1, T 1. Faded Q 1; P 4 -> 1.5 weakened;
// T 1 -> 4 strengthened; gained S 1.
func TestReviewHalfLife(t *testing.T) {
	c := discovery.ReviewConfig{Then: rvDate(2021, 1, 1), Now: rvDate(2024, 1, 1), HalfLife: rvYear}
	r, err := discovery.Review(decayData(), "F", c)
	if err != nil {
		t.Fatal(err)
	}
	rvCheck(t, "gained", r.Gained, rvPS("S", 1))
	rvCheck(t, "faded", r.Faded, rvPS("Q", 1))
	rvCheck(t, "strengthened", r.Strengthened, []discovery.StrengthChange{{ID: "T", Then: 1, Now: 4.125}})
	rvCheck(t, "weakened", r.Weakened, []discovery.StrengthChange{{ID: "P", Then: 4, Now: 2}})
	rvCheck(t, "partners", []int{r.Reach.Then.Partners, r.Reach.Now.Partners}, []int{3, 3})

	c.FadeBelow = 0.1
	r, err = discovery.Review(decayData(), "F", c)
	if err != nil {
		t.Fatal(err)
	}
	rvCheck(t, "faded (0.1)", r.Faded, rvPS())
	rvCheck(t, "weakened (0.1)", r.Weakened, []discovery.StrengthChange{{ID: "P", Then: 4, Now: 2}, {ID: "Q", Then: 1, Now: 0.125}})

	c.FadeBelow = 0
	c.Window = 2 * rvYear
	r, err = discovery.Review(decayData(), "F", c)
	if err != nil {
		t.Fatal(err)
	}
	rvCheck(t, "gained (window)", r.Gained, rvPS("S", 1))
	rvCheck(t, "faded (window)", r.Faded, rvPS("Q", 1))
	rvCheck(t, "strengthened (window)", r.Strengthened, []discovery.StrengthChange{{ID: "T", Then: 1, Now: 4}})
	rvCheck(t, "weakened (window)", r.Weakened, []discovery.StrengthChange{{ID: "P", Then: 4, Now: 1.5}})
}

// TestReviewGroup reviews the group F, A, D, E, X (10 pairs) on the contacts layer.
//
//	then  ties F-A, D-E: density 2/10; degrees F1 A1 D1 E1 X0: isolated [X];
//	      centralisation Σ(1-d) = 1 over (k-1)(k-2) = 12: 1/12;
//	      cross-sector F-A (ngo/gov), D-E (gov/NGO): 2/2 = 1
//	now   adds F-E and F-X: density 4/10; degrees F3 A1 D1 E2 X1: isolated [];
//	      centralisation (0+2+2+1+2)/12 = 7/12;
//	      cross-sector: F-E is ngo/NGO, the same sector: 3/4
//
// PageRank concentration is score.Gini and the top share of the members' PageRank, checked
// against score.PageRank on each side's network.
func TestReviewGroup(t *testing.T) {
	rv, err := discovery.NewReviewer(reviewData(), reviewConfig())
	if err != nil {
		t.Fatal(err)
	}
	members := []string{"F", "A", "D", "E", "X", "A"}
	g, err := rv.Group(members)
	if err != nil {
		t.Fatal(err)
	}
	rvCheck(t, "group", g.Group, []string{"F", "A", "D", "E", "X"})
	rvCheck(t, "density", g.Density, discovery.Change{Then: 0.2, Now: 0.4})
	rvCheck(t, "isolated", g.Isolated, discovery.IsolatedMembers{Then: []string{"X"}, Now: []string{}})
	if !rvNear(g.Centralization.Then, 1.0/12) || !rvNear(g.Centralization.Now, 7.0/12) {
		t.Errorf("centralization %+v, want 1/12 -> 7/12", g.Centralization)
	}
	rvCheck(t, "cross-sector share", g.CrossSectorShare, discovery.Change{Then: 1, Now: 0.75})
	for _, s := range []struct {
		name string
		n    *graph.Network
		gini float64
		top  float64
	}{{"then", rv.Then(), g.GiniPageRank.Then, g.TopShare.Then}, {"now", rv.Now(), g.GiniPageRank.Now, g.TopShare.Now}} {
		pr, err := score.PageRank(s.n, score.Config{})
		if err != nil {
			t.Fatal(err)
		}
		var xs []float64
		sum, best := 0.0, 0.0
		for _, id := range g.Group {
			i, _ := s.n.Index(id)
			xs = append(xs, pr[i])
			sum += pr[i]
			best = max(best, pr[i])
		}
		if !rvNear(s.gini, score.Gini(xs)) || !rvNear(s.top, best/sum) {
			t.Errorf("%s: gini %v top share %v, want %v %v", s.name, s.gini, s.top, score.Gini(xs), best/sum)
		}
	}
}

// TestReviewJoiner reviews Z, who first appears in 2022: it has nothing at then (measures
// NaN, written as null) and gains D.
func TestReviewJoiner(t *testing.T) {
	r, err := discovery.Review(reviewData(), "Z", reviewConfig())
	if err != nil {
		t.Fatal(err)
	}
	rvCheck(t, "gained", r.Gained, rvPS("D", 1))
	rvCheck(t, "reach then", r.Reach.Then, discovery.ReachSide{})
	rvCheck(t, "recommended", r.FollowThrough.Recommended, []string{})
	rvCheck(t, "new network share", r.Reach.NewNetworkShare, 1.0)
	if !math.IsNaN(r.Measures.PageRank.Then) || math.IsNaN(r.Measures.PageRank.Now) {
		t.Errorf("pagerank %+v, want NaN at then only", r.Measures.PageRank)
	}
	b, err := json.Marshal(r.Measures.Degree)
	if err != nil {
		t.Fatal(err)
	}
	// 9 actors at now, Z has one tie: 1/8; degrees F6 A2 B1 C1 D2 E2 X1 Y2 Z1: 4 of 9 <= 1.
	rvCheck(t, "degree JSON", string(b), `{"then":null,"now":0.125,"percentile_then":null,"percentile_now":0.4444444444444444}`)
	if len(r.Notes) != 1 || !strings.Contains(r.Notes[0], "not in the network at 2020-12-31") {
		t.Errorf("notes %q", r.Notes)
	}
}

// TestReviewMeasures checks that the measures are those of package score on the partner
// layer of each side, and their percentiles.
func TestReviewMeasures(t *testing.T) {
	rv, err := discovery.NewReviewer(reviewData(), reviewConfig())
	if err != nil {
		t.Fatal(err)
	}
	r, err := rv.Review("F")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		name string
		n    *graph.Network
		pick func(m discovery.Measure) (float64, float64)
	}{
		{"then", rv.Then(), func(m discovery.Measure) (float64, float64) { return m.Then, m.PercentileThen }},
		{"now", rv.Now(), func(m discovery.Measure) (float64, float64) { return m.Now, m.PercentileNow }},
	} {
		c := score.Config{}
		bc, _ := score.Betweenness(s.n, c)
		pr, _ := score.PageRank(s.n, c)
		i, _ := s.n.Index("F")
		for _, m := range []struct {
			name string
			got  discovery.Measure
			xs   []float64
		}{
			{"degree", r.Measures.Degree, score.Degree(s.n, c)},
			{"betweenness", r.Measures.Betweenness, bc},
			{"pagerank", r.Measures.PageRank, pr},
			{"constraint", r.Measures.Constraint, score.Constraint(s.n, c)},
			{"effective size", r.Measures.EffectiveSize, score.EffectiveSize(s.n, c)},
		} {
			v, p := s.pick(m.got)
			if !rvNear(v, m.xs[i]) || !rvNear(p, score.Percentile(m.xs, i)) {
				t.Errorf("%s %s = %v (percentile %v), want %v (%v)", s.name, m.name, v, p, m.xs[i], score.Percentile(m.xs, i))
			}
		}
	}
}

// TestReviewFollowThroughIsRank checks that the follow-through is exactly the ranking at
// then: discovery.Rank on the network built with AsOf = then and the same options.
func TestReviewFollowThroughIsRank(t *testing.T) {
	for _, window := range []time.Duration{0, rvYear} {
		c := reviewConfig()
		c.Window = window
		c.Rank = discovery.DefaultOptions()
		c.Rank.Top = 4
		r, err := discovery.Review(reviewData(), "F", c)
		if err != nil {
			t.Fatal(err)
		}
		n, err := graph.Build(reviewData(), graph.Options{AsOf: c.Then, Window: window})
		if err != nil {
			t.Fatal(err)
		}
		cands, err := discovery.Rank(n, "F", c.Rank)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, cd := range cands {
			want = append(want, cd.ID)
		}
		rvCheck(t, "recommended", r.FollowThrough.Recommended, want)
		now, _ := graph.Build(reviewData(), graph.Options{AsOf: c.Now, Window: window})
		f, _ := now.Index("F")
		realised := []string{}
		for _, id := range want {
			if j, ok := now.Index(id); ok && now.Weight(graph.Contacts, f, j) > 0 {
				realised = append(realised, id)
			}
		}
		rvCheck(t, "realised", r.FollowThrough.Realised, realised)
	}
}

func TestReviewMany(t *testing.T) {
	rv, err := discovery.NewReviewer(reviewData(), reviewConfig())
	if err != nil {
		t.Fatal(err)
	}
	if err := rv.Prepare(); err != nil {
		t.Fatal(err)
	}
	if got := rv.Config(); got.FadeBelow != discovery.DefaultFadeBelow || got.Factor != discovery.DefaultFactor {
		t.Errorf("resolved config %+v, want the default fade threshold and factor", got)
	}
	many, err := rv.ReviewMany([]string{"Y", "F", "A", "F"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for k, r := range many {
		got = append(got, r.Focal)
		one, err := rv.Review(r.Focal)
		if err != nil {
			t.Fatal(err)
		}
		a, _ := json.Marshal(one)
		b, _ := json.Marshal(many[k])
		if !bytes.Equal(a, b) {
			t.Errorf("ReviewMany(%s) differs from Review:\n%s\n%s", r.Focal, b, a)
		}
	}
	rvCheck(t, "focals", got, []string{"A", "F", "Y"})
	if _, err := rv.ReviewMany([]string{"F", "Q"}); err == nil {
		t.Error("ReviewMany with an unknown ID succeeded")
	}
}

// TestReviewDeterministic checks that two reviews of the same input, with 1 and 4 workers,
// give the same JSON, byte for byte.
func TestReviewDeterministic(t *testing.T) {
	c := reviewConfig()
	c.Rank = discovery.DefaultOptions()
	var out [2][]byte
	for k := range out {
		c.Rank.Workers = 1 + 3*k // the result does not depend on the number of workers
		r, err := discovery.ReviewMany(reviewData(), []string{"F", "Z", "D"}, c)
		if err != nil {
			t.Fatal(err)
		}
		g, err := discovery.ReviewGroup(reviewData(), []string{"F", "A", "D", "E", "X"}, c)
		if err != nil {
			t.Fatal(err)
		}
		if out[k], err = json.Marshal([]any{r, g}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Errorf("two runs differ:\n%s\n%s", out[0], out[1])
	}
}

func TestReviewErrors(t *testing.T) {
	for _, tc := range []struct {
		Name string
		Edit func(c *discovery.ReviewConfig)
		Want string
	}{
		{"no then", func(c *discovery.ReviewConfig) { c.Then = time.Time{} }, "needs a then date"},
		{"then after now", func(c *discovery.ReviewConfig) { c.Then, c.Now = c.Now, c.Then }, "then 2022-12-31 is not before now 2020-12-31"},
		{"then equals now", func(c *discovery.ReviewConfig) { c.Then = c.Now }, "is not before now"},
		{"then after the data", func(c *discovery.ReviewConfig) { c.Then, c.Now = rvDate(2023, 1, 1), time.Time{} }, "(the newest date in the data)"},
		{"negative window", func(c *discovery.ReviewConfig) { c.Window = -rvYear }, "negative window"},
		{"negative half-life", func(c *discovery.ReviewConfig) { c.HalfLife = -rvYear }, "negative half-life"},
		{"graph as-of", func(c *discovery.ReviewConfig) { c.Graph.AsOf = c.Now }, "not Graph.AsOf"},
		{"fade below 1", func(c *discovery.ReviewConfig) { c.FadeBelow = 1 }, "fade threshold"},
		{"factor 1", func(c *discovery.ReviewConfig) { c.Factor = 1 }, "change factor"},
		{"factor NaN", func(c *discovery.ReviewConfig) { c.Factor = math.NaN() }, "change factor"},
		{"bad rank options", func(c *discovery.ReviewConfig) { c.Rank.MinGoal = 2 }, "minimum goal overlap"},
		{"unknown exclude ID", func(c *discovery.ReviewConfig) { c.Rank.ExcludeIDs = []string{"Yy"} }, `unknown actor "Yy" (did you mean "Y"`},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			c := reviewConfig()
			tc.Edit(&c)
			_, err := discovery.Review(reviewData(), "F", c)
			if err == nil || !strings.Contains(err.Error(), tc.Want) {
				t.Errorf("error %v, want one containing %q", err, tc.Want)
			}
		})
	}

	rv, err := discovery.NewReviewer(reviewData(), reviewConfig())
	if err != nil {
		t.Fatal(err)
	}
	_, err = rv.Review("f")
	var u *discovery.UnknownIDError
	if !errors.As(err, &u) || u.ID != "f" || len(u.Suggestions) == 0 || u.Suggestions[0] != "F" {
		t.Errorf("unknown focal: %v, want an UnknownIDError suggesting F", err)
	}
	for _, tc := range []struct {
		Name    string
		Members []string
		Want    string
	}{
		{"empty", nil, "empty group"},
		{"one member", []string{"F", "F"}, "at least two"},
		{"unknown member", []string{"F", "Xx"}, `unknown actor "Xx"`},
	} {
		if _, err := rv.Group(tc.Members); err == nil || !strings.Contains(err.Error(), tc.Want) {
			t.Errorf("%s: error %v, want one containing %q", tc.Name, err, tc.Want)
		}
	}
	if _, err := discovery.Review(nil, "F", reviewConfig()); err == nil {
		t.Error("nil dataset accepted")
	}
}
