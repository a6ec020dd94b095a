package synth

import (
	"math"
	"reflect"
	"testing"
)

func TestBarabasiAlbert(t *testing.T) {
	const n, m = 2000, 3
	d := BarabasiAlbert(n, m, 1, true)
	if len(d.Actors) != n {
		t.Fatalf("%d actors, want %d", len(d.Actors), n)
	}
	// A clique of m+1 actors, then m ties for each later actor.
	if want := m*(m+1)/2 + (n-m-1)*m; len(d.Contacts) != want {
		t.Fatalf("%d ties, want %d", len(d.Contacts), want)
	}
	seen := make(map[[2]string]bool)
	deg := make(map[string]int)
	for _, c := range d.Contacts {
		if c.Source == c.Target || seen[[2]string{c.Source, c.Target}] || seen[[2]string{c.Target, c.Source}] {
			t.Fatalf("self or repeated tie %s-%s", c.Source, c.Target)
		}
		if c.Weight < 1 || c.Weight > 5 || c.Weight != math.Trunc(c.Weight) {
			t.Fatalf("weight %v, want an integer in 1..5", c.Weight)
		}
		seen[[2]string{c.Source, c.Target}] = true
		deg[c.Source]++
		deg[c.Target]++
	}
	// Preferential attachment: the first actors gather far more ties than the mean 2m.
	if deg[RandomID(0)] < 10*2*m {
		t.Errorf("degree of the first actor %d, want a hub (at least %d)", deg[RandomID(0)], 10*2*m)
	}
	if !reflect.DeepEqual(d, BarabasiAlbert(n, m, 1, true)) {
		t.Error("same seed, different graph")
	}
	for _, c := range BarabasiAlbert(100, 2, 1, false).Contacts {
		if c.Weight != 1 {
			t.Fatalf("unweighted graph has weight %v", c.Weight)
		}
	}
}

func TestGNP(t *testing.T) {
	const n, p = 3000, 0.002
	d := GNP(n, p, 3, false)
	// The number of ties is binomial(n(n-1)/2, p): mean 8,997, standard deviation about 95.
	mean := p * n * (n - 1) / 2
	sd := math.Sqrt(mean * (1 - p))
	if got := float64(len(d.Contacts)); math.Abs(got-mean) > 5*sd {
		t.Errorf("%v ties, want %.0f ± %.0f", got, mean, 5*sd)
	}
	seen := make(map[[2]string]bool)
	for _, c := range d.Contacts {
		k := [2]string{min(c.Source, c.Target), max(c.Source, c.Target)}
		if c.Source == c.Target || seen[k] {
			t.Fatalf("self or repeated tie %v", k)
		}
		seen[k] = true
	}
}
