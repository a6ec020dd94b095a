// Command embed shows partnerscout used as a library inside another program: the records
// come from memory (a database, an API, a form) rather than CSV files, the ranking runs
// in-process, and the network is handed on as a dominikbraun/graph for the host program's
// own graph code, and as Graphviz DOT.
//
//	go run ./examples/embed
package main

import (
	"bufio"
	"bytes"
	"fmt"
	"log"
	"slices"
	"strings"
	"time"

	dgraph "github.com/dominikbraun/graph"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

func main() {
	// 1. Records built in memory. Tags are normalised the way the CSV loader does it.
	tags := func(s ...string) []string {
		for i := range s {
			s[i] = graph.NormalizeTag(s[i])
		}
		return s
	}
	day := func(s string) time.Time {
		t, err := time.Parse(time.DateOnly, s)
		if err != nil {
			log.Fatal(err)
		}
		return t
	}
	d := &graph.Dataset{
		Actors: []graph.Actor{
			{ID: "food-bank", Name: "Harbour Food Bank", Sector: "nonprofit", Goals: tags("Food Security", "social inclusion"), Capabilities: tags("volunteers"), Capacity: 40, HasCapacity: true},
			{ID: "council", Name: "City Council", Sector: "government", Goals: tags("food security", "public health"), Capabilities: tags("funding", "policy access"), Capacity: 900, HasCapacity: true},
			{ID: "clinic", Name: "Northside Clinic", Sector: "nonprofit", Goals: tags("public health"), Capabilities: tags("data"), Capacity: 60, HasCapacity: true},
			{ID: "grocer", Name: "FreshCo Grocers", Sector: "business", Goals: tags("food security", "reducing waste"), Capabilities: tags("logistics", "funding"), Capacity: 300, HasCapacity: true},
			{ID: "uni", Name: "Harbour University", Sector: "academia", Goals: tags("public health", "food security"), Capabilities: tags("research", "evaluation"), Capacity: 500, HasCapacity: true},
			{ID: "youth", Name: "Youth Kitchen", Sector: "nonprofit", Goals: tags("food security", "youth employment"), Capabilities: tags("training"), Capacity: 25, HasCapacity: true},
			{ID: "farm", Name: "Valley Farm Co-op", Sector: "business", Goals: tags("reducing waste"), Capabilities: tags("produce"), Capacity: 80, HasCapacity: true},
		},
		Contacts: []graph.Contact{
			{Source: "food-bank", Target: "council", Weight: 2, Date: day("2024-02-01")},
			{Source: "food-bank", Target: "youth", Weight: 3, Date: day("2024-03-15")},
			{Source: "council", Target: "clinic", Weight: 1, Date: day("2024-01-10")},
			{Source: "council", Target: "uni", Weight: 1, Date: day("2024-04-02")},
			{Source: "youth", Target: "grocer", Weight: 1, Date: day("2024-05-20")},
			{Source: "grocer", Target: "farm", Weight: 2, Date: day("2024-06-01")},
		},
		Events: []graph.Event{
			{ID: "summit", Name: "Food Futures Summit", Date: day("2024-06-12"), Topics: tags("food security", "reducing waste")},
		},
		Attendance: []graph.Attendance{
			{Actor: "grocer", Event: "summit"}, {Actor: "farm", Event: "summit"}, {Actor: "uni", Event: "summit"},
		},
	}
	if err := d.Validate(); err != nil {
		log.Fatal(err)
	}
	n, err := graph.Build(d, graph.Options{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("network: %d actors, %d contact ties, %d events, as of %s\n",
		n.Len(), n.Edges(graph.Contacts), n.NumEvents(), n.Options().AsOf.Format(time.DateOnly))

	// 2. Rank partners for the food bank.
	opts := discovery.DefaultOptions()
	opts.Top = 3
	cands, err := discovery.Rank(n, "food-bank", opts)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\ncandidates for the food bank:")
	for _, c := range cands {
		var via []string
		for _, in := range c.Introducers {
			via = append(via, in.ID)
		}
		shared := strings.Join(c.SharedGoals, ";")
		if shared == "" {
			shared = "-"
		}
		fmt.Printf("  %d. %-6s score %.3f  goal %.2f  trust %.2f  shared %s  via %s\n", c.Rank, c.ID, c.Score,
			c.Components.Goal, c.Components.Trust, shared, strings.Join(via, ","))
	}

	// 3. Hand the contacts layer to code that works with dominikbraun/graph.
	g, err := n.DGraph(graph.Contacts)
	if err != nil {
		log.Fatal(err)
	}
	order, _ := g.Order()
	size, _ := g.Size()
	fmt.Printf("\ndominikbraun/graph: %d vertices, %d edges\n", order, size)
	path, err := dgraph.ShortestPath(g, "food-bank", "farm")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("shortest path food-bank -> farm:", strings.Join(path, " -> "))
	v, props, err := g.VertexWithProperties("council")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("vertex council: %s, sector %s, capacity attribute %s\n", v.Name, v.Sector, props.Attributes["capacity"])

	// 4. A DOT excerpt (graph.WriteDOT sorts the statements, so the output is stable).
	var dot bytes.Buffer
	if err := graph.WriteDOT(&dot, n, graph.Contacts); err != nil {
		log.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(&dot)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	var ties []string
	for _, l := range lines {
		if a, rest, ok := strings.Cut(strings.TrimSpace(l), " -- "); ok {
			// Print each undirected tie with its smaller end first.
			b, attrs, _ := strings.Cut(rest, " ")
			if b < a {
				a, b = b, a
			}
			ties = append(ties, a+" -- "+b+" "+attrs)
		}
	}
	slices.Sort(ties)
	fmt.Printf("\nDOT (%d lines), the ties:\n", len(lines))
	for _, l := range ties {
		fmt.Println(" ", l)
	}
}
