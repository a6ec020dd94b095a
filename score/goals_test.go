package score_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

func h4Build(t testing.TB, d *graph.Dataset) *graph.Network {
	t.Helper()
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func h4Index(t testing.TB, n *graph.Network, id string) int {
	t.Helper()
	i, ok := n.Index(id)
	if !ok {
		t.Fatalf("no actor %q", id)
	}
	return i
}

// TestProfilesDeclared checks goal overlap on three actors with declared goals only.
//
//	x: climate, water      y: climate, health      z: climate, education, water
//
// N = 3 actors with interests, idf(t) = ln((N+1)/(df+1)):
//
//	climate   df 3  idf ln(4/4) = 0
//	water     df 2  idf ln(4/3) = 0.28768...
//	health    df 1  idf ln(4/2) = ln 2 = 0.69314...
//	education df 1  idf ln 2
//
// Every tf is 1, so v = idf:
//
//	Overlap(x, z) = ln(4/3)² / (ln(4/3) · √(ln(4/3)² + ln(2)²)) = ln(4/3)/√(ln(4/3)² + ln(2)²) ≈ 0.38333
//	Overlap(x, y) = 0 (they share only climate, idf 0)
//	Overlap(x, x) = 1
//	Jaccard(x, y) = |{climate}| / |{climate, water, health}| = 1/3
//	Jaccard(x, z) = 2/3
//	Shared(x, z) = [water climate] (water has the higher idf)
//	Related(x) = [z] (through water; climate, held by all, is skipped); Related(y) = []
func TestProfilesDeclared(t *testing.T) {
	n := h4Build(t, &graph.Dataset{Actors: []graph.Actor{
		{ID: "x", Goals: []string{"climate", "water"}, Profile: true},
		{ID: "y", Goals: []string{"climate", "health"}, Profile: true},
		{ID: "z", Goals: []string{"climate", "education", "water"}, Profile: true},
		{ID: "q", Profile: true}, // no interests: does not count in N
	}})
	p := score.NewProfiles(n, score.InterestConfig{})
	x, y, z, q := h4Index(t, n, "x"), h4Index(t, n, "y"), h4Index(t, n, "z"), h4Index(t, n, "q")
	l43, l2 := math.Log(4.0/3), math.Log(2)
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"Overlap(x,z)", p.Overlap(x, z), l43 / math.Sqrt(l43*l43+l2*l2)},
		{"Overlap(z,x)", p.Overlap(z, x), l43 / math.Sqrt(l43*l43+l2*l2)},
		{"Overlap(x,y)", p.Overlap(x, y), 0},
		{"Overlap(x,x)", p.Overlap(x, x), 1},
		{"Overlap(x,q)", p.Overlap(x, q), 0},
		{"Jaccard(x,y)", p.Jaccard(x, y), 1.0 / 3},
		{"Jaccard(x,z)", p.Jaccard(x, z), 2.0 / 3},
		{"Jaccard(q,q)", p.Jaccard(q, q), 0},
	} {
		if math.Abs(tc.got-tc.want) > 1e-15 {
			t.Errorf("%s = %.17g, want %.17g", tc.name, tc.got, tc.want)
		}
	}
	if got := p.Shared(x, z); !slices.Equal(got, []string{"water", "climate"}) {
		t.Errorf("Shared(x, z) = %q", got)
	}
	if got := p.Shared(x, q); got != nil {
		t.Errorf("Shared(x, q) = %q, want nil", got)
	}
	if got := p.Related(x); !slices.Equal(got, []int32{int32(z)}) {
		t.Errorf("Related(x) = %v, want [%d]", got, z)
	}
	if got := p.Related(y); len(got) != 0 {
		t.Errorf("Related(y) = %v, want none", got)
	}
	if got := p.Goals(z); !slices.Equal(got, []string{"climate", "education", "water"}) {
		t.Errorf("Goals(z) = %q (declared order)", got)
	}
}

// TestProfilesEvents checks interests taken from attended events.
//
//	x: goal water          y: goals health, education
//	w: no goals; attended E1 (topics water, health) and E2 (topic water)
//
// w's term weights with EventTopicWeight 0.5: water is seen at 2 events, health at 1:
//
//	tf_w(water)  = 0.5 · log2(1+2) = 0.79248...
//	tf_w(health) = 0.5 · log2(1+1) = 0.5
//
// N = 3; water df 2 (x, w), health df 2 (w, y), education df 1:
// idf(water) = idf(health) = ln(4/3), idf(education) = ln 2.
//
//	Overlap(x, w) = tf_w(water) / √(tf_w(water)² + tf_w(health)²)        (the idfs cancel)
//	EventOverlap(x, E2) = 1 (both are just water)
//	EventOverlap(y, E1) = ln(4/3)² / (√(ln(4/3)² + ln(2)²) · √2 ln(4/3))
//	Goals(w) = [water health] (higher weight first)
//
// With EventTopicWeight < 0 events are ignored: w has no interests, N = 2, and
// Overlap(x, w) = 0.
func TestProfilesEvents(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "x", Goals: []string{"water"}, Profile: true},
			{ID: "y", Goals: []string{"health", "education"}, Profile: true},
		},
		Attendance: []graph.Attendance{{Actor: "w", Event: "E1"}, {Actor: "w", Event: "E2"}},
		Events: []graph.Event{
			{ID: "E1", Topics: []string{"water", "health"}},
			{ID: "E2", Topics: []string{"water"}},
		},
	}
	n := h4Build(t, d)
	p := score.NewProfiles(n, score.InterestConfig{EventTopicWeight: 0.5})
	x, y, w := h4Index(t, n, "x"), h4Index(t, n, "y"), h4Index(t, n, "w")
	e1, _ := n.EventIndex("E1")
	e2, _ := n.EventIndex("E2")
	tw, th := 0.5*math.Log2(3), 0.5
	l43, l2 := math.Log(4.0/3), math.Log(2)
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"Overlap(x,w)", p.Overlap(x, w), tw / math.Sqrt(tw*tw+th*th)},
		{"EventOverlap(x,E2)", p.EventOverlap(x, e2), 1},
		{"EventOverlap(y,E1)", p.EventOverlap(y, e1), l43 * l43 / (math.Sqrt(l43*l43+l2*l2) * math.Sqrt2 * l43)},
		{"EventOverlap(x,E1)", p.EventOverlap(x, e1), 1 / math.Sqrt2},
	} {
		if math.Abs(tc.got-tc.want) > 1e-15 {
			t.Errorf("%s = %.17g, want %.17g", tc.name, tc.got, tc.want)
		}
	}
	if got := p.Goals(w); !slices.Equal(got, []string{"water", "health"}) {
		t.Errorf("Goals(w) = %q", got)
	}
	// The default (zero) config is EventTopicWeight 0.5.
	if def := score.NewProfiles(n, score.InterestConfig{}); def.Overlap(x, w) != p.Overlap(x, w) {
		t.Errorf("default config: Overlap(x,w) = %v, want %v", def.Overlap(x, w), p.Overlap(x, w))
	}
	off := score.NewProfiles(n, score.InterestConfig{EventTopicWeight: -1})
	if got := off.Overlap(x, w); got != 0 {
		t.Errorf("events ignored: Overlap(x,w) = %v, want 0", got)
	}
	if got := off.Goals(w); got != nil {
		t.Errorf("events ignored: Goals(w) = %q, want nil", got)
	}
}

// TestProfilesDecay checks that decayed events count with their decay factor: an event a
// half-life old counts as c = 1/2, so tf = 0.5·log2(1.5).
func TestProfilesDecay(t *testing.T) {
	day := func(s string) time.Time {
		tm, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	d := &graph.Dataset{
		Actors: []graph.Actor{{ID: "x", Goals: []string{"health"}, Profile: true}},
		Attendance: []graph.Attendance{
			{Actor: "w", Event: "old", Date: day("2024-01-01")},
			{Actor: "w", Event: "new", Date: day("2024-01-11")},
		},
		Events: []graph.Event{
			{ID: "old", Date: day("2024-01-01"), Topics: []string{"health"}},
			{ID: "new", Date: day("2024-01-11"), Topics: []string{"water"}},
		},
	}
	n, err := graph.Build(d, graph.Options{HalfLife: 10 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	// w saw health at the old event (c = 1/2) and water at the new one (c = 1):
	// tf_w(health) = 0.5·log2(1.5) ≈ 0.29 < tf_w(water) = 0.5·log2(2) = 0.5. Without decay
	// both would be 0.5 and the tie would put health (tag order) first.
	p := score.NewProfiles(n, score.InterestConfig{})
	w := h4Index(t, n, "w")
	if got := p.Goals(w); !slices.Equal(got, []string{"water", "health"}) {
		t.Errorf("Goals(w) = %q, want water (fresh) before health (decayed)", got)
	}
	// N = 2 (x and w). health is held by both: idf ln(3/3) = 0; water by w only:
	// idf ln(3/2). So w's weighted vector is water alone and its cosine with the water
	// event is 1.
	eNew, _ := n.EventIndex("new")
	if got := p.EventOverlap(w, eNew); math.Abs(got-1) > 1e-15 {
		t.Errorf("EventOverlap(w, new) = %v, want 1", got)
	}
}

// TestProfilesHepTh checks on real data (arXiv hep-th co-authorship, no declared goals:
// interests come only from the topics of each author's papers) that co-authors have a
// higher mean goal overlap than random pairs of authors. Both means are computed here
// from the data; the check fails if Overlap does not reflect shared topics.
func TestProfilesHepTh(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the hep-th data")
	}
	n := h4Load(t, "hepth")
	p := score.NewProfiles(n, score.InterestConfig{})
	var co, coJ float64
	pairs := 0
	for i := range n.Len() {
		nb, _ := n.Neighbors(graph.Events, i)
		for _, j := range nb {
			if int(j) > i {
				co += p.Overlap(i, int(j))
				coJ += p.Jaccard(i, int(j))
				pairs++
			}
		}
	}
	if pairs == 0 {
		t.Fatal("no co-author pairs")
	}
	co /= float64(pairs)
	coJ /= float64(pairs)
	r := rand.New(rand.NewPCG(1, 1))
	var rnd, rndJ float64
	const samples = 20000
	for k := 0; k < samples; {
		i, j := r.IntN(n.Len()), r.IntN(n.Len())
		if i == j || n.Weight(graph.Events, i, j) > 0 {
			continue
		}
		rnd += p.Overlap(i, j)
		rndJ += p.Jaccard(i, j)
		k++
	}
	rnd /= samples
	rndJ /= samples
	t.Logf("hep-th: %d co-author pairs, mean overlap %.4f (Jaccard %.4f); random pairs %.4f (Jaccard %.4f)",
		pairs, co, coJ, rnd, rndJ)
	if !(co > 2*rnd) {
		t.Errorf("co-authors' mean overlap %.4f is not clearly above random pairs' %.4f", co, rnd)
	}
	if !(coJ > rndJ) {
		t.Errorf("co-authors' mean Jaccard %.4f is not above random pairs' %.4f", coJ, rndJ)
	}
	// Related is consistent with Overlap: a co-author shares at least the topics of the
	// joint paper, so (unless all of them are held by everyone) is related.
	i := 0
	for n.Degree(graph.Events, i) == 0 {
		i++
	}
	rel := p.Related(i)
	nb, _ := n.Neighbors(graph.Events, i)
	for _, j := range nb {
		if _, ok := slices.BinarySearch(rel, j); !ok && p.Overlap(i, int(j)) > 0 {
			t.Errorf("co-author %s of %s has overlap %v but is not in Related", n.ID(int(j)), n.ID(i), p.Overlap(i, int(j)))
		}
	}
	for _, j := range rel {
		if p.Jaccard(i, int(j)) == 0 {
			t.Errorf("Related(%s) lists %s, which shares no tag", n.ID(i), n.ID(int(j)))
		}
	}
}

// TestProfilesDeterministic builds the profiles twice and compares.
func TestProfilesDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the hep-th data")
	}
	n := h4Load(t, "hepth")
	a := score.NewProfiles(n, score.InterestConfig{})
	b := score.NewProfiles(n, score.InterestConfig{})
	for i := 0; i < n.Len(); i += 37 {
		j := (i * 7919) % n.Len()
		if a.Overlap(i, j) != b.Overlap(i, j) || !slices.Equal(a.Shared(i, j), b.Shared(i, j)) ||
			!slices.Equal(a.Goals(i), b.Goals(i)) || !slices.Equal(a.Related(i), b.Related(i)) {
			t.Fatalf("profiles differ for %s, %s", n.ID(i), n.ID(j))
		}
	}
}

func TestInterestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		w  float64
		ok bool
	}{{0, true}, {0.5, true}, {-1, true}, {math.NaN(), false}, {math.Inf(1), false}} {
		if err := (score.InterestConfig{EventTopicWeight: tc.w}).Validate(); (err == nil) != tc.ok {
			t.Errorf("Validate(%v) = %v", tc.w, err)
		}
	}
}
