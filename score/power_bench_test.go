package score_test

import (
	"fmt"
	"math/rand/v2"
	"sync"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

var (
	h4BigOnce sync.Once
	h4Big     *graph.Network
	h4BigErr  error
)

// h4BigNet is a random network of 100,000 actors and about 1,000,000 contacts (uniform
// random pairs, weights 1..5, fixed seed), built once per test binary.
func h4BigNet(b *testing.B) *graph.Network {
	h4BigOnce.Do(func() {
		const actors, ties = 100_000, 1_000_000
		r := rand.New(rand.NewPCG(1, 1))
		ids := make([]string, actors)
		d := &graph.Dataset{Actors: make([]graph.Actor, actors), Contacts: make([]graph.Contact, 0, ties)}
		for i := range ids {
			ids[i] = fmt.Sprintf("a%06d", i)
			d.Actors[i] = graph.Actor{ID: ids[i], Capacity: float64(1 + r.IntN(1000)), HasCapacity: true, Profile: true}
		}
		for len(d.Contacts) < ties {
			x, y := r.IntN(actors), r.IntN(actors)
			if x != y {
				d.Contacts = append(d.Contacts, graph.Contact{Source: ids[x], Target: ids[y], Weight: float64(1 + r.IntN(5))})
			}
		}
		h4Big, h4BigErr = graph.Build(d, graph.Options{})
	})
	if h4BigErr != nil {
		b.Fatal(h4BigErr)
	}
	return h4Big
}

func BenchmarkNewPower(b *testing.B) {
	n := h4BigNet(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := score.NewPower(n, score.Config{}, score.Thresholds{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPowerPair(b *testing.B) {
	n := h4BigNet(b)
	p, err := score.NewPower(n, score.Config{}, score.Thresholds{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		p.Pair(k%n.Len(), (k*7919+13)%n.Len())
		k++
	}
}

func BenchmarkGatekeeping(b *testing.B) {
	n := h4BigNet(b)
	p, err := score.NewPower(n, score.Config{}, score.Thresholds{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		p.Gatekeeping(k%n.Len(), (k*7919+13)%n.Len())
		k++
	}
}

func BenchmarkConstraint(b *testing.B) {
	n := h4BigNet(b)
	for _, w := range []bool{false, true} {
		b.Run(fmt.Sprintf("weighted=%v", w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				score.Constraint(n, score.Config{Weighted: w})
			}
		})
	}
}

func BenchmarkEffectiveSize(b *testing.B) {
	n := h4BigNet(b)
	for _, w := range []bool{false, true} {
		b.Run(fmt.Sprintf("weighted=%v", w), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				score.EffectiveSize(n, score.Config{Weighted: w})
			}
		})
	}
}

func BenchmarkDyadicConstraint(b *testing.B) {
	n := h4BigNet(b)
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		i := k % n.Len()
		nb, _ := n.Neighbors(graph.Contacts, i)
		j := i
		if len(nb) > 0 {
			j = int(nb[0])
		}
		score.DyadicConstraint(n, score.Config{Weighted: true}, i, j)
		k++
	}
}

func BenchmarkGroup(b *testing.B) {
	n := h4BigNet(b)
	p, err := score.NewPower(n, score.Config{}, score.Thresholds{})
	if err != nil {
		b.Fatal(err)
	}
	members := []int{1, 10, 100, 1000, 10000, 50000}
	b.ReportAllocs()
	for b.Loop() {
		p.Group(members)
	}
}

func BenchmarkNewProfilesHepTh(b *testing.B) {
	n := h4Load(b, "hepth")
	b.ReportAllocs()
	for b.Loop() {
		score.NewProfiles(n, score.InterestConfig{})
	}
}

func BenchmarkOverlapHepTh(b *testing.B) {
	n := h4Load(b, "hepth")
	p := score.NewProfiles(n, score.InterestConfig{})
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		p.Overlap(k%n.Len(), (k*7919+13)%n.Len())
		k++
	}
}

func BenchmarkRelatedHepTh(b *testing.B) {
	n := h4Load(b, "hepth")
	p := score.NewProfiles(n, score.InterestConfig{})
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		p.Related(k % n.Len())
		k++
	}
}
