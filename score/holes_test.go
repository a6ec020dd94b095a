package score_test

import (
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// h4Golden reads one column of testdata/golden/<name>.csv (networkx values, see the
// README there), keyed by actor ID.
func h4Golden(t testing.TB, name, column string) map[string]float64 {
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
	col := -1
	for k, h := range rows[0] {
		if h == column {
			col = k
		}
	}
	if col < 0 {
		t.Fatalf("%s.csv: no column %q", name, column)
	}
	out := make(map[string]float64, len(rows)-1)
	for _, r := range rows[1:] {
		v, err := strconv.ParseFloat(r[col], 64)
		if err != nil {
			t.Fatalf("%s.csv: %v", name, err)
		}
		out[r[0]] = v
	}
	return out
}

// h4Graph is one golden graph: where to load it from and which layer the goldens use.
type h4Graph struct {
	golden, dir string
	layer       graph.Layer
}

var h4Graphs = []h4Graph{
	{"karate", "karate", graph.Contacts},
	{"florentine", "florentine", graph.Contacts},
	{"davis_count", "davis", graph.Events}, // co-attendance count projection
	{"random1", "golden/random1", graph.Contacts},
	{"random2", "golden/random2", graph.Contacts},
	{"random3", "golden/random3", graph.Contacts},
}

var (
	h4NetMu sync.Mutex
	h4Nets  = map[string]*graph.Network{}
)

// h4Load loads testdata/<dir> once per test binary.
func h4Load(t testing.TB, dir string) *graph.Network {
	t.Helper()
	h4NetMu.Lock()
	defer h4NetMu.Unlock()
	if n, ok := h4Nets[dir]; ok {
		return n
	}
	n, err := graph.LoadDir(filepath.Join("..", "testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	h4Nets[dir] = n
	return n
}

// h4Close reports whether got matches a networkx golden to 1e-9 (NaN only matches NaN).
func h4Close(got, want float64) bool {
	if math.IsNaN(want) || math.IsNaN(got) {
		return math.IsNaN(want) && math.IsNaN(got)
	}
	return math.Abs(got-want) <= 1e-9*math.Max(1, math.Abs(want))
}

func TestBurtGolden(t *testing.T) {
	measures := []struct {
		name   string
		column string
		fn     func(*graph.Network, score.Config) []float64
	}{
		{"constraint", "constraint", score.Constraint},
		{"effective_size", "effective_size", score.EffectiveSize},
	}
	for _, g := range h4Graphs {
		n := h4Load(t, g.dir)
		for _, m := range measures {
			for _, weighted := range []bool{false, true} {
				col := m.column
				if weighted {
					col += "_w"
				}
				t.Run(g.golden+"/"+col, func(t *testing.T) {
					want := h4Golden(t, g.golden, col)
					if len(want) != n.Len() {
						t.Fatalf("golden has %d actors, network %d", len(want), n.Len())
					}
					for _, workers := range []int{1, 3} {
						got := m.fn(n, score.Config{Layer: g.layer, Weighted: weighted, Workers: workers})
						for i, v := range got {
							if w, ok := want[n.ID(i)]; !ok || !h4Close(v, w) {
								t.Errorf("workers %d: %s = %.17g, networkx %.17g", workers, n.ID(i), v, w)
							}
						}
					}
				})
			}
		}
	}
}

// TestDyadicConstraintSums checks DyadicConstraint against the aggregate: Burt's constraint
// is the sum of the dyadic constraints over the actor's neighbours (the networkx
// definition), so summing DyadicConstraint must give the golden constraint.
func TestDyadicConstraintSums(t *testing.T) {
	for _, g := range h4Graphs {
		n := h4Load(t, g.dir)
		for _, weighted := range []bool{false, true} {
			col := "constraint"
			if weighted {
				col += "_w"
			}
			want := h4Golden(t, g.golden, col)
			c := score.Config{Layer: g.layer, Weighted: weighted}
			for i := range n.Len() {
				nb, _ := n.Neighbors(g.layer, i)
				if len(nb) == 0 {
					continue
				}
				sum := 0.0
				for _, j := range nb {
					sum += score.DyadicConstraint(n, c, i, int(j))
				}
				if !h4Close(sum, want[n.ID(i)]) {
					t.Errorf("%s %s: Σ_j c_ij = %.17g, networkx constraint %.17g", g.golden, n.ID(i), sum, want[n.ID(i)])
				}
			}
		}
	}
}

// TestDyadicConstraintHand checks c_ij on a small graph by hand.
//
// Triangle a-b-c plus pendant d on a (unweighted):
//
//	a: N = {b, c, d}, p_a· = 1/3;  b: N = {a, c}, p_b· = 1/2;  c: N = {a, b}; d: N = {a}
//	c_ab = (p_ab + p_ac p_cb)² = (1/3 + 1/3·1/2)² = (1/2)² = 1/4
//	c_ba = (p_ba + p_bc p_ca)² = (1/2 + 1/2·1/2)² = (3/4)² = 9/16   (p_ca = 1/deg(c) = 1/2)
//	c_da = (1 + 0)² = 1;  c_ad = (1/3)² = 1/9
//	c_bd = (0 + p_ba p_ad)² = (1/2·1/3)² = 1/36  (no tie, indirect only)
//	c_aa = 0 by definition; an isolate e has c_e· = 0.
//	Constraint(a) = 1/4 + 1/4 + 1/9 = 11/18; EffectiveSize(a) = 3 - 2·1/3 = 7/3.
func TestDyadicConstraintHand(t *testing.T) {
	d := &graph.Dataset{
		Actors: []graph.Actor{{ID: "e"}},
		Contacts: []graph.Contact{
			{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "c", Weight: 1},
			{Source: "a", Target: "c", Weight: 1}, {Source: "a", Target: "d", Weight: 1},
		},
	}
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	idx := func(id string) int {
		i, ok := n.Index(id)
		if !ok {
			t.Fatalf("no actor %s", id)
		}
		return i
	}
	c := score.Config{}
	for _, tc := range []struct {
		i, j string
		want float64
	}{
		{"a", "b", 1.0 / 4}, {"b", "a", 9.0 / 16}, {"d", "a", 1}, {"a", "d", 1.0 / 9},
		{"b", "d", 1.0 / 36}, {"a", "a", 0}, {"e", "a", 0}, {"a", "e", 0},
	} {
		if got := score.DyadicConstraint(n, c, idx(tc.i), idx(tc.j)); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("c_%s%s = %v, want %v", tc.i, tc.j, got, tc.want)
		}
	}
	if got := score.Constraint(n, c)[idx("a")]; math.Abs(got-11.0/18) > 1e-15 {
		t.Errorf("Constraint(a) = %v, want 11/18", got)
	}
	if got := score.EffectiveSize(n, c)[idx("a")]; math.Abs(got-7.0/3) > 1e-15 {
		t.Errorf("EffectiveSize(a) = %v, want 7/3", got)
	}
	if got := score.Constraint(n, c)[idx("e")]; !math.IsNaN(got) {
		t.Errorf("Constraint(isolate) = %v, want NaN", got)
	}
}
