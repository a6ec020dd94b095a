package graph_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

// Benchmark inputs are generated once per process by internal/synth (fixed seed 1, so the
// files are the same on every run) into a temporary directory:
//
//	small: synth.Scale(10000)  ~ 100k contact rows, 100k attendance rows, 10k actors
//	large: synth.Scale(100000) ~ 1M contact rows, 1M attendance rows, 100k actors
var benchDirs struct {
	once  [2]sync.Once
	dirs  [2]string
	errs  [2]error
	roots []string
}

func benchDir(b *testing.B, k, actors int) string {
	benchDirs.once[k].Do(func() {
		dir, err := os.MkdirTemp("", "partnerscout-bench-")
		if err == nil {
			err = synth.Write(dir, synth.Scale(actors))
		}
		benchDirs.dirs[k], benchDirs.errs[k] = dir, err
	})
	if benchDirs.errs[k] != nil {
		b.Fatal(benchDirs.errs[k])
	}
	return benchDirs.dirs[k]
}

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range benchDirs.dirs {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

func reportRows(b *testing.B, dir string) {
	st := func(name string) int64 {
		fi, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return 0
		}
		return fi.Size()
	}
	b.SetBytes(st("actors.csv") + st("contacts.csv") + st("attendance.csv") + st("events.csv"))
}

// benchLoad measures LoadDir (read the four files and build the network: actors, contacts
// layer and incidence; the projection layers are built on first use, see BenchmarkProject).
func benchLoad(b *testing.B, k, actors int) {
	dir := benchDir(b, k, actors)
	reportRows(b, dir)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n, err := graph.LoadDir(dir)
		if err != nil {
			b.Fatal(err)
		}
		if n.Len() == 0 {
			b.Fatal("empty network")
		}
	}
}

func BenchmarkLoad100k(b *testing.B) { benchLoad(b, 0, 10000) }

func BenchmarkLoad1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M rows: not in -short")
	}
	benchLoad(b, 1, 100000)
}

// BenchmarkProject100k measures the first use of the events and combined layers (the
// co-attendance projection under count weighting and the merge with contacts).
func BenchmarkProject100k(b *testing.B) {
	d, err := graph.ReadDir(benchDir(b, 0, 10000), graph.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		n, err := graph.Build(d, graph.Options{})
		if err != nil {
			b.Fatal(err)
		}
		_ = n.Edges(graph.Combined)
	}
}

// BenchmarkBuild1M measures Build alone on the 1M + 1M + 100k input, read once.
func BenchmarkBuild1M(b *testing.B) {
	if testing.Short() {
		b.Skip("1M rows: not in -short")
	}
	d, err := graph.ReadDir(benchDir(b, 1, 100000), graph.Limits{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := graph.Build(d, graph.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
