package score_test

import (
	"slices"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/score"
)

// GatekeepingFrom(a) must equal Gatekeeping(a, b) for every b, and PairFrom must equal Pair
// without the flags of a gatekeeping b.
func TestGatekeepingFromMatchesPairs(t *testing.T) {
	for _, dir := range []string{"../testdata/florentine", "../testdata/karate", "../testdata/golden/random2"} {
		n, err := graph.LoadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		p, err := score.NewPower(n, score.Config{}, score.DefaultThresholds())
		if err != nil {
			t.Fatal(err)
		}
		var gate []float64
		for a := 0; a < n.Len(); a++ {
			gate = p.GatekeepingFrom(a, gate)
			for b := 0; b < n.Len(); b++ {
				if want := p.Gatekeeping(a, b); gate[b] != want {
					t.Errorf("%s: GatekeepingFrom(%s)[%s] = %v, Gatekeeping = %v", dir, n.ID(a), n.ID(b), gate[b], want)
				}
				want := slices.DeleteFunc(p.Pair(a, b), func(f score.Flag) bool {
					return f.Kind == score.Gatekeeper && f.Advantage == n.ID(a)
				})
				if got := p.PairFrom(a, b, gate); !slices.Equal(got, want) {
					t.Errorf("%s: PairFrom(%s, %s) = %v, want %v", dir, n.ID(a), n.ID(b), got, want)
				}
			}
		}
	}
}
