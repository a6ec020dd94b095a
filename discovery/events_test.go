package discovery_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
)

// TestEventsByHand: a attended ev1, so only ev2 = {b, c, d} is suggested. b and c share a
// goal with a (overlap 1/√2 each, see TestRankByHand), d shares none, so the score is
// 2/√2 = √2 and the people to meet are b and c (equal overlap, ID order).
func TestEventsByHand(t *testing.T) {
	n := rkBuild(t, rkHand())
	got, err := discovery.Events(n, "a", rkOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("got %d events %+v, want 1", len(got), got)
	}
	e := got[0]
	if e.Event != "ev2" || e.Name != "Housing Day" || !rkNear(e.Score, math.Sqrt2) || e.People != 2 ||
		!slices.Equal(e.Relevant, []string{"b", "c"}) || e.Why != "meet b and c who share your goals" || e.Topics == nil {
		t.Errorf("got %+v", e)
	}
	// Restricted to businesses only c counts.
	o := rkOptions()
	o.Sectors = []string{"business"}
	got, err = discovery.Events(n, "a", o)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !rkNear(got[0].Score, 1/math.Sqrt2) || !slices.Equal(got[0].Relevant, []string{"c"}) {
		t.Errorf("business only: got %+v", got)
	}
	// x attended nothing; its goal (housing) is shared by d at ev2.
	got, err = discovery.Events(n, "x", rkOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !slices.Equal(got[0].Relevant, []string{"d"}) || !rkNear(got[0].Score, 1) {
		t.Errorf("x: got %+v", got)
	}
}

// TestCoalitionByHand works the greedy choice out for a with k = 2. a's goals are youth
// employment (YE) and digital skills (DS); a is in ngo. Gains (coverage share + 0.5 · new
// sector / (k+1)):
//
//	step 1: e (YE, DS, ngo) 1; c (DS, business) 1/2 + 1/6; b (YE, ngo) 1/2  -> e
//	step 2: c 0 + 1/6; b 0                                                  -> c
func TestCoalitionByHand(t *testing.T) {
	n := rkBuild(t, rkHand())
	co, err := discovery.Coalition(n, "a", 2, rkOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(co.Members, []string{"e", "c"}) || co.Coverage != 1 || len(co.Uncovered) != 0 ||
		!slices.Equal(co.Covered, []string{"youth employment", "digital skills"}) ||
		!slices.Equal(co.Sectors, []string{"business", "ngo"}) || !slices.Equal(co.Power.Members, []string{"a", "e", "c"}) {
		t.Errorf("got %+v", co)
	}
	if co.Power.GiniPageRank >= 0.4 {
		t.Errorf("Gini %v not below the threshold", co.Power.GiniPageRank)
	}
	// A threshold no unequal group meets: nobody can join.
	o := rkOptions()
	o.Thresholds.Gini = 1e-9
	co, err = discovery.Coalition(n, "a", 2, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(co.Members) != 0 || co.Why != "no candidate keeps power balanced (Gini of PageRank below 0.00)" {
		t.Errorf("tight threshold: got %+v", co)
	}
	if _, err := discovery.Coalition(n, "a", 0, rkOptions()); err == nil {
		t.Error("k = 0: no error")
	}
	var ue *discovery.UnknownIDError
	if _, err := discovery.Coalition(n, "zz", 2, rkOptions()); !errors.As(err, &ue) {
		t.Errorf("unknown focal: %v", err)
	}
	if _, err := discovery.Events(n, "zz", rkOptions()); !errors.As(err, &ue) {
		t.Errorf("unknown focal: %v", err)
	}
}
