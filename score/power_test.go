package score_test

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

func TestGini(t *testing.T) {
	for _, tc := range []struct {
		name string
		xs   []float64
		want float64
	}{
		// Pairs of 1,2,3,4 differ by 1,2,3,1,2,1 (sum 10, 20 over ordered pairs);
		// mean absolute difference 20/16 = 1.25, mean 2.5: G = 1.25/5 = 0.25.
		{"1..4", []float64{4, 1, 3, 2}, 0.25},
		// One holds all of 4: ordered differences 6·1 = 6, MAD 6/16, mean 1/4: G = 3/4.
		{"one holds all", []float64{0, 0, 1, 0}, 0.75},
		{"equal", []float64{3, 3, 3}, 0},
		{"single", []float64{5}, 0},
		{"empty", nil, 0},
		{"all zero", []float64{0, 0}, 0},
		// NaN ignored: G(1, 3) = (2·2)/(4) / (2·2) = 0.25.
		{"NaN ignored", []float64{1, math.NaN(), 3}, 0.25},
		// Capacities 10,10,10,70: ordered differences 6·60 = 360, MAD 360/16 = 22.5,
		// mean 25: G = 22.5/50 = 0.45.
		{"10,10,10,70", []float64{10, 70, 10, 10}, 0.45},
	} {
		if got := score.Gini(tc.xs); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("%s: Gini = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func h4Contacts(t testing.TB, actors []graph.Actor, ties ...[2]string) *graph.Network {
	t.Helper()
	d := &graph.Dataset{Actors: actors}
	for _, e := range ties {
		d.Contacts = append(d.Contacts, graph.Contact{Source: e[0], Target: e[1], Weight: 1})
	}
	return h4Build(t, d)
}

// TestGatekeeping checks Gatekeeping by hand on small graphs.
func TestGatekeeping(t *testing.T) {
	// Path a-b-c-d, plus an isolate z.
	//   g(a,b): a reaches b, c, d; other than b: c, d, both through b -> 2/2 = 1
	//   g(a,c): other than c: b, d; d is through c -> 1/2
	//   g(b,c): other than c: a, d; d through c -> 1/2
	//   g(b,a): other than a: c, d; none through a -> 0
	//   g(a,z) = 0 (unreachable), g(z,a) = 0 (z reaches nobody), g(a,a) = 0
	path := h4Contacts(t, []graph.Actor{{ID: "z"}}, [2]string{"a", "b"}, [2]string{"b", "c"}, [2]string{"c", "d"})
	// 4-cycle a-b-c-d-a: from a, c is at distance 2 by two paths (via b and via d).
	//   g(a,b): other than b: c, d; c has half its paths through b -> (1/2)/2 = 1/4
	//   g(a,c) = 0 (c is farthest)
	cycle := h4Contacts(t, nil, [2]string{"a", "b"}, [2]string{"b", "c"}, [2]string{"c", "d"}, [2]string{"d", "a"})
	// Star with centre s and leaves x, y, w: g(x,s) = 2/2 = 1, g(s,x) = 0.
	star := h4Contacts(t, nil, [2]string{"s", "x"}, [2]string{"s", "y"}, [2]string{"s", "w"})
	for _, tc := range []struct {
		name string
		n    *graph.Network
		a, b string
		want float64
	}{
		{"path", path, "a", "b", 1},
		{"path", path, "a", "c", 0.5},
		{"path", path, "b", "c", 0.5},
		{"path", path, "b", "a", 0},
		{"path", path, "a", "z", 0},
		{"path", path, "z", "a", 0},
		{"path", path, "a", "a", 0},
		{"cycle", cycle, "a", "b", 0.25},
		{"cycle", cycle, "a", "c", 0},
		{"star", star, "x", "s", 1},
		{"star", star, "s", "x", 0},
	} {
		p, err := score.NewPower(tc.n, score.Config{}, score.Thresholds{})
		if err != nil {
			t.Fatal(err)
		}
		// Twice, to exercise the pooled scratch being reset.
		for range 2 {
			if got := p.Gatekeeping(h4Index(t, tc.n, tc.a), h4Index(t, tc.n, tc.b)); math.Abs(got-tc.want) > 1e-15 {
				t.Errorf("%s: Gatekeeping(%s, %s) = %v, want %v", tc.name, tc.a, tc.b, got, tc.want)
			}
		}
	}
}

// TestGroup checks Group on a star and on a path.
//
// Star s-x, s-y, s-w (k = 4, n = 4), PageRank with α = 0.85 by hand: by symmetry every leaf
// has PR_l and the centre PR_c = 1 - 3 PR_l;
//
//	PR_c = 0.15/4 + 0.85·3·PR_l  =>  1 - 3 PR_l = 0.0375 + 2.55 PR_l  =>  PR_l = 0.9625/5.55
//
// TopShare = PR_c / 1 = 1 - 3·0.9625/5.55 ≈ 0.4797 (below 0.5: no top-share flag with the
// defaults). Gini of (l, l, l, c) = (-3l - l + l + 3c)/(4·1) = 3(c - l)/4.
// Induced degrees 3, 1, 1, 1: centralisation (2+2+2)/(3·2) = 1 -> flag, high, hub s.
// Capacities 70 (s), 10, 10, 10: Gini 0.45 -> flag (>= 0.4), low (medium from 0.6).
//
// Path a-b-c-d: induced degrees 1, 2, 2, 1: centralisation (1+0+0+1)/(3·2) = 1/3.
func TestGroup(t *testing.T) {
	caps := func(id string, c float64) graph.Actor {
		return graph.Actor{ID: id, Capacity: c, HasCapacity: true, Profile: true}
	}
	star := h4Contacts(t, []graph.Actor{caps("s", 70), caps("x", 10), caps("y", 10), caps("w", 10)},
		[2]string{"s", "x"}, [2]string{"s", "y"}, [2]string{"s", "w"})
	p, err := score.NewPower(star, score.Config{}, score.DefaultThresholds())
	if err != nil {
		t.Fatal(err)
	}
	ix := func(n *graph.Network, ids ...string) []int {
		var out []int
		for _, id := range ids {
			out = append(out, h4Index(t, n, id))
		}
		return out
	}
	g := p.Group(ix(star, "x", "s", "y", "w", "x")) // duplicate x dropped
	pl := 0.9625 / 5.55
	pc := 1 - 3*pl
	if !slices.Equal(g.Members, []string{"x", "s", "y", "w"}) {
		t.Errorf("Members = %q", g.Members)
	}
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"TopShare", g.TopShare, pc},
		{"GiniPageRank", g.GiniPageRank, 3 * (pc - pl) / 4},
		{"GiniCapacity", g.GiniCapacity, 0.45},
		{"Centralization", g.Centralization, 1},
	} {
		if math.Abs(tc.got-tc.want) > 1e-9 {
			t.Errorf("star: %s = %.12g, want %.12g", tc.name, tc.got, tc.want)
		}
	}
	var kinds []string
	for _, f := range g.Flags {
		if f.Kind != score.ConcentratedPower {
			t.Errorf("group flag kind %q", f.Kind)
		}
		kinds = append(kinds, fmt.Sprintf("%s/%.2f/%s/%s", f.Severity, f.Threshold, f.Advantage, f.Detail))
	}
	want := []string{
		"low/0.40//capacity is unevenly spread within the group (Gini 0.45)",
		"high/0.50/s/the group's ties are centralised on s (degree centralisation 1.00)",
	}
	if !slices.Equal(kinds, want) {
		t.Errorf("star flags:\n got %q\nwant %q", kinds, want)
	}
	// A lower top-share threshold flags the centre.
	p2, err := score.NewPower(star, score.Config{}, score.Thresholds{TopShare: 0.4})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range p2.Group(ix(star, "s", "x", "y", "w")).Flags {
		if f.Threshold == 0.4 && f.Advantage == "s" {
			found = true
		}
	}
	if !found {
		t.Error("TopShare 0.4: no top-share flag for s")
	}

	path := h4Contacts(t, nil, [2]string{"a", "b"}, [2]string{"b", "c"}, [2]string{"c", "d"})
	pp, err := score.NewPower(path, score.Config{}, score.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	if got := pp.Group(ix(path, "a", "b", "c", "d")).Centralization; math.Abs(got-1.0/3) > 1e-15 {
		t.Errorf("path: Centralization = %v, want 1/3", got)
	}
	if got := pp.Group(ix(path, "a", "b")); got.Centralization != 0 || len(got.Flags) != 0 {
		t.Errorf("pair group: %+v, want centralisation 0 and no flags", got)
	}
	if got := pp.Group(nil); got.TopShare != 0 || got.GiniPageRank != 0 || len(got.Members) != 0 {
		t.Errorf("empty group: %+v", got)
	}
}

// TestPowerFlorentine checks the flags on Padgett's Florentine marriage network, capacity =
// wealth (1000s of lira). Expected values, from outside the code under test:
//
//   - PageRank: networkx goldens (testdata/golden/florentine.csv): medici 0.14437347029473876,
//     acciaiuoli 0.030353898390724141, pazzi 0.035696903193893431: ratios 4.756 and 4.044,
//     both >= 3 (low; medium from 6).
//   - capacity: medici 103, acciaiuoli 10: ratio 10.3 >= 5, medium (>= 10, high from 20);
//     pazzi 48: ratio 2.1, no flag.
//   - acciaiuoli's only tie is medici (degree 6): c_am = 1² = 1, c_ma = (1/6)² = 1/36,
//     gap 35/36 = 0.972 >= 0.25, high (>= 0.75). Every path out of acciaiuoli runs through
//     medici: gatekeeping 1, high.
//   - pazzi's only tie is salviati, whose other tie is medici: c_pm = (1·1/2)² = 1/4,
//     c_mp = (1/6·1/2)² = 1/144, gap 0.243 < 0.25: no dependence flag. Pazzi reaches 14
//     families, 13 other than medici; all but salviati lie beyond medici (the network
//     falls apart without medici): gatekeeping 12/13 = 0.923, high (>= 5/6).
func TestPowerFlorentine(t *testing.T) {
	n := h4Load(t, "florentine")
	p, err := score.NewPower(n, score.Config{}, score.DefaultThresholds())
	if err != nil {
		t.Fatal(err)
	}
	ix := func(id string) int { return h4Index(t, n, id) }
	type fl struct {
		kind, sev, adv string
		value          float64
	}
	got := func(a, b string) []fl {
		var out []fl
		for _, f := range p.Pair(ix(a), ix(b)) {
			out = append(out, fl{f.Kind, f.Severity, f.Advantage, f.Value})
		}
		return out
	}
	pr := h4Golden(t, "florentine", "pagerank")
	for _, tc := range []struct {
		a, b string
		want []fl
	}{
		{"acciaiuoli", "medici", []fl{
			{score.StructuralDominance, score.Low, "medici", pr["medici"] / pr["acciaiuoli"]},
			{score.ResourceAsymmetry, score.Medium, "medici", 10.3},
			{score.Dependence, score.High, "medici", 35.0 / 36},
			{score.Gatekeeper, score.High, "medici", 1},
		}},
		{"pazzi", "medici", []fl{
			{score.StructuralDominance, score.Low, "medici", pr["medici"] / pr["pazzi"]},
			{score.Gatekeeper, score.High, "medici", 12.0 / 13},
		}},
	} {
		for _, order := range [][2]string{{tc.a, tc.b}, {tc.b, tc.a}} {
			g := got(order[0], order[1])
			ok := len(g) == len(tc.want)
			for k := 0; ok && k < len(g); k++ {
				w := tc.want[k]
				ok = g[k].kind == w.kind && g[k].sev == w.sev && g[k].adv == w.adv && math.Abs(g[k].value-w.value) <= 1e-9
			}
			if !ok {
				t.Errorf("Pair(%s, %s):\n got %v\nwant %v", order[0], order[1], g, tc.want)
			}
		}
	}
	// Every family whose only tie is to the Medici depends on them.
	m := ix("medici")
	for i := range n.Len() {
		nb, _ := n.Neighbors(graph.Contacts, i)
		if len(nb) != 1 || int(nb[0]) != m {
			continue
		}
		dep := false
		for _, f := range p.Pair(i, m) {
			dep = dep || (f.Kind == score.Dependence && f.Advantage == "medici")
		}
		if !dep {
			t.Errorf("%s: only tie is medici but no dependence flag", n.ID(i))
		}
	}
	// Flags are JSON-encodable (no Inf/NaN).
	if _, err := json.Marshal(p.Pair(ix("acciaiuoli"), ix("medici"))); err != nil {
		t.Error(err)
	}
}

func TestResourceZeroCapacity(t *testing.T) {
	n := h4Contacts(t, []graph.Actor{
		{ID: "big", Capacity: 100, HasCapacity: true, Profile: true},
		{ID: "none", Capacity: 0, HasCapacity: true, Profile: true},
		{ID: "unknown", Profile: true},
	}, [2]string{"big", "none"}, [2]string{"none", "unknown"}, [2]string{"unknown", "big"})
	p, err := score.NewPower(n, score.Config{}, score.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	var res []score.Flag
	for _, f := range p.Pair(h4Index(t, n, "none"), h4Index(t, n, "big")) {
		if f.Kind == score.ResourceAsymmetry {
			res = append(res, f)
		}
	}
	if len(res) != 1 || res[0].Advantage != "big" || res[0].Severity != score.High || res[0].Value != math.MaxFloat64 {
		t.Errorf("zero capacity: %+v", res)
	}
	if _, err := json.Marshal(res); err != nil {
		t.Error(err)
	}
	for _, f := range p.Pair(h4Index(t, n, "unknown"), h4Index(t, n, "big")) {
		if f.Kind == score.ResourceAsymmetry {
			t.Errorf("capacity unknown on one side, yet %+v", f)
		}
	}
}

func TestCompetitorFlag(t *testing.T) {
	n := h4Build(t, &graph.Dataset{Actors: []graph.Actor{
		{ID: "a", Name: "Alpha", Sector: "ngo", Profile: true},
		{ID: "b", Name: "Beta", Sector: "NGO ", Profile: true},
		{ID: "c", Sector: "business", Profile: true},
		{ID: "d", Profile: true},
	}})
	a, b, c, d := h4Index(t, n, "a"), h4Index(t, n, "b"), h4Index(t, n, "c"), h4Index(t, n, "d")
	def := score.DefaultThresholds()
	for _, tc := range []struct {
		name      string
		x, y      int
		ov, compl float64
		want      bool
		sev       string
	}{
		{"same sector, overlap, no complement", a, b, 0.9, 0.1, true, score.High}, // 0.9 >= 0.5 + 2·0.5/3
		{"at thresholds", a, b, 0.5, 0.2, true, score.Low},
		{"medium", a, b, 0.7, 0, true, score.Medium},
		{"low overlap", a, b, 0.49, 0.1, false, ""},
		{"complementary", a, b, 0.9, 0.21, false, ""},
		{"other sector", a, c, 0.9, 0.1, false, ""},
		{"unknown sector", d, d, 0.9, 0.1, false, ""},
		{"NaN overlap", a, b, math.NaN(), 0.1, false, ""},
	} {
		f, ok := score.CompetitorFlag(n, tc.x, tc.y, tc.ov, tc.compl, def)
		if ok != tc.want || (ok && (f.Kind != score.Competitor || f.Severity != tc.sev || f.Value != tc.ov || f.Advantage != "")) {
			t.Errorf("%s: got %+v, %v", tc.name, f, ok)
		}
	}
	f, _ := score.CompetitorFlag(n, a, b, 0.9, 0.1, score.Thresholds{})
	want := "Alpha and Beta pursue similar goals (overlap 0.90) in the same sector (ngo) and bring each other little (complementarity 0.10)"
	if f.Detail != want {
		t.Errorf("Detail = %q", f.Detail)
	}
}

func TestThresholdsValidate(t *testing.T) {
	if err := score.DefaultThresholds().Validate(); err != nil {
		t.Error(err)
	}
	if err := (score.Thresholds{}).Validate(); err != nil {
		t.Error(err)
	}
	if err := (score.Thresholds{Gatekeeper: math.Inf(1)}).Validate(); err != nil {
		t.Errorf("+Inf (off): %v", err)
	}
	for _, bad := range []score.Thresholds{
		{Dominance: 0.5}, {Dominance: 1}, {Resource: -2}, {Gini: math.NaN()}, {Gatekeeper: 1.5},
		{TopShare: -0.1}, {Centralization: 2}, {Dependence: math.Inf(-1)},
	} {
		if err := bad.Validate(); err == nil {
			t.Errorf("%+v: no error", bad)
		}
	}
	n := h4Contacts(t, nil, [2]string{"a", "b"})
	if _, err := score.NewPower(n, score.Config{}, score.Thresholds{Dominance: 0.5}); err == nil {
		t.Error("NewPower accepted an invalid threshold")
	}
	if _, err := score.NewPower(n, score.Config{Alpha: 2}, score.Thresholds{}); err == nil {
		t.Error("NewPower accepted an invalid config")
	}
	// +Inf switches a flag off.
	p, err := score.NewPower(h4Contacts(t, nil, [2]string{"hub", "a"}, [2]string{"hub", "b"}, [2]string{"hub", "c"}),
		score.Config{}, score.Thresholds{Gatekeeper: math.Inf(1), Dominance: math.Inf(1), Dependence: math.Inf(1)})
	if err != nil {
		t.Fatal(err)
	}
	if f := p.Pair(0, 1); len(f) != 0 {
		t.Errorf("all flags off, got %+v", f)
	}
}

// TestPowerConcurrent runs Pair from several goroutines (sharing the pooled BFS scratch)
// and compares with a sequential run.
func TestPowerConcurrent(t *testing.T) {
	n := h4Load(t, "florentine")
	p, err := score.NewPower(n, score.Config{}, score.Thresholds{})
	if err != nil {
		t.Fatal(err)
	}
	N := n.Len()
	want := make([][]score.Flag, N*N)
	for k := range want {
		want[k] = p.Pair(k/N, k%N)
	}
	errs := make(chan string, 4)
	for g := range 4 {
		go func() {
			msg := ""
			for k := range want {
				k := (k + g*37) % len(want)
				if got := p.Pair(k/N, k%N); !slices.Equal(got, want[k]) {
					msg = fmt.Sprintf("Pair(%d, %d) differs under concurrency", k/N, k%N)
					break
				}
			}
			errs <- msg
		}()
	}
	for range 4 {
		if m := <-errs; m != "" {
			t.Error(m)
		}
	}
}
