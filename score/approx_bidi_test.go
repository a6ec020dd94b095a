package score

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

// TestBidiSampleUniform checks that the weighted bidirectional sampler draws shortest paths
// uniformly: over many draws for a pair (s, t), actor v is inside the path with frequency
// σ_sv·σ_vt/σ_st when d(s,v) + d(v,t) = d(s,t) (0 otherwise), where σ and d come from two
// full single-source Dijkstra runs (the code Betweenness uses, checked against exact golden
// values). Karate's weights make tied paths (13–15 has two of length 3/2, see
// testdata/golden/README.md); random3 has k/8 weights.
func TestBidiSampleUniform(t *testing.T) {
	draws, npairs := 3000, 30
	if testing.Short() {
		draws, npairs = 1000, 10
	}
	tied := 0
	for _, dir := range []string{"../testdata/karate", "../testdata/golden/random3"} {
		n, err := graph.LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		a := newSPAdj(n, graph.Contacts, true, true)
		bd := newBidi(a)
		fs, ft := newSSP(a, true), newSSP(a, true)
		rng := rand.New(rand.NewPCG(1, 2))
		pairs := [][2]int{}
		if i, ok := n.Index("13"); ok {
			j, _ := n.Index("15")
			pairs = append(pairs, [2]int{i, j})
		}
		for len(pairs) < npairs {
			s, u := rng.IntN(a.n), rng.IntN(a.n)
			if s != u {
				pairs = append(pairs, [2]int{s, u})
			}
		}
		for _, p := range pairs {
			s, u := p[0], p[1]
			count := make([]int64, a.n)
			for range draws {
				bd.sample(int32(s), int32(u), rng, count)
			}
			fs.dijkstra(s, -1)
			ft.dijkstra(u, -1)
			D := fs.dist[u]
			if fs.sigma[u] > 1 {
				tied++
			}
			for v := 0; v < a.n; v++ {
				want := 0.0
				if v != s && v != u && !math.IsInf(fs.dist[v], 1) && pathTie(fs.dist[v]+ft.dist[v], D) {
					want = fs.sigma[v] * ft.sigma[v] / fs.sigma[u]
				}
				got := float64(count[v]) / float64(draws)
				if tol := 5*math.Sqrt(want*(1-want)/float64(draws)) + 1e-9; math.Abs(got-want) > tol {
					t.Errorf("%s: pair %s-%s actor %s: frequency %.4f, want %.4f", dir, n.ID(s), n.ID(u), n.ID(v), got, want)
				}
			}
			fs.reset()
			ft.reset()
		}
	}
	if tied == 0 {
		t.Error("no pair with tied shortest paths; the test checks nothing about ties")
	}
}
