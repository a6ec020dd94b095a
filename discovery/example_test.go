package discovery_test

import (
	"fmt"
	"path/filepath"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
)

// Rank every actor of a network and write each ranking out as soon as it is ready, in the
// order of the focal actors, without holding all of them in memory.
func ExampleRanker_RankEach() {
	n, err := graph.LoadDir(filepath.Join("..", "testdata", "partners"))
	if err != nil {
		panic(err)
	}
	o := discovery.DefaultOptions()
	o.Top = 1
	r, err := discovery.NewRanker(n, o)
	if err != nil {
		panic(err)
	}
	written := 0
	err = r.RankEach(n.IDs(), func(k int, cands []discovery.Candidate) error {
		if k < 3 { // a real program would write every ranking to a file here
			for _, c := range cands {
				fmt.Printf("%s: %s %.3f\n", c.Focal, c.ID, c.Score)
			}
		}
		written++
		return nil
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(written, "focal actors ranked")
	// Output:
	// biz-001: uni-009 0.497
	// biz-002: gov-012 0.617
	// biz-003: uni-016 0.485
	// 150 focal actors ranked
}
