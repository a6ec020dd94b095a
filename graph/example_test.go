package graph_test

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/partnerscout/partnerscout/graph"
)

// The Davis Southern Women data: 18 women, 14 events, and the co-attendance ties between
// them (139 pairs share at least one event).
func ExampleLoadDir() {
	n, err := graph.LoadDir("../testdata/davis")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n.Len(), "actors,", n.NumEvents(), "events,", n.Edges(graph.Events), "co-attendance ties")
	i, _ := n.Index("evelyn")
	nbrs, w := n.Neighbors(graph.Events, i)
	for k, j := range nbrs {
		if w[k] >= 6 {
			fmt.Printf("evelyn and %s attended %.0f events together\n", n.ID(int(j)), w[k])
		}
	}
	// Output:
	// 18 actors, 14 events, 139 co-attendance ties
	// evelyn and brenda attended 6 events together
	// evelyn and laura attended 6 events together
	// evelyn and theresa attended 7 events together
}

// Every problem in the input is a *LoadError with the file, line and column; a read
// collects all of them into an ErrorList.
func ExampleLoadError() {
	in := "source,target,weight\nann,bob,2\nann,carl,abc\ncarl,carl,1\n"
	_, err := graph.ReadContacts(strings.NewReader(in), "contacts.csv", graph.Limits{})
	fmt.Println(err)

	var le *graph.LoadError
	if errors.As(err, &le) { // the first problem
		fmt.Printf("line %d, column %d (%s): not a number? %v\n", le.Line, le.Column, le.Field, errors.Is(le, graph.ErrNotNumber))
	}
	// Output:
	// contacts.csv:3:3: weight "abc": not a number
	// contacts.csv:4:2: target "carl": contact from an actor to itself
	// line 3, column 3 (weight): not a number? true
}

// Build cuts the data at an as-of date and lets older ties fade with a half-life.
func ExampleBuild() {
	date := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	d := &graph.Dataset{Contacts: []graph.Contact{
		{Source: "ann", Target: "bob", Weight: 1, Date: date("2024-01-01")},
		{Source: "ann", Target: "cat", Weight: 1, Date: date("2024-01-21")},
		{Source: "bob", Target: "cat", Weight: 1, Date: date("2024-03-01")}, // after as-of: cut
		{Source: "cat", Target: "dan", Weight: 2},                           // undated: kept, no decay
	}}
	n, err := graph.Build(d, graph.Options{AsOf: date("2024-01-21"), HalfLife: 10 * 24 * time.Hour})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range n.Project(graph.Contacts) {
		fmt.Printf("%s-%s %.2f\n", t.A, t.B, t.Weight)
	}
	// Output:
	// ann-bob 0.25
	// ann-cat 1.00
	// cat-dan 2.00
}
