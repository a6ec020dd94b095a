// Command review asks "did our partnerships work since the last review?" of one author of
// the bundled arXiv hep-th co-authorship data (testdata/hepth): Edward Witten (witten_e),
// between the end of 1994 and the end of 1996. A shared paper is the tie, its strength the
// number of shared papers. The review lists the co-authors gained and strengthened, the
// reach of the new ties, the author's position (PageRank, betweenness, constraint) before
// and after, and checks the candidates a ranking would have proposed at the end of 1994
// against the co-authorships that followed.
//
// Run it from the repository root or from this directory:
//
//	go run ./examples/review
//
// The ranking weights are written out (they are the defaults of this version), so that the
// recorded review can be reproduced when the defaults change.
package main

import (
	"errors"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

func main() {
	dir, err := dataDir("testdata/hepth")
	if err != nil {
		log.Fatal(err)
	}
	d, err := graph.ReadDir(dir, graph.DefaultLimits())
	if err != nil {
		log.Fatal(err)
	}
	rank := discovery.DefaultOptions()
	rank.Weights = discovery.Weights{Goal: 0.35, Proximity: 0.20, Trust: 0.15, Complementarity: 0.15, Reach: 0.15}
	rank.Exclude = graph.Combined // co-authorship: a shared paper makes two authors partners
	rank.Top = 10
	c := discovery.ReviewConfig{
		Then: time.Date(1994, 12, 31, 0, 0, 0, 0, time.UTC),
		Now:  time.Date(1996, 12, 31, 0, 0, 0, 0, time.UTC),
		Rank: rank,
	}
	r, err := discovery.Review(d, "witten_e", c)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Printf("review of %s, %s -> %s\n\n", r.Focal, r.Then, r.Now)
	fmt.Printf("co-authors: %d -> %d, gained %d, faded %d, strengthened %d, weakened %d\n",
		r.Reach.Then.Partners, r.Reach.Now.Partners, len(r.Gained), len(r.Faded), len(r.Strengthened), len(r.Weakened))
	fmt.Printf("gained from outside the two-step network of 1994: %.0f%%\n", 100*r.Reach.NewNetworkShare)
	fmt.Println("gained (shared papers by 1996):")
	for _, p := range r.Gained[:min(5, len(r.Gained))] {
		fmt.Printf("  %-14s %.0f\n", p.ID, p.Strength)
	}
	if len(r.Gained) > 5 {
		fmt.Printf("  ... and %d more\n", len(r.Gained)-5)
	}
	fmt.Println("strengthened (shared papers 1994 -> 1996):")
	for _, p := range r.Strengthened {
		fmt.Printf("  %-14s %.0f -> %.0f\n", p.ID, p.Then, p.Now)
	}

	fmt.Println("\nposition among all authors (pct: share of authors at or below; low constraint = broker)")
	fmt.Printf("  %-15s %9s %5s %9s %5s\n", "", "1994", "pct", "1996", "pct")
	m := r.Measures
	for _, x := range []struct {
		name string
		m    discovery.Measure
	}{
		{"degree", m.Degree}, {"betweenness", m.Betweenness}, {"pagerank", m.PageRank},
		{"constraint", m.Constraint}, {"effective size", m.EffectiveSize},
	} {
		fmt.Printf("  %-15s %9s %5s %9s %5s\n", x.name, num(x.m.Then), pct(x.m.PercentileThen), num(x.m.Now), pct(x.m.PercentileNow))
	}

	ft := r.FollowThrough
	fmt.Printf("\nfollow-through: top %d candidates at %s, %d became co-authors (precision %.2f)\n",
		ft.Top, r.Then, len(ft.Realised), ft.Precision)
	fmt.Printf("  recommended: %s\n", strings.Join(ft.Recommended, " "))
	fmt.Printf("  realised:    %s\n", strings.Join(ft.Realised, " "))
	fmt.Printf("\nflags: %d new, %d cleared, %d kept\n", len(r.Flags.New), len(r.Flags.Cleared), len(r.Flags.Kept))
	fmt.Printf("\n%s\n", r.Summary)
}

// num formats a measure with four significant digits, "-" when undefined.
func num(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return fmt.Sprintf("%.4g", x)
}

// pct formats a percentile rank as a whole percentage.
func pct(x float64) string {
	if math.IsNaN(x) {
		return "-"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}

// dataDir finds rel in the working directory or one of its parents, so that the program
// runs from the repository root and from its own directory.
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
