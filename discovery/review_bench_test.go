package discovery_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/partnerscout/partnerscout/discovery"
	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

// reviewBenchSize is the number of actors of the synthetic network of the review benchmarks.
const reviewBenchSize = 100_000

// reviewBenchData is the synthetic network written by synth.Write(dir,
// synth.Scale(100000)) (2022-01-01 to 2024-12-31) and read once. Set PARTNERSCOUT_BENCH_DIR
// to keep the generated files between runs (shared with the ranking benchmarks).
var reviewBenchData = sync.OnceValues(func() (*graph.Dataset, error) {
	base := os.Getenv("PARTNERSCOUT_BENCH_DIR")
	if base == "" {
		base = os.TempDir()
	}
	dir := filepath.Join(base, fmt.Sprintf("partnerscout-synth-scale-%d", reviewBenchSize))
	if _, err := os.Stat(filepath.Join(dir, "contacts.csv")); err != nil {
		if err := synth.Write(dir, synth.Scale(reviewBenchSize)); err != nil {
			return nil, err
		}
	}
	return graph.ReadDir(dir, graph.Limits{})
})

// reviewBenchConfig reviews the last year of the synthetic data: then 2023-12-31, now the
// newest date (2024-12-31), contacts as the partner layer and DefaultOptions for the
// follow-through.
func reviewBenchConfig() discovery.ReviewConfig {
	return discovery.ReviewConfig{
		Then: time.Date(2023, 12, 31, 0, 0, 0, 0, time.UTC),
		Rank: discovery.DefaultOptions(),
	}
}

func reviewBenchLoad(b *testing.B) *graph.Dataset {
	b.Helper()
	d, err := reviewBenchData()
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// BenchmarkReview reviews one focal actor at a time (cycling through 97 actors spread over
// the network) on the 100,000-actor synthetic network, with a Reviewer whose two sides and
// network-wide measures are already built: the cost of each further review.
func BenchmarkReview(b *testing.B) {
	d := reviewBenchLoad(b)
	rv, err := discovery.NewReviewer(d, reviewBenchConfig())
	if err != nil {
		b.Fatal(err)
	}
	if err := rv.Prepare(); err != nil { // the measures and the ranker
		b.Fatal(err)
	}
	n := rv.Now()
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		if _, err := rv.Review(n.ID((k * 7919) % n.Len())); err != nil {
			b.Fatal(err)
		}
		k = (k + 1) % 97
	}
}

// BenchmarkReviewCold is discovery.Review from the loaded dataset: building both sides,
// their measures (betweenness by sampling at this size) and the ranking at then, and one
// review.
func BenchmarkReviewCold(b *testing.B) {
	d := reviewBenchLoad(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := discovery.Review(d, "ngo-000001", reviewBenchConfig()); err != nil {
			b.Fatal(err)
		}
	}
}
