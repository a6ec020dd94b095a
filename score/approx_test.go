package score

import (
	"math"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

func TestBetweennessSamples(t *testing.T) {
	for _, tc := range []struct {
		Name string
		A    Approx
		VD   int
		Want int
	}{
		// (0.5/0.01²)(⌊log2 8⌋ + 1 + ln 10) = 5000 · 6.302585... = 31512.9 -> 31513.
		{"default", Approx{}, 10, 31513},
		// (0.5/0.1²)(⌊log2 1⌋ + 1 + ln 2) = 50 · 1.693147... = 84.66 -> 85.
		{"vd3", Approx{Epsilon: 0.1, Delta: 0.5}, 3, 85},
		{"vd2", Approx{}, 2, 0},
	} {
		t.Run(tc.Name, func(t *testing.T) {
			if got := tc.A.BetweennessSamples(tc.VD); got != tc.Want {
				t.Errorf("BetweennessSamples(%d) = %d, want %d", tc.VD, got, tc.Want)
			}
		})
	}
}

func TestApproxValidate(t *testing.T) {
	for _, a := range []Approx{{Epsilon: -1}, {Epsilon: 1}, {Epsilon: math.NaN()}, {Delta: 1}, {Delta: -0.1}} {
		if a.Validate() == nil {
			t.Errorf("%+v accepted", a)
		}
	}
	if err := (Approx{}).Validate(); err != nil {
		t.Error(err)
	}
	n, err := graph.LoadDir("../testdata/karate")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := BetweennessApprox(n, Config{}, Approx{Epsilon: 2}); err == nil {
		t.Error("BetweennessApprox accepted epsilon 2")
	}
	if AutoApprox(n) {
		t.Error("AutoApprox recommends sampling for 34 actors")
	}
}

// TestBetweennessApproxBound checks Riondato-Kornaropoulos' guarantee against the exact
// values: every actor within ε·n/(n-2). The guarantee holds with probability 1-δ; the seed is
// fixed, so the test is deterministic.
func TestBetweennessApproxBound(t *testing.T) {
	karate, err := graph.LoadDir("../testdata/karate")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name     string
		n        *graph.Network
		eps      float64
		weighted bool
	}{
		// Weighted samples cost a partial Dijkstra each, so with r >= n the exact values are
		// returned; ε = 0.1 keeps r below n and exercises the sampler.
		{"karate", karate, 0.02, false},
		{"gnp1500", gnpNetwork(t, 1500, 4.0/1500, 11, true), 0.01, false},
		{"ba1500", mustBuild(t, synth.BarabasiAlbert(1500, 2, 5, true)), 0.01, false},
		{"gnp1500-weighted", gnpNetwork(t, 1500, 4.0/1500, 11, true), 0.1, true},
		{"ba1500-weighted", mustBuild(t, synth.BarabasiAlbert(1500, 2, 5, true)), 0.1, true},
	} {
		if testing.Short() && tc.name != "karate" {
			continue
		}
		{
			w := tc.weighted
			exact, err := Betweenness(tc.n, Config{Weighted: w})
			if err != nil {
				t.Fatal(err)
			}
			a := Approx{Epsilon: tc.eps, Delta: 0.1, Seed: 42}
			got, err := BetweennessApprox(tc.n, Config{Weighted: w}, a)
			if err != nil {
				t.Fatal(err)
			}
			nn := float64(tc.n.Len())
			bound := tc.eps * nn / (nn - 2)
			maxErr := 0.0
			for i := range got {
				maxErr = math.Max(maxErr, math.Abs(got[i]-exact[i]))
			}
			if maxErr > bound {
				t.Errorf("%s weighted=%v: max error %.4g exceeds ε·n/(n-2) = %.4g", tc.name, w, maxErr, bound)
			}
			// A sampler that returned zeros would pass the bound on graphs with small
			// betweenness; the largest exact value must be found.
			top := 0
			for i := range exact {
				if exact[i] > exact[top] {
					top = i
				}
			}
			if exact[top] > 3*bound && got[top] < exact[top]/2 {
				t.Errorf("%s weighted=%v: top actor %s estimated %.4g, exact %.4g", tc.name, w, tc.n.ID(top), got[top], exact[top])
			}
			t.Logf("%s weighted=%v: max error %.3g (bound %.3g, top exact %.3g)", tc.name, w, maxErr, bound, exact[top])
		}
	}
}

func TestApproxDeterminism(t *testing.T) {
	size := 2000
	if testing.Short() {
		size = 600
	}
	n := gnpNetwork(t, size, 3.0/float64(size), 5, true)
	for name, f := range map[string]func(*graph.Network, Config, Approx) ([]float64, error){
		"betweenness": BetweennessApprox, "closeness": ClosenessApprox, "harmonic": HarmonicApprox,
	} {
		for _, w := range []bool{false, true} {
			a := Approx{Epsilon: 0.1}
			ref, err := f(n, Config{Weighted: w, Workers: 1}, a)
			if err != nil {
				t.Fatal(err)
			}
			for _, workers := range []int{2, 3} {
				got, _ := f(n, Config{Weighted: w, Workers: workers}, a)
				for i := range got {
					if math.Float64bits(got[i]) != math.Float64bits(ref[i]) {
						t.Fatalf("%s weighted=%v workers=%d: actor %d = %v, 1 worker %v", name, w, workers, i, got[i], ref[i])
					}
				}
			}
			other, _ := f(n, Config{Weighted: w}, Approx{Epsilon: 0.1, Seed: 7})
			same := true
			for i := range other {
				same = same && other[i] == ref[i]
			}
			if same {
				t.Errorf("%s weighted=%v: seed 7 gives the same estimates as the default seed", name, w)
			}
		}
	}
}

// TestEppsteinWangBound checks the sampled harmonic and closeness centralities against the
// exact values on a connected graph. Harmonic: each term 1/d lies in [0, 1] (unweighted), so
// the bound is ε·n. Closeness: on a connected graph 1/C(v) is the average distance from v, and
// Eppstein-Wang bound its estimate by ε·Δ; the estimator's factor k/cnt·(n-1)/n, where
// cnt ∈ {k-1, k} counts the sampled sources other than v, adds at most Δ·(1/n + 1/(k-1)).
func TestEppsteinWangBound(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	n := mustBuild(t, synth.BarabasiAlbert(3000, 2, 9, false)) // BA graphs are connected
	a := Approx{Epsilon: 0.05, Delta: 0.1, Seed: 3}
	nn := n.Len()
	k := ewSamples(nn, a)
	if k >= nn {
		t.Fatalf("k = %d >= n: the test would not sample", k)
	}
	exactH, _ := Harmonic(n, Config{})
	gotH, err := HarmonicApprox(n, Config{}, a)
	if err != nil {
		t.Fatal(err)
	}
	for i := range gotH {
		if d := math.Abs(gotH[i] - exactH[i]); d > a.Epsilon*float64(nn) {
			t.Fatalf("harmonic %s: error %v > ε·n", n.ID(i), d)
		}
	}
	exactC, _ := Closeness(n, Config{})
	gotC, err := ClosenessApprox(n, Config{}, a)
	if err != nil {
		t.Fatal(err)
	}
	diam := float64(vertexDiameterBound(newSPAdj(n, graph.Contacts, false, true)) - 1) // >= Δ
	bound := a.Epsilon*diam + diam*(1/float64(nn)+1/float64(k-1))
	for i := range gotC {
		if d := math.Abs(1/gotC[i] - 1/exactC[i]); d > bound {
			t.Fatalf("closeness %s: 1/C error %v > %v", n.ID(i), d, bound)
		}
	}
	// With k >= n the exact values are returned.
	karate, _ := graph.LoadDir("../testdata/karate")
	h1, _ := Harmonic(karate, Config{Weighted: true})
	h2, _ := HarmonicApprox(karate, Config{Weighted: true}, Approx{})
	for i := range h1 {
		if h1[i] != h2[i] {
			t.Fatalf("small graph: approx %v != exact %v", h2[i], h1[i])
		}
	}
}

func mustBuild(tb testing.TB, d *graph.Dataset) *graph.Network {
	tb.Helper()
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}
