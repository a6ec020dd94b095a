package score

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

// goldenCase is one golden file of testdata/golden (networkx 2.8.8 / igraph 0.10.2 / exact
// rational values, produced by testdata/golden/gen_networkx.py) and the input it describes.
type goldenCase struct {
	Name  string      // golden file without .csv
	Dir   string      // input directory for graph.LoadDir
	Layer graph.Layer // layer the golden values were computed on
}

var goldenCases = []goldenCase{
	{"karate", "../testdata/karate", graph.Contacts},
	{"florentine", "../testdata/florentine", graph.Contacts},
	{"davis_count", "../testdata/davis", graph.Events},
	{"random1", "../testdata/golden/random1", graph.Contacts},
	{"random2", "../testdata/golden/random2", graph.Contacts},
	{"random3", "../testdata/golden/random3", graph.Contacts},
}

// readGolden returns the columns of a golden file by header name, rows in actor-ID order,
// and the actor IDs.
func readGolden(t *testing.T, name string) (map[string][]float64, []string) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "golden", name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := make(map[string][]float64)
	var ids []string
	for _, r := range rows[1:] {
		ids = append(ids, r[0])
		for j, h := range rows[0][1:] {
			v, err := strconv.ParseFloat(r[j+1], 64)
			if err != nil {
				t.Fatalf("%s: %s %q: %v", name, h, r[j+1], err)
			}
			cols[h] = append(cols[h], v)
		}
	}
	return cols, ids
}

func loadGolden(t *testing.T, gc goldenCase) (*graph.Network, map[string][]float64) {
	t.Helper()
	n, err := graph.LoadDir(gc.Dir)
	if err != nil {
		t.Fatal(err)
	}
	cols, ids := readGolden(t, gc.Name)
	if !slices.Equal(ids, n.IDs()) {
		t.Fatalf("%s: actors %v, golden file has %v", gc.Name, n.IDs(), ids)
	}
	return n, cols
}

// near reports whether got and want agree to tol, absolute or relative.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	return scalar.EqualWithinAbsOrRel(got, want, tol, tol)
}

func checkSlice(t *testing.T, label string, ids []string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values, want %d", label, len(got), len(want))
	}
	bad := 0
	for i := range got {
		if !near(got[i], want[i], tol) {
			if bad < 5 {
				t.Errorf("%s: %s = %.17g, want %.17g (diff %.3g)", label, ids[i], got[i], want[i], got[i]-want[i])
			}
			bad++
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d values differ in all", label, bad)
	}
}

func TestCentralityGolden(t *testing.T) {
	type measure struct {
		col string
		fn  func(*graph.Network, Config) ([]float64, error)
		w   bool
	}
	noErr := func(f func(*graph.Network, Config) []float64) func(*graph.Network, Config) ([]float64, error) {
		return func(n *graph.Network, c Config) ([]float64, error) { return f(n, c), nil }
	}
	measures := []measure{
		{"degree_centrality", noErr(Degree), false},
		{"degree", noErr(Strength), false},
		{"strength", noErr(Strength), true},
		{"betweenness", Betweenness, false},
		{"betweenness_w_exact", Betweenness, true},
		{"closeness", Closeness, false},
		{"closeness_w", Closeness, true},
		{"harmonic", Harmonic, false},
		{"harmonic_w", Harmonic, true},
		{"eigenvector", Eigenvector, false},
		{"eigenvector_w", Eigenvector, true},
		{"pagerank", PageRank, false},
		{"pagerank_w", PageRank, true},
	}
	for _, gc := range goldenCases {
		t.Run(gc.Name, func(t *testing.T) {
			n, cols := loadGolden(t, gc)
			for _, m := range measures {
				want, ok := cols[m.col]
				if !ok {
					t.Errorf("golden file has no column %s", m.col)
					continue
				}
				got, err := m.fn(n, Config{Layer: gc.Layer, Weighted: m.w})
				if err != nil {
					t.Errorf("%s: %v", m.col, err)
					continue
				}
				checkSlice(t, m.col, n.IDs(), got, want, 1e-9)
			}
		})
	}
}

// TestBetweennessNetworkxMiscount checks that the weighted betweenness follows exact
// arithmetic where networkx's float comparison misses tied paths: on karate the golden README
// lists 8 actors where networkx and exact differ by up to 1.9e-3.
func TestBetweennessNetworkxMiscount(t *testing.T) {
	n, cols := loadGolden(t, goldenCases[0])
	got, err := Betweenness(n, Config{Weighted: true})
	if err != nil {
		t.Fatal(err)
	}
	differ := 0
	for i := range got {
		if !near(got[i], cols["betweenness_w_networkx"][i], 1e-9) {
			differ++
		}
	}
	if differ != 8 {
		t.Errorf("%d actors differ from networkx's miscounted values, want 8", differ)
	}
}

func TestCentralityHand(t *testing.T) {
	// Path a - b - c - d plus isolated e (n = 5).
	d := &graph.Dataset{
		Actors:   []graph.Actor{{ID: "e"}},
		Contacts: []graph.Contact{{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "c", Weight: 1}, {Source: "c", Target: "d", Weight: 1}},
	}
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ids := n.IDs()
	// b lies on a-c, a-d (ordered: 4 pairs); normalised by (n-1)(n-2) = 12: 4/12.
	bc, _ := Betweenness(n, Config{})
	checkSlice(t, "betweenness", ids, bc, []float64{0, 4.0 / 12, 4.0 / 12, 0, 0}, 1e-15)
	// a reaches 3 others at distances 1+2+3 = 6: (3/6)·(3/4) = 0.375; b: 1+1+2 = 4: (3/4)(3/4).
	cc, _ := Closeness(n, Config{})
	checkSlice(t, "closeness", ids, cc, []float64{0.375, 0.5625, 0.5625, 0.375, 0}, 1e-15)
	// a: 1 + 1/2 + 1/3; b: 1 + 1 + 1/2.
	hc, _ := Harmonic(n, Config{})
	checkSlice(t, "harmonic", ids, hc, []float64{1 + 0.5 + 1.0/3, 2.5, 2.5, 1 + 0.5 + 1.0/3, 0}, 1e-15)
	checkSlice(t, "degree", ids, Degree(n, Config{}), []float64{0.25, 0.5, 0.5, 0.25, 0}, 1e-15)
	// PageRank sums to 1; by symmetry a = d and b = c; e, an isolate, gets
	// (1-α)/n + α·D/n where D includes e itself: x_e = (0.15 + 0.85·x_e)/5 => x_e = 0.15/4.15.
	pr, err := PageRank(n, Config{})
	if err != nil {
		t.Fatal(err)
	}
	if s := pr[0] + pr[1] + pr[2] + pr[3] + pr[4]; !near(s, 1, 1e-12) {
		t.Errorf("pagerank sums to %v", s)
	}
	if !near(pr[4], 0.15/4.15, 1e-10) || pr[0] != pr[3] || pr[1] != pr[2] {
		t.Errorf("pagerank %v", pr)
	}
}

func TestCentralityEmptyAndSingle(t *testing.T) {
	n, err := graph.Build(&graph.Dataset{Actors: []graph.Actor{{ID: "solo"}}, Contacts: nil, Attendance: []graph.Attendance{{Actor: "solo", Event: "e1"}}}, graph.Options{})
	if err != nil {
		t.Skipf("single-actor network not buildable: %v", err)
	}
	for _, f := range []func(*graph.Network, Config) ([]float64, error){Betweenness, Closeness, Harmonic, Eigenvector, PageRank} {
		got, err := f(n, Config{})
		if err != nil || len(got) != 1 || math.IsNaN(got[0]) {
			t.Errorf("got %v, %v", got, err)
		}
	}
	if got := Degree(n, Config{}); got[0] != 1 {
		t.Errorf("degree of a single actor = %v, want 1 (networkx)", got)
	}
}

func TestNotConverged(t *testing.T) {
	n, err := graph.LoadDir("../testdata/karate")
	if err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]func(*graph.Network, Config) ([]float64, error){"eigenvector": Eigenvector, "pagerank": PageRank} {
		if _, err := f(n, Config{MaxIter: 2}); !errors.Is(err, ErrNotConverged) {
			t.Errorf("%s with 2 iterations: err = %v, want ErrNotConverged", name, err)
		}
	}
	if _, err := Betweenness(n, Config{Workers: -1}); err == nil {
		t.Error("negative workers accepted")
	}
}

// TestDeterminism checks that results are bit-identical for 1, 2 and 3 workers and across
// repeated runs, on a graph large enough to have many source blocks and several chunks.
func TestDeterminism(t *testing.T) {
	big, sm := 9000, 700 // several chunks of the power iterations; many source blocks
	if testing.Short() {
		big, sm = 4500, 300
	}
	n := mustBuild(t, synth.BarabasiAlbert(big, 3, 7, true))
	type fn = func(*graph.Network, Config) ([]float64, error)
	small := gnpNetwork(t, sm, 6.0/float64(sm), 3, true)
	for _, tc := range []struct {
		name string
		f    fn
		n    *graph.Network
	}{
		{"betweenness", Betweenness, small},
		{"closeness", Closeness, small},
		{"harmonic", Harmonic, small},
		{"eigenvector", Eigenvector, n},
		{"pagerank", PageRank, n},
	} {
		for _, w := range []bool{false, true} {
			var ref []float64
			for _, workers := range []int{1, 2, 3, 3} {
				got, err := tc.f(tc.n, Config{Weighted: w, Workers: workers})
				if err != nil {
					t.Fatal(err)
				}
				if ref == nil {
					ref = got
					continue
				}
				for i := range got {
					if math.Float64bits(got[i]) != math.Float64bits(ref[i]) {
						t.Errorf("%s weighted=%v workers=%d: actor %d = %v, 1 worker gave %v", tc.name, w, workers, i, got[i], ref[i])
						break
					}
				}
			}
		}
	}
}

func TestPercentile(t *testing.T) {
	xs := []float64{3, 1, 2, 2, math.NaN()}
	// values <= 3: 3,1,2,2 -> 4/5; <= 1: 1/5; <= 2: 3/5.
	want := []float64{0.8, 0.2, 0.6, 0.6}
	for i, w := range want {
		if got := Percentile(xs, i); got != w {
			t.Errorf("Percentile(%d) = %v, want %v", i, got, w)
		}
	}
	if !math.IsNaN(Percentile(xs, 4)) {
		t.Error("percentile of NaN is not NaN")
	}
}

// gnpNetwork builds a G(n, p) contacts network with weights in {1, ..., 5} from a fixed PCG
// seed, every actor listed (isolates included).
func gnpNetwork(tb testing.TB, n int, p float64, seed uint64, weights bool) *graph.Network {
	tb.Helper()
	d := synth.GNP(n, p, seed, weights)
	nw, err := graph.Build(d, graph.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return nw
}
