package score

import (
	"flag"
	"regexp"
	"sync"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
)

// Benchmark graphs, built once each. They are Barabási–Albert graphs (see baDataset) with
// tie weights in {1, ..., 5}, from fixed seeds:
//
//	10k:     10,000 actors, m = 5:   49,985 ties  (exact path measures)
//	100k1M: 100,000 actors, m = 10: 999,945 ties  (power iterations, sampling, memory)
//
// bench/compare.sh writes the same 10k graph (bench/gobench -write) for igraph and networkx.
var (
	bench10kOnce, bench100kOnce sync.Once
	bench10k, bench100k         *graph.Network
)

func graph10k(b *testing.B) *graph.Network {
	bench10kOnce.Do(func() { bench10k = mustBuild(b, baDataset(10000, 5, 1, true)) })
	return bench10k
}

func graph100k(b *testing.B) *graph.Network {
	bench100kOnce.Do(func() { bench100k = mustBuild(b, baDataset(100000, 10, 1, true)) })
	return bench100k
}

func benchMeasure(b *testing.B, n *graph.Network, f func(*graph.Network, Config) ([]float64, error), c Config) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f(n, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBetweenness: exact Brandes at 10k actors / 50k ties, all workers and one.
func BenchmarkBetweenness(b *testing.B) {
	for _, tc := range []struct {
		name string
		c    Config
	}{
		{"10k/unweighted", Config{}},
		{"10k/weighted", Config{Weighted: true}},
		{"10k/unweighted/1worker", Config{Workers: 1}},
		{"10k/weighted/1worker", Config{Weighted: true, Workers: 1}},
	} {
		b.Run(tc.name, func(b *testing.B) { benchMeasure(b, graph10k(b), Betweenness, tc.c) })
	}
}

func BenchmarkCloseness(b *testing.B) {
	b.Run("10k/unweighted", func(b *testing.B) { benchMeasure(b, graph10k(b), Closeness, Config{}) })
	b.Run("10k/weighted", func(b *testing.B) { benchMeasure(b, graph10k(b), Closeness, Config{Weighted: true}) })
}

func BenchmarkHarmonic(b *testing.B) {
	b.Run("10k/unweighted", func(b *testing.B) { benchMeasure(b, graph10k(b), Harmonic, Config{}) })
	b.Run("10k/weighted", func(b *testing.B) { benchMeasure(b, graph10k(b), Harmonic, Config{Weighted: true}) })
}

func BenchmarkPageRank(b *testing.B) {
	b.Run("100k1M/unweighted", func(b *testing.B) { benchMeasure(b, graph100k(b), PageRank, Config{}) })
	b.Run("100k1M/weighted", func(b *testing.B) { benchMeasure(b, graph100k(b), PageRank, Config{Weighted: true}) })
}

func BenchmarkEigenvector(b *testing.B) {
	b.Run("100k1M/unweighted", func(b *testing.B) { benchMeasure(b, graph100k(b), Eigenvector, Config{}) })
	b.Run("100k1M/weighted", func(b *testing.B) { benchMeasure(b, graph100k(b), Eigenvector, Config{Weighted: true}) })
}

func BenchmarkDegree(b *testing.B) {
	n := graph100k(b)
	b.ReportAllocs()
	for b.Loop() {
		Degree(n, Config{})
	}
}

// benchNamed reports whether the -bench pattern names this benchmark explicitly (its name
// appears literally in the pattern), so that slow benchmarks do not run under -bench=. .
func benchNamed(name string) bool {
	f := flag.Lookup("test.bench")
	if f == nil {
		return false
	}
	return regexp.MustCompile(`\b` + name + `\b`).MatchString(f.Value.String())
}

// BenchmarkBetweennessApprox: Riondato-Kornaropoulos sampling at 100k actors / 1M ties with
// ε = 0.01, δ = 0.1. It takes tens of seconds per run, so it is skipped unless -bench names
// it: go test ./score -run '^$' -bench BetweennessApprox -benchtime 1x
func BenchmarkBetweennessApprox(b *testing.B) {
	if !benchNamed("BetweennessApprox") {
		b.Skip("slow; run with -bench BetweennessApprox")
	}
	for _, w := range []bool{false, true} {
		name := "100k1M/unweighted/eps0.01"
		if w {
			name = "100k1M/weighted/eps0.01"
		}
		b.Run(name, func(b *testing.B) {
			n := graph100k(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := BetweennessApprox(n, Config{Weighted: w}, Approx{Epsilon: 0.01}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPathMemory measures the memory of the exact path measures at 100k actors / 1M ties
// (reported as B/op) by running the same code as Betweenness, Closeness and Harmonic on the
// first 32 sources only: the allocation does not depend on the number of sources and is
// O(workers·n + m), never n × n (which would be 80 GB here).
func BenchmarkPathMemory(b *testing.B) {
	const nsrc = 32
	for _, w := range []bool{false, true} {
		name := "unweighted"
		if w {
			name = "weighted"
		}
		c := Config{Weighted: w}
		b.Run("betweenness/100k1M/"+name, func(b *testing.B) {
			n := graph100k(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := betweenness(n, c, nsrc); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("closeness/100k1M/"+name, func(b *testing.B) {
			n := graph100k(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := perSourceValue(n, c, nsrc, closenessValue); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("harmonic/100k1M/"+name, func(b *testing.B) {
			n := graph100k(b)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := perSourceValue(n, c, nsrc, harmonicValue); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
