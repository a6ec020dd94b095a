package score

import (
	"math"
	"math/rand/v2"

	"github.com/partnerscout/partnerscout/graph"
)

// gnpDataset returns an Erdős–Rényi G(n, p) graph as an in-memory Dataset, generated with
// Batagelj & Brandes' (2005) geometric skipping from PCG(seed, seed) in O(n + m) time. Every
// actor is listed in Actors, so isolates are present. With weights, tie weights are drawn
// uniformly from {1, ..., 5}; otherwise they are 1.
func gnpDataset(n int, p float64, seed uint64, weights bool) *graph.Dataset {
	rng := rand.New(rand.NewPCG(seed, seed))
	d := &graph.Dataset{Actors: make([]graph.Actor, n)}
	for i := range d.Actors {
		d.Actors[i].ID = actorID(i)
	}
	lp := math.Log(1 - p)
	v, w := 1, -1
	for v < n {
		w += 1 + int(math.Log(1-rng.Float64())/lp)
		for w >= v && v < n {
			w -= v
			v++
		}
		if v < n {
			d.Contacts = append(d.Contacts, graph.Contact{Source: actorID(v), Target: actorID(w), Weight: tieWeightFor(rng, weights)})
		}
	}
	return d
}

// baDataset returns a Barabási–Albert preferential-attachment graph: actors arrive one by one
// and tie to m distinct earlier actors chosen with probability proportional to degree (the
// first m+1 actors form a clique), from PCG(seed, seed). It has about n·m ties and a
// heavy-tailed degree distribution, like many collaboration networks.
func baDataset(n, m int, seed uint64, weights bool) *graph.Dataset {
	rng := rand.New(rand.NewPCG(seed, seed))
	d := &graph.Dataset{Actors: make([]graph.Actor, n)}
	for i := range d.Actors {
		d.Actors[i].ID = actorID(i)
	}
	ends := make([]int32, 0, 2*n*m) // every tie end, so a uniform pick is degree-proportional
	add := func(a, b int) {
		d.Contacts = append(d.Contacts, graph.Contact{Source: actorID(a), Target: actorID(b), Weight: tieWeightFor(rng, weights)})
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

func tieWeightFor(rng *rand.Rand, weights bool) float64 {
	if !weights {
		return 1
	}
	return float64(1 + rng.IntN(5))
}
