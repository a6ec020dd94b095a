package score_test

import (
	"fmt"
	"log"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// In Padgett's Florentine marriage network, the Acciaiuoli's only marriage tie is to the
// Medici. Power flags show the Medici's advantage from every side: centrality, wealth
// (capacity), dependence and gatekeeping.
func ExamplePower_Pair() {
	n, err := graph.LoadDir("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	p, err := score.NewPower(n, score.Config{}, score.DefaultThresholds())
	if err != nil {
		log.Fatal(err)
	}
	a, _ := n.Index("acciaiuoli")
	m, _ := n.Index("medici")
	for _, f := range p.Pair(a, m) {
		fmt.Printf("%s %s %.3f (threshold %g) advantage %s\n  %s\n",
			f.Kind, f.Severity, f.Value, f.Threshold, f.Advantage, f.Detail)
	}
	// Output:
	// structural_dominance low 4.756 (threshold 3) advantage medici
	//   Medici has 4.8x the network centrality (PageRank) of Acciaiuoli
	// resource_asymmetry medium 10.300 (threshold 5) advantage medici
	//   Medici has 10.3x the capacity of Acciaiuoli (103 vs 10)
	// dependence high 0.972 (threshold 0.25) advantage medici
	//   Acciaiuoli depends on Medici: Acciaiuoli's ties are concentrated on Medici (dyadic constraint 1.00), not the other way round (0.03)
	// gatekeeper high 1.000 (threshold 0.5) advantage medici
	//   Medici lies on 100% of Acciaiuoli's shortest paths to the rest of the network
}

// Group measures how concentrated power would be in a coalition. By hand, from the networkx
// PageRank goldens (medici 0.1444, acciaiuoli 0.0304, salviati 0.0607, pazzi 0.0357; sum
// 0.2711): top share 0.1444/0.2711 = 0.533; capacities 103, 10, 10, 48 give Gini
// (-3·10 - 10 + 48 + 3·103)/(4·171) = 317/684 = 0.463; the induced ties medici-acciaiuoli,
// medici-salviati and salviati-pazzi give degrees 2, 1, 2, 1 and centralisation 2/6.
func ExamplePower_Group() {
	n, err := graph.LoadDir("../testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	p, err := score.NewPower(n, score.Config{}, score.DefaultThresholds())
	if err != nil {
		log.Fatal(err)
	}
	var members []int
	for _, id := range []string{"medici", "acciaiuoli", "salviati", "pazzi"} {
		i, _ := n.Index(id)
		members = append(members, i)
	}
	g := p.Group(members)
	fmt.Printf("gini pagerank %.3f, gini capacity %.3f, top share %.3f, centralization %.3f\n",
		g.GiniPageRank, g.GiniCapacity, g.TopShare, g.Centralization)
	for _, f := range g.Flags {
		fmt.Printf("%s %s: %s\n", f.Kind, f.Severity, f.Detail)
	}
	// Output:
	// gini pagerank 0.338, gini capacity 0.463, top share 0.533, centralization 0.333
	// concentrated_power low: capacity is unevenly spread within the group (Gini 0.46)
	// concentrated_power low: Medici holds 53% of the group's network centrality (PageRank)
}
