package report_test

import (
	"bytes"
	"fmt"
	"log"
	"strings"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/report"
)

// ExampleBuild builds the report for the Medici in Padgett's marriage network and prints
// what it holds.
func ExampleBuild() {
	n, err := graph.LoadDir("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	r, err := report.Build(n, report.Config{Focal: "medici", Top: 3})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.Title)
	fmt.Printf("%d contacts, PageRank percentile %.2f\n", r.Focal.Contacts, r.Focal.Percentile)
	for _, c := range r.Candidates {
		fmt.Printf("%d. %s\n", c.Rank, r.People[c.ID].Label())
	}
	for _, v := range r.Map.Nodes {
		fmt.Printf("%s:%s\n", v.ID, v.Role)
	}
	// Output:
	// Partner report: Medici
	// 6 contacts, PageRank percentile 1.00
	// 1. Guadagni
	// 2. Castellani
	// 3. Pazzi
	// acciaiuoli:contact
	// albizzi:introducer
	// barbadori:introducer
	// castellani:candidate
	// guadagni:candidate
	// medici:focal
	// pazzi:candidate
	// ridolfi:contact
	// salviati:introducer
	// tornabuoni:introducer
}

// ExampleReport_WriteMap writes the ego map alone, as an SVG document. The Medici's map has
// the 6 families they married into, 3 candidates and 14 ties: 6 marriages of the Medici, 5
// among the other drawn families (albizzi-guadagni, barbadori-castellani, guadagni-tornabuoni,
// pazzi-salviati, ridolfi-tornabuoni, from testdata/florentine/contacts.csv) and 3 suggested.
func ExampleReport_WriteMap() {
	n, err := graph.LoadDir("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	r, err := report.Build(n, report.Config{Focal: "medici", Top: 3})
	if err != nil {
		log.Fatal(err)
	}
	var svg bytes.Buffer
	if err := r.WriteMap(&svg); err != nil {
		log.Fatal(err)
	}
	s := svg.String()
	fmt.Println(strings.SplitN(s, "\n", 2)[0])
	fmt.Println("actors drawn:", strings.Count(s, `<g class="actor `))
	fmt.Println("ties drawn:", strings.Count(s, "<line")-3) // the legend draws 3 sample lines
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// actors drawn: 10
	// ties drawn: 14
}

// ExampleLayout draws a map before and after adding a candidate with shared positions, as a
// review would, so that the two drawings can be compared node by node.
func ExampleLayout() {
	n, err := graph.LoadDir("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	before, err := report.NewMap(n, "medici", nil, nil, report.MapOptions{})
	if err != nil {
		log.Fatal(err)
	}
	after, err := report.NewMap(n, "medici", []discovery.Candidate{{ID: "strozzi", Rank: 1,
		Introducers: []discovery.Introducer{{ID: "ridolfi", Strength: 1}}}}, nil, report.MapOptions{})
	if err != nil {
		log.Fatal(err)
	}
	pos := report.Layout(1, before, after) // one layout of the union
	fmt.Println(len(before.Nodes), len(after.Nodes), len(pos))
	for _, m := range []*report.Map{before, after} {
		var b bytes.Buffer
		if err := m.WriteSVG(&b, pos, report.SVGOptions{Title: "Medici"}); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("medici at (%.2f, %.2f) in both\n", pos["medici"].X, pos["medici"].Y)
	// Output:
	// 7 8 8
	// medici at (0.48, 0.50) in both
}
