package discovery_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
)

var rkUpdate = flag.Bool("update", false, "rewrite discovery/testdata/*.golden")

// goldenFocals are partners actors with planted scenarios (internal/synth): the hub, a
// dependent, a newcomer, one of a competitor pair, an introducer's contact and a holder of
// a rare goal, plus two ordinary actors.
var goldenFocals = []string{"gov-014", "ngo-041", "uni-037", "ngo-042", "gov-007", "gov-011", "ngo-001", "biz-001"}

// checkGolden compares got with testdata/name, or rewrites the file under -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *rkUpdate {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range max(len(gl), len(wl)) {
			var g, w string
			if i < len(gl) {
				g = gl[i]
			}
			if i < len(wl) {
				w = wl[i]
			}
			if g != w {
				t.Fatalf("%s differs at line %d:\ngot  %s\nwant %s\n(rerun with -update after checking the change)", path, i+1, g, w)
			}
		}
	}
}

// TestRankGolden pins the top 5 candidates of the golden focal actors on the bundled
// partners data under DefaultOptions, printed at fixed precision.
func TestRankGolden(t *testing.T) {
	n := rkPartners(t)
	o := discovery.DefaultOptions()
	o.Top = 5
	r, err := discovery.NewRanker(n, o)
	if err != nil {
		t.Fatal(err)
	}
	all, err := r.RankMany(goldenFocals)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# focal rank candidate score | goal proximity trust complementarity reach | shared goals | introducers | flags\n#   why\n")
	for _, cs := range all {
		for _, c := range cs {
			k := c.Components
			fmt.Fprintf(&b, "%s %d %s %.4f | %.4f %.4f %.4f %.4f %.4f | %s | ", c.Focal, c.Rank, c.ID, c.Score,
				k.Goal, k.Proximity, k.Trust, k.Complementarity, k.Reach, strings.Join(c.SharedGoals, ";"))
			for i, in := range c.Introducers {
				if i > 0 {
					b.WriteString(",")
				}
				fmt.Fprintf(&b, "%s:%.4f", in.ID, in.Strength)
			}
			b.WriteString(" |")
			for _, f := range c.Flags {
				fmt.Fprintf(&b, " %s:%s:%s", f.Kind, f.Severity, f.Advantage)
			}
			fmt.Fprintf(&b, "\n    %s\n", c.Why)
		}
	}
	checkGolden(t, "rank.golden", b.String())
}

// TestEventsCoalitionGolden pins the events and coalitions suggested to the golden focal
// actors on the partners data.
func TestEventsCoalitionGolden(t *testing.T) {
	n := rkPartners(t)
	o := discovery.DefaultOptions()
	o.Top = 3
	r, err := discovery.NewRanker(n, o)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, f := range goldenFocals {
		evs, err := r.Events(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			fmt.Fprintf(&b, "events %s %s %s %.4f %d %s\n    %s\n", f, e.Event, e.Date, e.Score, e.People, strings.Join(e.Relevant, ","), e.Why)
		}
		co, err := r.Coalition(f, 4)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "coalition %s %s coverage %.4f gini %.4f covered %s uncovered %s sectors %s\n    %s\n", f,
			strings.Join(co.Members, ","), co.Coverage, co.Power.GiniPageRank, strings.Join(co.Covered, ";"),
			strings.Join(co.Uncovered, ";"), strings.Join(co.Sectors, ";"), co.Why)
	}
	checkGolden(t, "events_coalition.golden", b.String())
}
