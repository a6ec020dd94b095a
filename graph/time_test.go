package graph_test

import (
	"math"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/graph"
)

func day(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s+"T00:00:00Z")
	if err != nil {
		panic(err)
	}
	return t
}

// timeData: the newest date is 2024-01-21 (contact a-c). Event E (2024-01-11) has x and y.
func timeData() *graph.Dataset {
	return &graph.Dataset{
		Contacts: []graph.Contact{
			{Source: "a", Target: "b", Weight: 1, Date: day("2024-01-01")},
			{Source: "a", Target: "c", Weight: 2, Date: day("2024-01-21")},
			{Source: "b", Target: "c", Weight: 4}, // undated
			{Source: "c", Target: "d", Weight: 1, Date: day("2024-01-11")},
		},
		Attendance: []graph.Attendance{{Actor: "x", Event: "E"}, {Actor: "y", Event: "E"}},
		Events:     []graph.Event{{ID: "E", Date: day("2024-01-11")}},
	}
}

func TestTimeCut(t *testing.T) {
	d := timeData()
	for _, tc := range []struct {
		name string
		opt  graph.Options
		want string // contacts layer
		asOf string
	}{
		// The default as-of is the newest date in the data (never the wall clock).
		{"default", graph.Options{}, "a-b:1 a-c:2 b-c:4 c-d:1", "2024-01-21"},
		// AsOf cuts later rows; the undated b-c stays.
		{"as-of", graph.Options{AsOf: day("2024-01-15")}, "a-b:1 b-c:4 c-d:1", "2024-01-15"},
		{"as-of first day", graph.Options{AsOf: day("2024-01-01")}, "a-b:1 b-c:4", "2024-01-01"},
		// From drops earlier rows, inclusive bound.
		{"from", graph.Options{From: day("2024-01-05")}, "a-c:2 b-c:4 c-d:1", "2024-01-21"},
		{"from inclusive", graph.Options{From: day("2024-01-11")}, "a-c:2 b-c:4 c-d:1", "2024-01-21"},
		// Window keeps (AsOf-Window, AsOf]: 20 days before 2024-01-21 is 2024-01-01, excluded.
		{"window 15d", graph.Options{Window: 15 * 24 * time.Hour}, "a-c:2 b-c:4 c-d:1", "2024-01-21"},
		{"window 20d open", graph.Options{Window: 20 * 24 * time.Hour}, "a-c:2 b-c:4 c-d:1", "2024-01-21"},
		{"window 21d", graph.Options{Window: 21 * 24 * time.Hour}, "a-b:1 a-c:2 b-c:4 c-d:1", "2024-01-21"},
		{"window and as-of", graph.Options{AsOf: day("2024-01-11"), Window: 24 * time.Hour}, "b-c:4 c-d:1", "2024-01-11"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := graph.Build(d, tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := ties(n.Project(graph.Contacts)); got != tc.want {
				t.Errorf("contacts: got %s, want %s", got, tc.want)
			}
			if got := n.Options().AsOf; !got.Equal(day(tc.asOf)) {
				t.Errorf("as-of: got %v, want %s", got, tc.asOf)
			}
		})
	}
}

// TestHalfLife: half-life 10 days, as-of 2024-01-21. By hand:
//
//	a-b: 20 days old, 1 * 0.5^(20/10) = 0.25
//	a-c: 0 days old, 2 * 1 = 2
//	b-c: undated, no decay: 4
//	c-d: 10 days old, 1 * 0.5 = 0.5
//	event E (2024-01-11): factor 0.5, so the x-y co-attendance (count) is 0.5
func TestHalfLife(t *testing.T) {
	n, err := graph.Build(timeData(), graph.Options{HalfLife: 10 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ties(n.Project(graph.Contacts)), "a-b:0.25 a-c:2 b-c:4 c-d:0.5"; got != want {
		t.Errorf("contacts: got %s, want %s", got, want)
	}
	e, ok := n.EventIndex("E")
	if !ok || n.EventWeight(e) != 0.5 {
		t.Errorf("event weight: got %v (found %v), want 0.5", n.EventWeight(e), ok)
	}
	if got, want := ties(n.Project(graph.Events)), "x-y:0.5"; got != want {
		t.Errorf("events: got %s, want %s", got, want)
	}
	// Age counts whole days: a contact at noon 19.5 days before as-of is 19 days old.
	d := &graph.Dataset{Contacts: []graph.Contact{
		{Source: "a", Target: "b", Weight: 1, Date: day("2024-01-01").Add(12 * time.Hour)},
		{Source: "a", Target: "c", Weight: 1, Date: day("2024-01-21")},
	}}
	n, err = graph.Build(d, graph.Options{HalfLife: 10 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	i, _ := n.Index("a")
	j, _ := n.Index("b")
	if got, want := n.Weight(graph.Contacts, i, j), math.Pow(0.5, 1.9); math.Abs(got-want) > 1e-15 {
		t.Errorf("19.5 days old: got %.17g, want 0.5^1.9 = %.17g", got, want)
	}
}

// TestAsOfUndatedOnly: with no date anywhere nothing is cut and nothing decays.
func TestAsOfUndatedOnly(t *testing.T) {
	d := &graph.Dataset{Contacts: []graph.Contact{{Source: "a", Target: "b", Weight: 3}}}
	n, err := graph.Build(d, graph.Options{HalfLife: time.Hour, Window: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if got := ties(n.Project(graph.Contacts)); got != "a-b:3" {
		t.Errorf("got %s, want a-b:3", got)
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, o := range []graph.Options{
		{Weighting: graph.Weighting(7)},
		{Window: -time.Hour},
		{HalfLife: -time.Hour},
		{From: day("2024-02-01"), AsOf: day("2024-01-01")},
	} {
		if err := o.Validate(); err == nil {
			t.Errorf("%+v: no error", o)
		}
		if _, err := graph.Build(timeData(), o); err == nil {
			t.Errorf("Build %+v: no error", o)
		}
	}
}

// TestHalfLifeUnderflow: an event so old that its decayed weight underflows to zero gives
// no tie (the projection drops zero weights), and the ties around it are unaffected.
// 0.5^(1460 days / 1 day) is below the smallest float64 (2^-1074), so it is exactly 0.
func TestHalfLifeUnderflow(t *testing.T) {
	d := &graph.Dataset{
		Events: []graph.Event{{ID: "old", Date: day("2020-01-01")}, {ID: "new", Date: day("2024-01-01")}},
		Attendance: []graph.Attendance{
			{Actor: "a", Event: "old"}, {Actor: "b", Event: "old"}, {Actor: "c", Event: "old"},
			{Actor: "a", Event: "new"}, {Actor: "c", Event: "new"}, {Actor: "d", Event: "new"},
		},
	}
	for _, w := range []graph.Weighting{graph.Count, graph.Newman, graph.Jaccard} {
		n, err := graph.Build(d, graph.Options{HalfLife: 24 * time.Hour, Weighting: w})
		if err != nil {
			t.Fatal(err)
		}
		// count: a-c, a-d, c-d get 1 from "new"; newman: 1/2 each; jaccard: a and c share
		// "new" (weight 1) and also "old" (weight 0), so 1/(1+1-1) = 1; a-d and c-d: 1/1.
		want := map[graph.Weighting]string{
			graph.Count:   "a-c:1 a-d:1 c-d:1",
			graph.Newman:  "a-c:0.5 a-d:0.5 c-d:0.5",
			graph.Jaccard: "a-c:1 a-d:1 c-d:1",
		}[w]
		if got := ties(n.Project(graph.Events)); got != want {
			t.Errorf("%v: got %s, want %s", w, got, want)
		}
		b, _ := n.Index("b")
		if n.Degree(graph.Events, b) != 0 || n.Strength(graph.Events, b) != 0 {
			t.Errorf("%v: b has %d ties of strength %v, want none", w, n.Degree(graph.Events, b), n.Strength(graph.Events, b))
		}
	}
}
