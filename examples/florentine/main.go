// Command florentine revisits Padgett's Florentine marriage network (Padgett and Ansell
// 1993): 16 elite families of early-15th-century Florence and the 20 marriages between
// them. It shows why the Medici, richer than most but not the richest, rose: they sat on the
// most shortest paths between other families (highest betweenness), their partners were
// not tied to one another (lowest Burt constraint), and several families reached the rest
// of the elite only through them, which partnerscout reports as dependence and gatekeeper
// flags.
//
// Run it from the repository root or from this directory:
//
//	go run ./examples/florentine
//
// References: Padgett & Ansell (1993) Robust action and the rise of the Medici, 1400-1434,
// American Journal of Sociology 98(6); Breiger & Pattison (1986) for the wealth figures.
package main

import (
	"cmp"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

func main() {
	dir, err := dataDir("testdata/florentine")
	if err != nil {
		log.Fatal(err)
	}
	n, err := graph.LoadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	isolated := []string{}
	for i := range n.Len() {
		if n.Degree(graph.Contacts, i) == 0 {
			isolated = append(isolated, n.Actor(i).Name)
		}
	}
	fmt.Printf("Florentine families: %d families, %d marriages; without a marriage tie: %s\n",
		n.Len(), n.Edges(graph.Contacts), strings.Join(isolated, ", "))

	c := score.Config{} // unweighted marriage ties
	deg := score.Degree(n, c)
	btw, err := score.Betweenness(n, c)
	if err != nil {
		log.Fatal(err)
	}
	con := score.Constraint(n, c)
	eff := score.EffectiveSize(n, c)

	// Betweenness is normalised by (n-1)(n-2)/2 pairs. networkx's florentine_families_graph
	// leaves the isolated Pucci out (n = 15); the same raw value on 15 nodes is scaled by
	// (16-1)(16-2) / ((15-1)(15-2)) = 210/182.
	n16, n15 := float64(15*14), float64(14*13)
	idx := make([]int, n.Len())
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(btw[b], btw[a]) })
	fmt.Println("\nThe six families with the highest betweenness:")
	fmt.Printf("  %-12s %6s %7s %11s %11s %10s %9s\n", "family", "wealth", "degree", "betw. (16)", "betw. (15)", "constraint", "eff. size")
	for _, i := range idx[:6] {
		a := n.Actor(i)
		fmt.Printf("  %-12s %6.0f %7.3f %11.3f %11.3f %10.3f %9.3f\n", a.Name, a.Capacity, deg[i], btw[i], btw[i]*n16/n15, con[i], eff[i])
	}
	richest := 0
	for i := range n.Len() {
		if n.Actor(i).Capacity > n.Actor(richest).Capacity {
			richest = i
		}
	}
	medici, _ := n.Index("medici")
	fmt.Printf("\nThe richest family was the %s (%.0f thousand lira in 1427), not the Medici (%.0f);\n",
		n.Actor(richest).Name, n.Actor(richest).Capacity, n.Actor(medici).Capacity)
	fmt.Printf("the Medici's marriages made them the broker: betweenness %.3f (%.3f on networkx's 15 nodes),\n",
		btw[medici], btw[medici]*n16/n15)
	fmt.Printf("%.1f times the next family's.\n", btw[medici]/btw[idx[1]])

	// Families that depend on the Medici: pair flags between each Medici partner and the
	// Medici, and the share of each family's shortest paths that run through the Medici.
	power, err := score.NewPower(n, c, score.DefaultThresholds())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nFamilies whose access to the elite runs through the Medici:")
	fmt.Printf("  %-12s %9s  %s\n", "family", "via Medici", "flags (advantage)")
	for i := range n.Len() {
		if i == medici || n.Degree(graph.Contacts, i) == 0 {
			continue
		}
		share := power.Gatekeeping(i, medici)
		if share < 0.5 {
			continue
		}
		var flags []string
		for _, f := range power.Pair(i, medici) {
			if f.Kind == score.Dependence || f.Kind == score.Gatekeeper {
				flags = append(flags, fmt.Sprintf("%s/%s %.2f (%s)", f.Kind, f.Severity, f.Value, f.Advantage))
			}
		}
		if len(flags) == 0 {
			flags = []string{"none"}
		}
		fmt.Printf("  %-12s %9.0f%%  %s\n", n.Actor(i).Name, 100*share, strings.Join(flags, "; "))
	}
}

// dataDir finds rel (a directory of the repository's testdata) from the working directory
// or one of its parents, so the program runs from the repository root or from its own folder.
func dataDir(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, rel)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("cannot find " + rel + "; run from the partnerscout repository")
		}
		dir = parent
	}
}
