package discovery_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

// Two kinds of synthetic network are benchmarked, both written by internal/synth:
//
//   - "spec": the network of the performance target (issue 4/6: 100,000 actors and about
//     1,000,000 contact ties): synth.Scale(size) with modest events, see specConfig;
//   - "heavy": synth.Scale(size) unchanged, whose few events of thousands of attendees
//     make the combined layer about 25 times denser than the contacts layer.
//
// Each is generated once into PARTNERSCOUT_BENCH_DIR (default: the temporary directory)
// and reused by later runs.
var benchNets sync.Map // kind/size -> *benchNet

type benchNet struct {
	once sync.Once
	r    *discovery.Ranker
	err  error
}

// specConfig is synth.Scale(size) with 12 contact rows per actor instead of 10 (100,000
// actors then have about 1,000,000 distinct contact ties, as repeated rows merge) and
// modest events: one event per 5 actors, one attendance row per actor (mean event size 5)
// and event sizes with tail exponent 2.5 instead of 1.6, so the largest events have about
// a hundred attendees, not thousands.
func specConfig(size int) synth.Config {
	c := synth.Scale(size)
	c.ContactsPerActor = 12
	c.Events = max(1, size/5)
	c.AttendancePerActor = 1
	c.EventSizeExponent = 2.5
	return c
}

// benchDir returns the directory of the network of the given kind and size, writing it
// first when it does not exist.
func benchDir(kind string, size int) (string, error) {
	base := os.Getenv("PARTNERSCOUT_BENCH_DIR")
	if base == "" {
		base = os.TempDir()
	}
	c := synth.Scale(size)
	name := fmt.Sprintf("partnerscout-synth-scale-%d", size)
	if kind == "spec" {
		c = specConfig(size)
		name = fmt.Sprintf("partnerscout-synth-spec-%d", size)
	}
	dir := filepath.Join(base, name)
	if _, err := os.Stat(filepath.Join(dir, "contacts.csv")); err != nil {
		if err := synth.Write(dir, c); err != nil {
			return "", err
		}
	}
	return dir, nil
}

// benchRanker returns a Ranker with DefaultOptions on the synthetic network of the given
// kind and size. With PARTNERSCOUT_BENCH_GATEKEEPER=off the gatekeeper threshold is +Inf
// (no gatekeeper flag, so no search of the focal actor's paths; see gate.go).
func benchRanker(b *testing.B, kind string, size int) *discovery.Ranker {
	b.Helper()
	v, _ := benchNets.LoadOrStore(fmt.Sprint(kind, size), &benchNet{})
	bn := v.(*benchNet)
	bn.once.Do(func() {
		var dir string
		if dir, bn.err = benchDir(kind, size); bn.err != nil {
			return
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

// benchCases are the networks benchmarked: the spec-like network at three sizes and the
// heavy one at the target size.
var benchCases = []struct {
	kind string
	size int
}{{"spec", 1_000}, {"spec", 10_000}, {"spec", 100_000}, {"heavy", 100_000}}

// cpuTime returns the CPU time (user + system) the process has used so far, 0 when it
// cannot be read.
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportCPU reports the process CPU time since start per unit (ns/op or ns/focal), which on
// a loaded machine says more than the wall time. It includes the garbage collector.
func reportCPU(b *testing.B, start time.Duration, units int, unit string) {
	b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(units), unit)
}

// BenchmarkRank ranks the top 10 candidates of one focal actor at a time (cycling through
// 97 actors spread over the network) with a precomputed Ranker: ns/op is the time per focal
// actor.
func BenchmarkRank(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(fmt.Sprintf("%s/actors=%d", bc.kind, bc.size), func(b *testing.B) {
			r := benchRanker(b, bc.kind, bc.size)
			n := r.Network()
			b.ReportAllocs()
			k := 0
			start := cpuTime()
			for b.Loop() {
				id := n.ID((k * 7919) % n.Len())
				if _, err := r.Rank(id); err != nil {
					b.Fatal(err)
				}
				k = (k + 1) % 97
			}
			reportCPU(b, start, b.N, "cpu-ns/op")
		})
	}
}

// BenchmarkRankAll ranks the top 10 candidates of 1,000 focal actors spread over the
// network with RankMany on GOMAXPROCS workers, and reports the time per focal actor
// (ns/focal); the whole network (RankAll) costs about Len() times that. Ranking every actor
// of the 100,000-actor networks once per iteration would take minutes.
func BenchmarkRankAll(b *testing.B) {
	for _, bc := range benchCases {
		b.Run(fmt.Sprintf("%s/actors=%d", bc.kind, bc.size), func(b *testing.B) {
			r := benchRanker(b, bc.kind, bc.size)
			n := r.Network()
			m := min(1000, n.Len())
			focals := make([]string, m)
			for k := range focals {
				focals[k] = n.ID(int(int64(k) * int64(n.Len()) / int64(m)))
			}
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				if _, err := r.RankMany(focals); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*m), "ns/focal")
			reportCPU(b, start, b.N*m, "cpu-ns/focal")
		})
	}
}
