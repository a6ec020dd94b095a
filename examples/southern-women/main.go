// Command southern-women revisits the Davis Southern Women data (Davis, Gardner and Gardner
// 1941): 18 women and the 14 social events they attended in a Southern town in 1936, the
// classic two-mode network. It shows the co-attendance projection under the three
// weightings, centralities of the projection, the two groups Davis et al. described and how
// well a modularity split recovers them, and the power figures of each group.
//
// Run it from the repository root or from this directory:
//
//	go run ./examples/southern-women
//
// References: Davis, Gardner & Gardner (1941) Deep South, p. 148; Breiger (1974) The duality
// of persons and groups; Freeman (2003) Finding social groups: a meta-analysis of the
// Southern Women data.
package main

import (
	"cmp"
	"errors"
	"fmt"
	"log"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gonum.org/v1/gonum/graph/community"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// Davis et al.'s two groups: the women in the first nine rows of their table (Evelyn's
// group, who attended mostly events E1-E9) and the last nine (Sylvia and Nora's group,
// mostly E6-E14). Freeman's (2003) meta-analysis of 21 later analyses found that they agree
// on this division in the main and differ on a few women at the margins.
var (
	evelynGroup = []string{"evelyn", "laura", "theresa", "brenda", "charlotte", "frances", "eleanor", "pearl", "ruth"}
	sylviaGroup = []string{"verne", "myra", "katherina", "sylvia", "nora", "helen", "dorothy", "olivia", "flora"}
)

func main() {
	dir, err := dataDir("testdata/davis")
	if err != nil {
		log.Fatal(err)
	}
	d, err := graph.ReadDir(dir, graph.DefaultLimits())
	if err != nil {
		log.Fatal(err)
	}
	nets := map[graph.Weighting]*graph.Network{}
	weightings := []graph.Weighting{graph.Count, graph.Newman, graph.Jaccard}
	for _, w := range weightings {
		if nets[w], err = graph.Build(d, graph.Options{Weighting: w}); err != nil {
			log.Fatal(err)
		}
	}
	n := nets[graph.Count]
	fmt.Printf("Davis Southern Women: %d women, %d events, %d attendances, %d co-attending pairs\n",
		n.Len(), n.NumEvents(), len(d.Attendance), n.Edges(graph.Events))

	// 1. The projection under the three weightings. Count is Breiger's women-by-women
	// matrix: Evelyn and Theresa shared 7 events, Evelyn and Nora 2 (first row of the table).
	fmt.Println("\nCo-attendance weight of four pairs:")
	fmt.Printf("  %-18s %6s %7s %8s\n", "pair", "count", "newman", "jaccard")
	for _, p := range [][2]string{{"evelyn", "theresa"}, {"evelyn", "laura"}, {"nora", "sylvia"}, {"evelyn", "nora"}} {
		fmt.Printf("  %-18s", p[0]+"-"+p[1])
		for k, w := range weightings {
			m := nets[w]
			a, _ := m.Index(p[0])
			b, _ := m.Index(p[1])
			format := []string{" %6.0f", " %7.3f", " %8.3f"}[k]
			fmt.Printf(format, m.Weight(graph.Events, a, b))
		}
		fmt.Println()
	}

	// 2. Centralities of the count projection.
	unweighted := score.Config{Layer: graph.Events}
	weighted := score.Config{Layer: graph.Events, Weighted: true}
	deg := score.Degree(n, unweighted)
	str := score.Strength(n, weighted)
	btw, err := score.Betweenness(n, weighted)
	if err != nil {
		log.Fatal(err)
	}
	eig, err := score.Eigenvector(n, weighted)
	if err != nil {
		log.Fatal(err)
	}
	everyone := 0
	for _, x := range deg {
		if x == 1 {
			everyone++
		}
	}
	fmt.Printf("\nThe projection is dense: %d of %d women co-attended with every other woman, so unweighted\n", everyone, n.Len())
	fmt.Println("measures hardly separate them. Weighted by shared events (top 5):")
	for _, m := range []struct {
		name string
		xs   []float64
	}{{"strength", str}, {"betweenness (1/w)", btw}, {"eigenvector", eig}} {
		fmt.Printf("  %-25s %s\n", m.name, top(n, m.xs, 5))
	}

	// 3. Groups: attendance by group shows the structure Davis et al. saw, and Louvain
	// modularity (gonum community.Modularize, fixed seed) on each projection recovers it.
	fmt.Println("\nAttendance per event by Davis et al.'s groups (Evelyn's / Sylvia's):")
	var b strings.Builder
	for _, e := range eventOrder(n) {
		var g1, g2 int
		for _, i := range n.Attendees(e) {
			if slices.Contains(evelynGroup, n.ID(int(i))) {
				g1++
			} else {
				g2++
			}
		}
		fmt.Fprintf(&b, " %s %d/%d", n.Event(e).ID, g1, g2)
	}
	fmt.Println(" " + b.String())
	pearl, _ := n.Index("pearl")
	var pe []string
	for _, e := range n.EventsOf(pearl) {
		pe = append(pe, n.Event(int(e)).ID)
	}
	fmt.Printf("  Pearl, in Evelyn's group, attended only %s: events both groups attended.\n", strings.Join(pe, ", "))

	fmt.Println("\nLouvain modularity split (resolution 1, PCG(1,1)) against Davis et al.:")
	for _, w := range weightings {
		m := nets[w]
		g := m.Gonum(graph.Events)
		red := community.Modularize(g, 1, rand.NewPCG(1, 1))
		comms := red.Communities()
		groups := make([][]string, len(comms))
		for k, c := range comms {
			for _, v := range c {
				groups[k] = append(groups[k], m.ID(int(v.ID())))
			}
			slices.Sort(groups[k])
		}
		slices.SortFunc(groups, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
		agree, differ := compare(groups)
		fmt.Printf("  %-8s Q=%.3f, %d groups, %d of 18 women placed as Davis et al. did", w, community.Q(g, comms, 1), len(groups), agree)
		if len(differ) > 0 {
			fmt.Printf(" (not: %s)", strings.Join(differ, ", "))
		}
		fmt.Println()
		for _, grp := range groups {
			fmt.Printf("           {%s}\n", strings.Join(grp, " "))
		}
	}

	// 4. Power within each group, on the weighted count projection.
	power, err := score.NewPower(n, weighted, score.DefaultThresholds())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nPower within each group (weighted count projection):")
	fmt.Printf("  %-16s %12s %9s %14s  %s\n", "group", "Gini(PageRank)", "top share", "centralization", "flags")
	for _, grp := range []struct {
		name    string
		members []string
	}{{"Evelyn's group", evelynGroup}, {"Sylvia's group", sylviaGroup}} {
		var idx []int
		for _, id := range grp.members {
			i, _ := n.Index(id)
			idx = append(idx, i)
		}
		gp := power.Group(idx)
		var kinds []string
		for _, f := range gp.Flags {
			kinds = append(kinds, f.Kind+"/"+f.Severity)
		}
		if len(kinds) == 0 {
			kinds = []string{"none"}
		}
		fmt.Printf("  %-16s %12.3f %9.3f %14.3f  %s\n", grp.name, gp.GiniPageRank, gp.TopShare, gp.Centralization, strings.Join(kinds, ", "))
	}
}

// eventOrder returns the event indices in the order of the published table, E1 to E14.
func eventOrder(n *graph.Network) []int {
	idx := make([]int, n.NumEvents())
	for e := range idx {
		idx[e] = e
	}
	num := func(e int) int {
		var k int
		fmt.Sscanf(n.Event(e).ID, "E%d", &k)
		return k
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(num(a), num(b)) })
	return idx
}

// top returns the k actors with the largest values, ties by ID, as "id 0.123" pairs.
func top(n *graph.Network, xs []float64, k int) string {
	idx := make([]int, len(xs))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(xs[b], xs[a]) })
	var parts []string
	for _, i := range idx[:min(k, len(idx))] {
		parts = append(parts, fmt.Sprintf("%s %.3f", n.ID(i), xs[i]))
	}
	return strings.Join(parts, ", ")
}

// compare matches each found group to the Davis et al. group most of its members belong to
// and returns how many women end up where Davis et al. put them, and the others.
func compare(groups [][]string) (int, []string) {
	agree := 0
	var differ []string
	for _, grp := range groups {
		var in1 int
		for _, id := range grp {
			if slices.Contains(evelynGroup, id) {
				in1++
			}
		}
		majority := evelynGroup
		if 2*in1 < len(grp) {
			majority = sylviaGroup
		}
		for _, id := range grp {
			if slices.Contains(majority, id) {
				agree++
			} else {
				differ = append(differ, id)
			}
		}
	}
	slices.Sort(differ)
	return agree, differ
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
