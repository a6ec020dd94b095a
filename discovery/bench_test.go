package discovery_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

// benchNets caches one synthetic network per size, written by internal/synth with
// synth.Scale(size) (about 10 contact rows and 10 attendance rows per actor) and loaded once.
var benchNets sync.Map // size -> *benchNet

type benchNet struct {
	once sync.Once
	r    *discovery.Ranker
	err  error
}

// benchRanker returns a Ranker with DefaultOptions on the synthetic network of the given
// size. Set PARTNERSCOUT_BENCH_DIR to keep the generated files between runs. With
// PARTNERSCOUT_BENCH_GATEKEEPER=off the gatekeeper threshold is +Inf (no gatekeeper flag;
// its test costs two breadth-first searches of the network per listed candidate).
func benchRanker(b *testing.B, size int) *discovery.Ranker {
	b.Helper()
	v, _ := benchNets.LoadOrStore(size, &benchNet{})
	bn := v.(*benchNet)
	bn.once.Do(func() {
		base := os.Getenv("PARTNERSCOUT_BENCH_DIR")
		if base == "" {
			base = os.TempDir()
		}
		dir := filepath.Join(base, fmt.Sprintf("partnerscout-synth-scale-%d", size))
		if _, err := os.Stat(filepath.Join(dir, "contacts.csv")); err != nil {
			if bn.err = synth.Write(dir, synth.Scale(size)); bn.err != nil {
				return
			}
		}
		var n *graph.Network
		if n, bn.err = graph.LoadDir(dir); bn.err != nil {
			return
		}
		o := discovery.DefaultOptions()
		if os.Getenv("PARTNERSCOUT_BENCH_GATEKEEPER") == "off" {
			o.Thresholds.Gatekeeper = math.Inf(1)
		}
		bn.r, bn.err = discovery.NewRanker(n, o)
	})
	if bn.err != nil {
		b.Fatal(bn.err)
	}
	return bn.r
}

var benchSizes = []int{1_000, 10_000, 100_000}

// BenchmarkRank ranks the top 10 candidates of one focal actor at a time (cycling through
// 97 actors spread over the network) with a precomputed Ranker.
func BenchmarkRank(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("actors=%d", size), func(b *testing.B) {
			r := benchRanker(b, size)
			n := r.Network()
			b.ReportAllocs()
			k := 0
			for b.Loop() {
				id := n.ID((k * 7919) % n.Len())
				if _, err := r.Rank(id); err != nil {
					b.Fatal(err)
				}
				k = (k + 1) % 97
			}
		})
	}
}

// BenchmarkRankAll ranks the top 10 candidates of every actor with RankAll, on
// GOMAXPROCS workers.
func BenchmarkRankAll(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("actors=%d", size), func(b *testing.B) {
			r := benchRanker(b, size)
			b.ReportAllocs()
			for b.Loop() {
				r.RankAll()
			}
		})
	}
}
