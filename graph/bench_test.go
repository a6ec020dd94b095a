package graph_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/partnerscout/partnerscout/graph"
	"github.com/partnerscout/partnerscout/internal/synth"
)

// Benchmark inputs are generated once per process by internal/synth (synth.Scale(actors),
// fixed seed 1, so the files are the same on every run) into a temporary directory: about
// 10 contact rows and 10 attendance rows per actor, and one event per actor.
//
//	1000:    10k contact rows, 10k attendance rows
//	10000:  100k contact rows, 100k attendance rows
//	100000:  1M contact rows, 1M attendance rows (the issue-6 load; not in -short)
var benchSizes = []int{1000, 10000, 100000}

var benchDirs struct {
	once [3]sync.Once
	dirs [3]string
	errs [3]error
}

func benchDir(b *testing.B, actors int) string {
	k := slices.Index(benchSizes, actors)
	if testing.Short() && actors > 10000 {
		b.Skip("1M rows: not in -short")
	}
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

// BenchmarkLoad measures LoadDir (read the four files and build the network: actors,
// contacts layer and incidence; the projection layers are built on first use, see
// BenchmarkProject100k). bench/load.sh times the 100000 case in fresh processes.
func BenchmarkLoad(b *testing.B) {
	for _, actors := range benchSizes {
		b.Run(fmt.Sprintf("actors=%d", actors), func(b *testing.B) {
			dir := benchDir(b, actors)
			reportRows(b, dir)
			b.ReportAllocs()
			for b.Loop() {
				n, err := graph.LoadDir(dir)
				if err != nil {
					b.Fatal(err)
				}
				if n.Len() == 0 {
					b.Fatal("empty network")
				}
			}
		})
	}
}

// BenchmarkBuild measures Build alone, on records read once.
func BenchmarkBuild(b *testing.B) {
	for _, actors := range benchSizes {
		b.Run(fmt.Sprintf("actors=%d", actors), func(b *testing.B) {
			d, err := graph.ReadDir(benchDir(b, actors), graph.Limits{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := graph.Build(d, graph.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkProject100k measures the first use of the events and combined layers (the
// co-attendance projection under count weighting and the merge with contacts) at 10,000
// actors.
func BenchmarkProject100k(b *testing.B) {
	d, err := graph.ReadDir(benchDir(b, 10000), graph.Limits{})
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
