// Command quickstart is the shortest path from CSV files to partner suggestions: it loads
// the bundled partners data (150 people in nonprofits, businesses, government and
// universities), asks who a youth-employment charity should approach and why, which events
// it should attend, and which four partners would cover its goals with power shared.
//
// Run it from the repository root or from this directory:
//
//	go run ./examples/quickstart
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

func main() {
	dir, err := dataDir("testdata/partners")
	if err != nil {
		log.Fatal(err)
	}
	n, err := graph.LoadDir(dir)
	if err != nil {
		log.Fatal(err)
	}
	const focal = "ngo-042"
	f, _ := n.Index(focal)
	a := n.Actor(f)
	fmt.Printf("%s (%s, %s), goals: %s\n", a.Name, a.Organization, a.Sector, strings.Join(a.Goals, ", "))

	// One Ranker answers many questions about the same network.
	o := discovery.DefaultOptions()
	o.Top = 3
	r, err := discovery.NewRanker(n, o)
	if err != nil {
		log.Fatal(err)
	}

	cands, err := r.Rank(focal)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nWho to approach:")
	for _, c := range cands {
		ci, _ := n.Index(c.ID)
		k := c.Components
		fmt.Printf("%d. %s (%s) score %.3f: goal %.2f, proximity %.2f, trust %.2f, complementarity %.2f, reach %.2f\n",
			c.Rank, n.Actor(ci).Name, c.ID, c.Score, k.Goal, k.Proximity, k.Trust, k.Complementarity, k.Reach)
		fmt.Printf("   %s\n", c.Why)
	}

	evs, err := r.Events(focal)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nEvents to attend:")
	for _, e := range evs {
		fmt.Printf("- %s (%s): %s\n", e.Name, e.Date, e.Why)
	}

	co, err := r.Coalition(focal, 4)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nA coalition of four:")
	fmt.Printf("  %s\n", co.Why)

	// A mistyped ID is an error that suggests the closest known IDs.
	if _, err := r.Rank("ngo-42"); err != nil {
		var ue *discovery.UnknownIDError
		if errors.As(err, &ue) {
			fmt.Println("\n" + err.Error())
		}
	}
}

// dataDir finds rel in the working directory or one of its parents, so the program runs
// from the repository root and from its own directory (as go test does).
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
