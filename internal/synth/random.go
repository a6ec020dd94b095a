package synth

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/partnerscout/partnerscout/graph"
)

// RandomID is the ID of actor i in the random graphs: a0000000, a0000001, ...
func RandomID(i int) string { return fmt.Sprintf("a%07d", i) }

// BarabasiAlbert returns a Barabási–Albert preferential-attachment graph as an in-memory
// Dataset of contacts: actors arrive one by one and tie to m distinct earlier actors chosen
// with probability proportional to degree (the first m+1 actors form a clique), from
// PCG(seed, seed). It has about n·m ties and a heavy-tailed degree distribution, like many
// collaboration networks. Every actor is listed in Actors. With weights, tie weights are
// drawn uniformly from {1, ..., 5}; otherwise they are 1. The score benchmarks and
// bench/gobench (for igraph and networkx) use the same graphs.
func BarabasiAlbert(n, m int, seed uint64, weights bool) *graph.Dataset {
	rng := rand.New(rand.NewPCG(seed, seed))
	d := randomActors(n)
	ends := make([]int32, 0, 2*n*m) // every tie end, so a uniform pick is degree-proportional
	add := func(a, b int) {
		d.Contacts = append(d.Contacts, graph.Contact{Source: RandomID(a), Target: RandomID(b), Weight: tieWeight(rng, weights)})
		ends = append(ends, int32(a), int32(b))
	}
	for a := 0; a <= m && a < n; a++ {
		for b := 0; b < a; b++ {
			add(a, b)
		}
	}
	chosen := make([]int, 0, m)
	for a := m + 1; a < n; a++ {
		chosen = chosen[:0]
		for len(chosen) < m {
			b := int(ends[rng.IntN(len(ends))])
			dup := false
			for _, c := range chosen {
				dup = dup || c == b
			}
			if !dup {
				chosen = append(chosen, b)
			}
		}
		for _, b := range chosen {
			add(a, b)
		}
	}
	return d
}

// GNP returns an Erdős–Rényi G(n, p) graph as an in-memory Dataset, generated with Batagelj
// & Brandes' (2005) geometric skipping from PCG(seed, seed) in O(n + m) time. Every actor is
// listed in Actors, so isolates are present. Weights as in [BarabasiAlbert].
func GNP(n int, p float64, seed uint64, weights bool) *graph.Dataset {
	rng := rand.New(rand.NewPCG(seed, seed))
	d := randomActors(n)
	lp := math.Log(1 - p)
	v, w := 1, -1
	for v < n {
		w += 1 + int(math.Log(1-rng.Float64())/lp)
		for w >= v && v < n {
			w -= v
			v++
		}
		if v < n {
			d.Contacts = append(d.Contacts, graph.Contact{Source: RandomID(v), Target: RandomID(w), Weight: tieWeight(rng, weights)})
		}
	}
	return d
}

func randomActors(n int) *graph.Dataset {
	d := &graph.Dataset{Actors: make([]graph.Actor, n)}
	for i := range d.Actors {
		d.Actors[i].ID = RandomID(i)
	}
	return d
}

func tieWeight(rng *rand.Rand, weights bool) float64 {
	if !weights {
		return 1
	}
	return float64(1 + rng.IntN(5))
}
