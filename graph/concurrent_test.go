package graph_test

import (
	"math"
	"sync"
	"testing"

	"gonum.org/v1/gonum/graph/network"

	"github.com/partnerscout/partnerscout/graph"
)

// TestConcurrentReaders reads one Network from many goroutines at once, including the first
// use of the lazily projected layers; run with -race. Every goroutine must see the same
// values as a sequential read.
func TestConcurrentReaders(t *testing.T) {
	d, err := graph.ReadDir(davisDir, graph.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	n, err := graph.Build(d, graph.Options{Weighting: graph.Newman})
	if err != nil {
		t.Fatal(err)
	}
	ref, err := graph.Build(d, graph.Options{Weighting: graph.Newman})
	if err != nil {
		t.Fatal(err)
	}
	layers := []graph.Layer{graph.Contacts, graph.Events, graph.Combined}
	want := map[graph.Layer]float64{}
	for _, l := range layers {
		s := 0.0
		for i := range ref.Len() {
			s += ref.Strength(l, i)
		}
		want[l] = s
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := layers[g%3]
			s := 0.0
			for i := range n.Len() {
				nbr, w := n.Neighbors(l, i)
				for k, j := range nbr {
					if n.Weight(l, int(j), i) != w[k] {
						errs <- "asymmetric tie"
					}
				}
				s += n.Strength(l, i)
				_ = n.Degree(l, i)
				_ = n.Actor(i).ID
				for _, e := range n.EventsOf(i) {
					_ = n.Attendees(int(e))
				}
			}
			if math.Abs(s-want[l]) > 1e-9 {
				errs <- "strength sum differs"
			}
			_ = network.Betweenness(n.Gonum(l))
			_ = n.Project(l)
			_ = n.Edges(l)
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
